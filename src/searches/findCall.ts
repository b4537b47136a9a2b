import {
  defineInputFields,
  defineSearch,
  type Bundle,
  type SearchPerform,
  type ZObject,
} from 'zapier-platform-core';

import { fetchCall, searchCallsByPhone } from '../call/requests';
import { recordedCallOutput, withRecordingFile, type CallWithFile } from '../call/recording';
import { optionalCompanyField } from '../fields';
import { inputsOf, invalidInput } from '../inputs';
import { searchDigits } from '../phone';

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
]);

const findCalls = async (z: ZObject, bundle: Bundle) => {
  const input = inputsOf(z, bundle, inputFields);
  const callId = input.callId('call_id');
  if (callId) {
    const call = await fetchCall(z, bundle, callId);
    return call ? [call] : [];
  }
  const phone = input.text('customer_phone_number');
  if (!phone) throw invalidInput(z, 'Give a Call or a Customer Phone Number to search for.');
  const digits = searchDigits(phone);
  if (digits.length < 7) {
    throw invalidInput(z, `Customer Phone Number "${phone}" has too few digits to search for.`);
  }
  const { from, to } = input.dayRange('start_date', 'end_date');
  return searchCallsByPhone(z, bundle, {
    digits,
    companyId: input.id('company_id', 'company'),
    from,
    to,
    limit: MAX_MATCHES,
  });
};

const perform = (async (z, bundle) =>
  (await findCalls(z, bundle)).map((call) => withRecordingFile(z, call))) satisfies SearchPerform<
  typeof inputFields,
  CallWithFile
>;

export default defineSearch({
  key: 'find_call',
  noun: 'Call',
  display: {
    label: 'Find Call',
    description:
      "Finds a call by its ID or link, or the newest calls with a customer's phone number.",
  },
  operation: {
    inputFields,
    perform,
    sample: recordedCallOutput.sample,
    outputFields: recordedCallOutput.outputFields,
  },
});
