import { chosenCompany, dropdownTrigger } from '../dropdownTrigger';
import { listConversations } from '../textMessage/requests';

/** Recent text conversations for dropdowns, named by customer and last activity. */
export default dropdownTrigger({
  key: 'text_conversation_list',
  noun: 'Text Conversation',
  label: 'List Text Conversations',
  description: 'Lists recent text conversations for dropdowns.',
  read: chosenCompany,
  list: (z, bundle, { companyId }, page) =>
    listConversations(z, bundle, { companyId, page: page.number }),
  choice: (conversation) => ({
    id: conversation.id,
    name: [
      conversation.customer_name ?? conversation.customer_phone_number ?? 'Unknown customer',
      conversation.last_message_at,
    ]
      .filter(Boolean)
      .join(' · '),
  }),
});
