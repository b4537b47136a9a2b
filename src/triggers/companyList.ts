import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { MAX_PER_PAGE } from '../callrailFacts';
import type { Company, Page } from '../callrailTypes';
import { callRail } from '../client';

/** Active companies, for every Company dropdown; Zapier asks for more pages as the user scrolls. */
export const perform = (async (z, bundle) => {
  const result = await callRail<Page & { companies: Company[] }>(z, bundle, {
    path: 'companies.json',
    params: {
      status: 'active',
      sort: 'name',
      order: 'asc',
      per_page: MAX_PER_PAGE,
      page: (bundle.meta.page ?? 0) + 1,
    },
    context: { action: 'list your companies' },
  });
  return result.companies.map((company) => ({
    id: company.id,
    name: company.name,
    time_zone: company.time_zone ?? null,
  }));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'company_list',
  noun: 'Company',
  display: {
    label: 'List Companies',
    description: 'Lists active companies for dropdowns.',
    hidden: true,
  },
  operation: { type: 'polling', canPaginate: true, perform },
});
