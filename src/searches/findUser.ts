import { defineInputFields } from 'zapier-platform-core';

import * as read from '../readers';
import { searchOperation } from '../searchOperation';
import { listUsers } from '../user/requests';
import { userResource } from '../user/resource';

const inputFields = defineInputFields([
  {
    key: 'email',
    label: 'Email',
    required: true,
    helpText:
      'The user’s login email, in any case, e.g. gil@example.com. Only an exact match counts.',
  },
]);

const inputs = { email: read.required(read.email) };

export default searchOperation({
  key: 'find_user',
  noun: 'User',
  display: {
    label: 'Find User',
    description: 'Finds a user of the account by email, for their ID, name and role.',
  },
  inputFields,
  inputs,
  resource: userResource,
  // One request: CallRail's search also matches names and parts of emails, so rows are re-checked.
  perform: async (z, bundle, input) => {
    const email = input.email.toLowerCase();
    const users = await listUsers(z, bundle, { search: email });
    return users.filter((user) => user.email?.trim().toLowerCase() === email);
  },
});
