import { defineInputFields } from 'zapier-platform-core';

import { optionalCompanyField } from '../fields';
import * as read from '../readers';
import { searchOperation } from '../searchOperation';
import { conversationResource } from '../textMessage/conversation';
import { searchConversations } from '../textMessage/requests';

const inputFields = defineInputFields([
  {
    key: 'customer_phone_number',
    label: 'Customer Phone Number',
    required: true,
    helpText:
      'Finds text conversations with this number, written any common way, e.g. (770) 555-0199.',
  },
  {
    ...optionalCompanyField,
    helpText: 'Only conversations of this CallRail company. Leave empty for every company.',
  },
]);

const inputs = {
  customer_phone_number: read.required(read.phoneDigits),
  company_id: read.id('company'),
};

export default searchOperation({
  key: 'find_text_conversation',
  noun: 'Text Conversation',
  display: {
    label: 'Find Text Conversation',
    description:
      "Finds the text conversations with a customer's phone number, most recently active first, with their recent messages.",
  },
  inputFields,
  inputs,
  resource: conversationResource,
  perform: (z, bundle, input) =>
    searchConversations(z, bundle, {
      digits: input.customer_phone_number,
      companyId: input.company_id,
    }),
});
