import { defineInputFields } from 'zapier-platform-core';

import { optionalCompanyField } from '../fields';
import { invalidInput } from '../inputs';
import { rankByName } from '../nameMatch';
import { checkUsCaPhoneNumber } from '../phone';
import { searchTrackers } from '../tracker/requests';
import { trackerResource } from '../tracker/resource';
import * as read from '../readers';
import { searchOperation } from '../searchOperation';

const inputFields = defineInputFields([
  {
    key: 'name',
    label: 'Tracker Name',
    required: false,
    helpText:
      'The tracker’s name, in any case: an exact name comes first, then names containing it.',
  },
  {
    key: 'tracking_number',
    label: 'Tracking Number',
    required: false,
    helpText:
      'One of the tracker’s numbers, written any common way, e.g. (770) 555-0199. Give a name, a number or both.',
  },
  { ...optionalCompanyField, helpText: 'Only trackers of this company. Leave empty for all.' },
]);

/** E.164 for each stored number, so any spelling CallRail returns compares equal. */
const e164 = (number: string) => {
  const checked = checkUsCaPhoneNumber(number);
  return checked.ok ? checked.e164 : number;
};

const inputs = {
  name: read.text,
  tracking_number: read.phone,
  company_id: read.id('company'),
};

export default searchOperation({
  key: 'find_tracker',
  noun: 'Tracker',
  display: {
    label: 'Find Tracker',
    description:
      'Finds a tracker (a tracking number source) by name or tracking number, active ones first.',
  },
  inputFields,
  inputs,
  resource: trackerResource,
  // One request, searching by name when there is one (else by number); rows re-checked here.
  perform: async (z, bundle, { name, tracking_number: number, company_id: companyId }) => {
    if (!name && !number) {
      throw invalidInput(z, 'Give a Tracker Name or a Tracking Number to search for.');
    }
    // The national digits are in every form CallRail may store a number in (callrailFacts.ts).
    const search = name ?? (number ?? '').replace(/^\+1/, '');
    const found = await searchTrackers(z, bundle, { search, companyId });
    const withNumber = number
      ? found.filter((tracker) => tracker.tracking_numbers.some((n) => e164(n) === number))
      : found;
    // Active trackers first; by name, exact before partial.
    return rankByName(withNumber, name ?? '');
  },
});
