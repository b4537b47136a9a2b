import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { optionalCompanyField } from '../fields';
import { inputsOf } from '../inputs';
import { listActiveTrackers } from '../tracker/requests';

/** The numbers a company can text from: those of its active, SMS-enabled trackers. */
const perform = (async (z, bundle) => {
  const companyId = inputsOf(z, bundle, [optionalCompanyField]).id('company_id', 'company');
  if (!companyId) return [];
  const trackers = await listActiveTrackers(z, bundle, { companyId, page: bundle.meta.page ?? 0 });
  return trackers
    .filter((tracker) => tracker.sms_enabled === true)
    .flatMap((tracker) =>
      tracker.tracking_numbers.map((number) => ({
        id: number,
        name: `${tracker.name} (${number})`,
        tracker_id: tracker.id,
      })),
    );
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'tracking_number_list',
  noun: 'Tracking Number',
  display: {
    label: 'List Texting Numbers',
    description: "Lists the numbers of a company's active, SMS-enabled trackers for dropdowns.",
    hidden: true,
  },
  operation: { type: 'polling', canPaginate: true, perform },
});
