import { asText, defineResource, type Output, type Raw } from '../fieldTable';
import { e164Of } from '../phone';
import { conversationMessages, type TextMessageOutput } from './resource';
import { rawSampleConversation } from './sample';

/**
 * A text conversation (`text-messages.json`): one customer and one tracking number, with its
 * recent messages, each in the same shape the text-message triggers output.
 */

/** The messages, normalised once by `prepare`. */
const messages = (raw: Raw) => raw.recent_messages as TextMessageOutput[];
const latest = (raw: Raw): TextMessageOutput | undefined => messages(raw)[0];

export const conversationResource = defineResource({
  noun: 'Text Conversation',
  rawSample: rawSampleConversation,
  prepare: (raw) => ({ ...raw, recent_messages: conversationMessages(raw) }),
  fields: {
    id: { label: 'Conversation ID', primary: true },
    customer_name: { label: 'Customer Name', from: ['formatted_customer_name', 'customer_name'] },
    customer_phone_number: { label: 'Customer Phone Number' },
    customer_phone_number_e164: {
      label: 'Customer Phone Number (E.164)',
      read: (raw) => e164Of(raw.customer_phone_number),
    },
    tracking_phone_number: { label: 'Tracking Phone Number', from: ['current_tracking_number'] },
    tracker_id: { label: 'Tracker ID', from: ['current_tracker_id'] },
    tracker_name: { label: 'Tracker Name' },
    company_id: { label: 'Company ID' },
    company_name: { label: 'Company Name' },
    state: { label: 'State' },
    last_message_at: { label: 'Last Message At', type: 'datetime' },
    last_message: { label: 'Last Message', read: (raw) => latest(raw)?.content },
    last_message_direction: {
      label: 'Last Message Direction',
      read: (raw) => latest(raw)?.direction,
    },
    message_count: {
      label: 'Recent Messages (Count)',
      type: 'integer',
      read: (raw) => messages(raw).length,
    },
    recent_messages_text: {
      label: 'Recent Messages (Text)',
      read: (raw) =>
        messages(raw)
          .map(
            (message) =>
              `${message.sent_at ?? ''} ${message.direction ?? ''}: ${message.content ?? ''}`,
          )
          .join('\n'),
    },
    recent_messages: { label: 'Recent Messages', nested: 'objects' },
  },
});

export type ConversationOutput = Output<typeof conversationResource.fields>;

/** Whether a conversation's customer number ends with these digits (any format, masked or not). */
export const hasCustomerDigits = (conversation: ConversationOutput, digits: string): boolean =>
  (asText(conversation.customer_phone_number) ?? '').replace(/\D/g, '').endsWith(digits);
