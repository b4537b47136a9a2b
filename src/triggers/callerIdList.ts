import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { listCallerIdChoices } from '../callerId/requests';
import { readOptionalCompany } from '../fields';

/** Numbers an outbound call can show the customer; an empty list until a company is chosen. */
const perform = (async (z, bundle) => {
  const companyId = readOptionalCompany(z, bundle);
  if (!companyId) return [];
  return listCallerIdChoices(z, bundle, { companyId, page: bundle.meta.page ?? 0 });
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'caller_id_list',
  noun: 'Caller ID',
  display: {
    label: 'List Caller IDs',
    description:
      "Lists a company's tracking numbers and verified outbound caller IDs for dropdowns.",
    hidden: true,
  },
  operation: { type: 'polling', canPaginate: true, perform },
});
