import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { readOptionalCompany } from '../fields';
import { listActiveTrackers } from '../tracker/requests';

/** A company's active trackers; an empty list until a company is chosen. */
const perform = (async (z, bundle) => {
  const companyId = readOptionalCompany(z, bundle);
  if (!companyId) return [];
  const trackers = await listActiveTrackers(z, bundle, { companyId, page: bundle.meta.page ?? 0 });
  return trackers.map((tracker) => ({
    id: tracker.id,
    name: tracker.tracking_numbers.length
      ? `${tracker.name} (${tracker.tracking_numbers.join(', ')})`
      : tracker.name,
  }));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'tracker_list',
  noun: 'Tracker',
  display: {
    label: 'List Trackers',
    description: "Lists a company's active trackers for dropdowns.",
    hidden: true,
  },
  operation: { type: 'polling', canPaginate: true, perform },
});
