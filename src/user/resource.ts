import { defineResource, type Output } from '../fieldTable';

/** A user of the account as `users.json` returns it (reference §5; ids `USR…`). */
export const userResource = defineResource({
  noun: 'User',
  rawSample: {
    id: 'USR8154748ae6bd4e278a7cddd38a662f4f',
    email: 'gil@televised.com',
    first_name: 'Gil',
    last_name: 'Televised',
    name: 'Gil Televised',
    role: 'manager',
    accepted: true,
    created_at: '2025-05-19T15:00:00.000-04:00',
  },
  fields: {
    id: { label: 'User ID', primary: true },
    email: { label: 'Email' },
    first_name: { label: 'First Name' },
    last_name: { label: 'Last Name' },
    name: { label: 'Full Name' },
    role: { label: 'Role' },
    accepted: { label: 'Invitation Accepted', type: 'boolean' },
    created_at: { label: 'Created At', type: 'datetime' },
  },
});

export type UserOutput = Output<typeof userResource.fields>;
