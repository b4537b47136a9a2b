import { dropdownTrigger, noInputs } from '../dropdownTrigger';
import { listUsers } from '../user/requests';

/**
 * The account's users for User dropdowns (e.g. the agent of an outbound call), by email; Zapier
 * asks for more pages as the user scrolls. Other operations point at `user_list.id.name`.
 */
export default dropdownTrigger({
  key: 'user_list',
  noun: 'User',
  label: 'List Users',
  description: 'Lists the account’s users for dropdowns.',
  read: noInputs,
  list: (z, bundle, _query, page) => listUsers(z, bundle, { page: page.number }),
  choice: (user) => ({
    id: user.id,
    name: [
      user.name ?? user.email ?? user.id,
      user.email && user.name ? `(${user.email})` : null,
      user.accepted === false ? '· invitation pending' : null,
    ]
      .filter(Boolean)
      .join(' '),
    email: user.email,
  }),
});
