import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';

import { optionalCompanyField } from '../fields';
import { inputsOf, invalidInput } from '../inputs';
import { searchDigits } from '../phone';
import { conversationResource, type ConversationOutput } from '../textMessage/conversation';
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

const perform = (async (z, bundle) => {
  const input = inputsOf(z, bundle, inputFields);
  const phone = input.text('customer_phone_number', { required: true });
  const digits = searchDigits(phone);
  if (digits.length < 7) {
    throw invalidInput(z, `Customer Phone Number "${phone}" has too few digits to search for.`);
  }
  return searchConversations(z, bundle, { digits, companyId: input.id('company_id', 'company') });
}) satisfies SearchPerform<typeof inputFields, ConversationOutput>;

export default defineSearch({
  key: 'find_text_conversation',
  noun: 'Text Conversation',
  display: {
    label: 'Find Text Conversation',
    description:
      "Finds the text conversations with a customer's phone number, most recently active first, with their recent messages.",
  },
  operation: {
    inputFields,
    perform,
    sample: conversationResource.sample,
    outputFields: conversationResource.outputFields,
  },
});
