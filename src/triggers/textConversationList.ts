import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { readOptionalCompany } from '../fields';
import { listConversations } from '../textMessage/requests';

/** Recent text conversations for dropdowns, named by customer and last activity. */
const perform = (async (z, bundle) => {
  const companyId = readOptionalCompany(z, bundle);
  const conversations = await listConversations(z, bundle, {
    companyId,
    page: bundle.meta.page ?? 0,
  });
  return conversations.map((conversation) => ({
    id: conversation.id,
    name: [
      conversation.customer_name ?? conversation.customer_phone_number ?? 'Unknown customer',
      conversation.last_message_at,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'text_conversation_list',
  noun: 'Text Conversation',
  display: {
    label: 'List Text Conversations',
    description: 'Lists recent text conversations for dropdowns.',
    hidden: true,
  },
  operation: { type: 'polling', canPaginate: true, perform },
});
