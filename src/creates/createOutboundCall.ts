import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';

import { placeOutboundCall } from '../call/requests';
import { callResource, type CallOutput } from '../call/resource';
import { OUTBOUND_CALL_LIMITS, OUTBOUND_CALLER_ID_IS_PHONE_NUMBER } from '../callrailFacts';
import { requiredCompanyField } from '../fields';
import { inputsOf } from '../inputs';

const inputFields = defineInputFields([
  requiredCompanyField,
  {
    key: 'caller_id',
    label: 'Caller ID',
    required: true,
    dynamic: 'caller_id_list.id.name',
    helpText:
      "The number the customer sees: one of the company's tracking numbers or verified outbound caller IDs. Choose a company first.",
  },
  {
    key: 'customer_phone_number',
    label: 'Customer Phone Number',
    required: true,
    helpText: 'The US or Canadian number to call, in any common format, e.g. (770) 555-0199.',
  },
  {
    key: 'business_phone_number',
    label: 'Agent Phone Number',
    required: true,
    helpText:
      'The phone CallRail rings first; once it is answered, CallRail calls the customer. US or Canadian.',
  },
  {
    key: 'agent_id',
    label: 'Agent',
    required: false,
    dynamic: 'user_list.id.name',
    helpText: 'Optional: the CallRail user the call is logged for.',
  },
  { key: 'recording_enabled', label: 'Record the Call', type: 'boolean', required: false },
  {
    key: 'outbound_greeting_text',
    label: 'Greeting',
    type: 'text',
    required: false,
    helpText: 'Optional: what the agent hears before the customer is called (a whisper).',
  },
]);

/** Every number checked (US and Canada only) before anything is dialled; placed once. */
const perform = (async (z, bundle) => {
  const input = inputsOf(z, bundle, inputFields);
  return placeOutboundCall(z, bundle, {
    companyId: input.id('company_id', 'company', { required: true }),
    callerId: OUTBOUND_CALLER_ID_IS_PHONE_NUMBER
      ? input.phone('caller_id', { required: true })
      : input.id('caller_id', 'caller_id', { required: true }),
    customerNumber: input.phone('customer_phone_number', { required: true }),
    businessNumber: input.phone('business_phone_number', { required: true }),
    agentId: input.id('agent_id', 'user'),
    recordingEnabled: input.boolean('recording_enabled'),
    greetingText: input.text('outbound_greeting_text'),
  });
}) satisfies CreatePerform<typeof inputFields, CallOutput>;

export default defineCreate({
  key: 'create_outbound_call',
  noun: 'Call',
  display: {
    label: 'Call a Customer (Outbound Call)',
    description: `Creates an outbound call: rings an agent's phone, then connects them to a customer, showing one of the company's numbers. Up to ${OUTBOUND_CALL_LIMITS.perHour} such calls an hour per account.`,
  },
  operation: {
    inputFields,
    perform,
    sample: callResource.sample,
    outputFields: callResource.outputFields,
  },
});
