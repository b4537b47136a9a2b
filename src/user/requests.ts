import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE, USER_SORT } from '../callrailFacts';
import { callRail, itemsOf } from '../client';
import type { Raw } from '../fieldTable';
import { userResource, type UserOutput } from './resource';

/** One page (CallRail's, 1-based) of the account's users by email, or those CallRail's search matches. */
export const listUsers = async (
  z: ZObject,
  bundle: Bundle,
  { page = 1, search }: { page?: number; search?: string } = {},
): Promise<UserOutput[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'users.json',
    params: {
      search,
      sort: USER_SORT,
      order: 'asc',
      per_page: MAX_PER_PAGE,
      page,
    },
    context: { action: search ? 'search your users' : 'list your users' },
  });
  return itemsOf<Raw>(z, body, 'users', 'the user list (users.json)').map(userResource.normalize);
};
