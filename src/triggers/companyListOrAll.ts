import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { listActiveCompanies } from '../company/requests';
import { ALL_COMPANIES } from '../readers';

/** The companies dropdown of operations that may cover every company: All Companies first. */
const perform = (async (z, bundle) => {
  const page = bundle.meta.page ?? 0;
  const companies = await listActiveCompanies(z, bundle, { page });
  return [
    ...(page === 0 ? [{ id: ALL_COMPANIES, name: 'All Companies', time_zone: null }] : []),
    ...companies.map((company) => ({
      id: company.id,
      name: company.name,
      time_zone: company.time_zone ?? null,
    })),
  ];
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'company_list_or_all',
  noun: 'Company',
  display: {
    label: 'List Companies or All',
    description: 'Lists All Companies, then the active companies, for dropdowns.',
    hidden: true,
  },
  operation: { type: 'polling', canPaginate: true, perform },
});
