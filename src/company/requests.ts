import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE } from '../callrailFacts';
import { callRail, itemsOf } from '../client';
import type { Raw } from '../fieldTable';
import { companyResource, type CompanyOutput } from './resource';

const LIST_ENDPOINT = 'the company list (companies.json)';

/** One page (CallRail's, 1-based) of the account's active companies, by name. */
export const listActiveCompanies = async (
  z: ZObject,
  bundle: Bundle,
  { page = 1, search }: { page?: number; search?: string } = {},
): Promise<CompanyOutput[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'companies.json',
    params: {
      status: 'active',
      sort: 'name',
      order: 'asc',
      per_page: MAX_PER_PAGE,
      page,
      search,
    },
    context: { action: 'list your companies' },
  });
  return itemsOf<Raw>(z, body, 'companies', LIST_ENDPOINT).map(companyResource.normalize);
};

/**
 * The account's companies, active and disabled, by name (whose name CallRail's search matches,
 * with `search`): one request of up to 250, which a name narrows far below that.
 */
export const listCompanies = async (
  z: ZObject,
  bundle: Bundle,
  { search }: { search?: string } = {},
): Promise<CompanyOutput[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'companies.json',
    params: { search, sort: 'name', order: 'asc', per_page: MAX_PER_PAGE },
    context: { action: search === undefined ? 'list your companies' : 'search your companies' },
  });
  return itemsOf<Raw>(z, body, 'companies', LIST_ENDPOINT).map(companyResource.normalize);
};

export const searchCompanies = (z: ZObject, bundle: Bundle, name: string) =>
  listCompanies(z, bundle, { search: name });
