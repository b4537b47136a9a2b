import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';

import { inputsOf } from '../inputs';
import { listUsers } from '../user/requests';
import { userResource, type UserOutput } from '../user/resource';

const inputFields = defineInputFields([
  {
    key: 'email',
    label: 'Email',
    required: true,
    helpText:
      'The user’s login email, in any case, e.g. gil@example.com. Only an exact match counts.',
  },
]);

/** One request: CallRail's search also matches names and parts of emails, so rows are re-checked. */
const perform = (async (z, bundle) => {
  const email = inputsOf(z, bundle, inputFields).email('email', { required: true }).toLowerCase();
  const users = await listUsers(z, bundle, { search: email });
  return users.filter((user) => user.email?.trim().toLowerCase() === email);
}) satisfies SearchPerform<typeof inputFields, UserOutput>;

export default defineSearch({
  key: 'find_user',
  noun: 'User',
  display: {
    label: 'Find User',
    description: 'Finds a user of the account by email, for their ID, name and role.',
  },
  operation: {
    inputFields,
    perform,
    sample: userResource.sample,
    outputFields: userResource.outputFields,
  },
});
