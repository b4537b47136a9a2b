import { chosenCompany, dropdownTrigger } from '../dropdownTrigger';
import { listActiveTrackers } from '../tracker/requests';
import type { TrackerOutput } from '../tracker/resource';

/**
 * Whether a tracker may text. A flag CallRail left out is unknown, not "no" (callrailFacts.ts,
 * TRACKER_SMS_FLAG_ABSENT_MEANS): the number is offered, and CallRail refuses it clearly if it
 * cannot text. Only an explicit false excludes it.
 */
const mayText = (tracker: TrackerOutput): boolean =>
  tracker.sms_enabled ?? tracker.sms_supported !== false;

/** The numbers a company can text from: those of its active trackers that may text. */
export default dropdownTrigger({
  key: 'tracking_number_list',
  noun: 'Tracking Number',
  label: 'List Texting Numbers',
  description: "Lists the numbers of a company's active, SMS-enabled trackers for dropdowns.",
  read: chosenCompany,
  list: async (z, bundle, { companyId }, page) =>
    companyId ? listActiveTrackers(z, bundle, { companyId, page: page.number }) : [],
  choice: (tracker) =>
    mayText(tracker)
      ? tracker.tracking_numbers.map((number) => ({
          id: number,
          name: `${tracker.name} (${number})`,
          tracker_id: tracker.id,
        }))
      : [],
});
