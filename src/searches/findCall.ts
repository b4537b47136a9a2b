import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';

import { fetchCall, searchCallsByPhone } from '../call/requests';
import { recordedCallOutput, withRecordingFile, type CallWithFile } from '../call/recording';
import { firstTimeCallersField, optionalCompanyField } from '../fields';
import { invalidInput, type InputValues } from '../inputs';
import * as read from '../readers';
import { searchOperation } from '../searchOperation';

const MAX_MATCHES = 25;

const inputFields = defineInputFields([
  {
    key: 'call_id',
    label: 'Call',
    required: false,
    dynamic: 'call_list.id.name',
    helpText:
      'A CallRail call ID (`CAL…`) from a trigger, or a link to the call copied from CallRail. Leave empty to search by phone number.',
  },
  {
    key: 'customer_phone_number',
    label: 'Customer Phone Number',
    required: false,
    helpText: 'Finds calls from or to this number, written any common way, e.g. (770) 555-0199.',
  },
  optionalCompanyField,
  {
    key: 'start_date',
    label: 'From Date',
    type: 'datetime',
    required: false,
    helpText: 'Only calls on or after this day.',
  },
  {
    key: 'end_date',
    label: 'To Date',
    type: 'datetime',
    required: false,
    helpText: 'Only calls on or before this day.',
  },
  {
    ...firstTimeCallersField,
    helpText: 'When searching by phone number: only calls from a first-time caller.',
  },
]);

const inputs = {
  call_id: read.callId,
  customer_phone_number: read.phoneDigits,
  dates: read.dayRange('start_date', 'end_date'),
  company_id: read.id('company'),
  first_time_callers: read.boolean,
};

const findCalls = async (z: ZObject, bundle: Bundle, input: InputValues<typeof inputs>) => {
  if (input.call_id) {
    const call = await fetchCall(z, bundle, input.call_id);
    return call ? [call] : [];
  }
  if (!input.customer_phone_number) {
    throw invalidInput(z, 'Give a Call or a Customer Phone Number to search for.');
  }
  return searchCallsByPhone(z, bundle, {
    digits: input.customer_phone_number,
    companyId: input.company_id,
    ...input.dates,
    firstTimeOnly: input.first_time_callers === true,
    limit: MAX_MATCHES,
  });
};

export default searchOperation({
  key: 'find_call',
  noun: 'Call',
  display: {
    label: 'Find Call',
    description:
      "Finds a call by its ID or link, or the newest calls with a customer's phone number.",
  },
  inputFields,
  inputs,
  resource: recordedCallOutput,
  perform: async (z, bundle, input): Promise<CallWithFile[]> => {
    const calls = await findCalls(z, bundle, input);
    return calls.map((call) => withRecordingFile(z, call));
  },
});
