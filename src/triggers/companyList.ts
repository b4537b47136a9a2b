import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { listActiveCompanies } from '../company/requests';

/** Active companies, for every Company dropdown; Zapier asks for more pages as the user scrolls. */
const perform = (async (z, bundle) =>
  (await listActiveCompanies(z, bundle, { page: bundle.meta.page ?? 0 })).map((company) => ({
    id: company.id,
    name: company.name,
    time_zone: company.time_zone,
  }))) satisfies PollingTriggerPerform;

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
