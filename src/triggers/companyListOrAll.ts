import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { companyChoices } from '../company/requests';
import { ALL_COMPANIES } from '../inputs';

/** The companies dropdown of operations that may cover every company: All Companies first. */
const perform = (async (z, bundle) => [
  ...((bundle.meta.page ?? 0) === 0
    ? [{ id: ALL_COMPANIES, name: 'All Companies', time_zone: null }]
    : []),
  ...(await companyChoices(z, bundle)),
]) satisfies PollingTriggerPerform;

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
