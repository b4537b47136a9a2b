import { recentCalls } from '../call/recent';
import { dropdownTrigger, noInputs } from '../dropdownTrigger';
import { POLL_PAGE_SIZE } from '../polling';
import { fetchRecent } from '../recentItems';

/** Recent calls for the Call dropdown, labelled so a person can tell them apart. */
export default dropdownTrigger({
  key: 'call_list',
  noun: 'Call',
  label: 'List Calls',
  description: 'Lists recent calls for dropdowns.',
  read: noInputs,
  list: (z, bundle, _query, page) =>
    fetchRecent(
      z,
      bundle,
      recentCalls,
      {},
      { pageSize: POLL_PAGE_SIZE, followBursts: false, page },
    ),
  choice: (call) => ({
    id: call.id,
    name: [call.customer_name ?? call.customer_phone_number ?? 'Unknown caller', call.start_time]
      .filter(Boolean)
      .join(' · '),
  }),
});
