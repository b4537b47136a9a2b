import { defineInputFields } from 'zapier-platform-core';

import { placeOutboundCall } from '../call/requests';
import { callResource } from '../call/resource';
import { OUTBOUND_CALL_LIMITS, OUTBOUND_CALLER_ID_IS_PHONE_NUMBER } from '../callrailFacts';
import { dependsOnCompany, requiredCompanyField } from '../fields';
import { createOperation } from '../createOperation';
import * as read from '../readers';
import { OUTBOUND_CALL_THROTTLE } from '../throttles';

const inputFields = defineInputFields([
  requiredCompanyField,
  {
    key: 'caller_id',
    label: 'Caller ID',
    required: true,
    dynamic: 'caller_id_list.id.name',
    ...dependsOnCompany,
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

const inputs = {
  company_id: read.required(read.id('company')),
  caller_id: read.required(OUTBOUND_CALLER_ID_IS_PHONE_NUMBER ? read.phone : read.id('caller_id')),
  customer_phone_number: read.required(read.phone),
  business_phone_number: read.required(read.phone),
  agent_id: read.id('user'),
  recording_enabled: read.boolean,
  outbound_greeting_text: read.text,
};

export default createOperation({
  key: 'create_outbound_call',
  noun: 'Call',
  display: {
    label: 'Call a Customer (Outbound Call)',
    description: `Creates an outbound call: rings an agent's phone, then connects them to a customer, showing one of the company's numbers. Up to ${OUTBOUND_CALL_LIMITS.perHour} such calls an hour per account.`,
  },
  inputFields,
  inputs,
  resource: callResource,
  // Every number checked (US and Canada only) before anything is dialled; placed once.
  perform: (z, bundle, input) =>
    placeOutboundCall(z, bundle, {
      companyId: input.company_id,
      callerId: input.caller_id,
      customerNumber: input.customer_phone_number,
      businessNumber: input.business_phone_number,
      agentId: input.agent_id,
      recordingEnabled: input.recording_enabled,
      greetingText: input.outbound_greeting_text,
    }),
  throttle: OUTBOUND_CALL_THROTTLE,
});
