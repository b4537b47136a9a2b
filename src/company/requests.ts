import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE } from '../callrailFacts';
import type { Company } from '../callrailTypes';
import { callRail, itemsOf } from '../client';

/** One page (0-based) of the account's active companies, by name. */
export const listActiveCompanies = async (
  z: ZObject,
  bundle: Bundle,
  { page = 0, search }: { page?: number; search?: string } = {},
): Promise<Company[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'companies.json',
    params: {
      status: 'active',
      sort: 'name',
      order: 'asc',
      per_page: MAX_PER_PAGE,
      page: page + 1,
      search,
    },
    context: { action: 'list your companies' },
  });
  return itemsOf<Company>(z, body, 'companies', 'the company list (companies.json)');
};
