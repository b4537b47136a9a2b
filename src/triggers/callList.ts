import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { fetchRecentCalls } from '../call/requests';
import { POLL_PAGE_SIZE } from '../polling';

/** Recent calls for the Call dropdown, labelled so a person can tell them apart. */
const perform = (async (z, bundle) => {
  const calls = await fetchRecentCalls(z, bundle, {
    filters: {},
    pageSize: POLL_PAGE_SIZE,
    followBursts: false,
    offset: bundle.meta.page ?? 0,
  });
  return calls.map((call) => ({
    id: call.id,
    name: [call.customer_name ?? call.customer_phone_number ?? 'Unknown caller', call.start_time]
      .filter(Boolean)
      .join(' · '),
  }));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'call_list',
  noun: 'Call',
  display: { label: 'List Calls', description: 'Lists recent calls for dropdowns.', hidden: true },
  operation: { type: 'polling', canPaginate: true, perform },
});
