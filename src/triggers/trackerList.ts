import { chosenCompany, dropdownTrigger } from '../dropdownTrigger';
import { listActiveTrackers } from '../tracker/requests';

/** A company's active trackers; an empty list until a company is chosen. */
export default dropdownTrigger({
  key: 'tracker_list',
  noun: 'Tracker',
  label: 'List Trackers',
  description: "Lists a company's active trackers for dropdowns.",
  read: chosenCompany,
  list: async (z, bundle, { companyId }, page) =>
    companyId ? listActiveTrackers(z, bundle, { companyId, page: page.number }) : [],
  choice: (tracker) => ({
    id: tracker.id,
    name: tracker.tracking_numbers.length
      ? `${tracker.name} (${tracker.tracking_numbers.join(', ')})`
      : tracker.name,
  }),
});
