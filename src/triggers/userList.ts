import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { listUsers } from '../user/requests';

/**
 * The account's users for User dropdowns (e.g. the agent of an outbound call), by email; Zapier
 * asks for more pages as the user scrolls. Other operations point at `user_list.id.name`.
 */
const perform = (async (z, bundle) =>
  (await listUsers(z, bundle, { page: bundle.meta.page ?? 0 })).map((user) => ({
    id: user.id,
    name: [
      user.name ?? user.email ?? user.id,
      user.email && user.name ? `(${user.email})` : null,
      user.accepted === false ? '· invitation pending' : null,
    ]
      .filter(Boolean)
      .join(' '),
    email: user.email,
  }))) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'user_list',
  noun: 'User',
  display: {
    label: 'List Users',
    description: 'Lists the account’s users for dropdowns.',
    hidden: true,
  },
  operation: { type: 'polling', canPaginate: true, perform },
});
