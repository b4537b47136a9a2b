import { REST_TEXT_DIRECTIONS, restTextMessageId, type WebhookEvent } from '../callrailFacts';
import { asText, defineResource, recordOf, type Output, type Raw } from '../fieldTable';
import { e164Of } from '../phone';
import { rawSampleReceivedWebhook } from './sample';

/**
 * One text message, whichever way it reached us: a `sms_received_webhook`/`sms_sent_webhook`
 * body, or one of a REST conversation's `recent_messages` read with its conversation (see
 * `restMessageRaw`). Webhook bodies name numbers by sender and recipient; the customer is the
 * sender of a received text and the recipient of a sent one.
 */

const directionOf = (raw: Raw): 'received' | 'sent' | null => {
  const direction = asText(raw.direction);
  if (direction === 'received' || direction === 'sent') return direction;
  return (REST_TEXT_DIRECTIONS as Record<string, 'received' | 'sent'>)[direction ?? ''] ?? null;
};

const customerNumber = (raw: Raw): unknown =>
  raw.customer_phone_number ??
  (directionOf(raw) === 'sent' ? raw.destination_number : raw.source_number);

const trackingNumber = (raw: Raw): unknown =>
  raw.tracking_phone_number ??
  (directionOf(raw) === 'sent' ? raw.source_number : raw.destination_number);

/** `agent` may be a name, an email or a user object; only sent texts have one. */
const agentOf = (raw: Raw): unknown => {
  if (directionOf(raw) !== 'sent') return null;
  const agent = raw.agent;
  if (typeof agent !== 'object' || agent === null) return agent;
  const user = recordOf(agent);
  return user.name ?? user.email ?? null;
};

export const textMessageResource = defineResource({
  noun: 'Text Message',
  rawSample: { ...rawSampleReceivedWebhook, direction: 'received' },
  fields: {
    id: { label: 'Text Message ID', primary: true, from: ['resource_id', 'id'] },
    conversation_id: { label: 'Conversation ID' },
    direction: { label: 'Direction (Received or Sent)', read: directionOf },
    content: { label: 'Message' },
    message_type: { label: 'Message Type (SMS or MMS)', from: ['message_type', 'type'] },
    media_urls: { label: 'Media URLs (MMS)', list: true },
    customer_phone_number: { label: 'Customer Phone Number', read: customerNumber },
    customer_phone_number_e164: {
      label: 'Customer Phone Number (E.164)',
      read: (raw) => e164Of(customerNumber(raw)),
    },
    customer_name: { label: 'Customer Name' },
    tracking_phone_number: { label: 'Tracking Phone Number', read: trackingNumber },
    tracking_phone_number_e164: {
      label: 'Tracking Phone Number (E.164)',
      read: (raw) => e164Of(trackingNumber(raw)),
    },
    lead_status: { label: 'Lead Status' },
    company_id: { label: 'Company ID', from: ['company_resource_id', 'company_id'] },
    person_id: { label: 'Person ID', from: ['person_resource_id', 'person_id'] },
    sms_thread_id: {
      label: 'SMS Thread ID',
      read: (raw) => raw.thread_resource_id ?? recordOf(raw.sms_thread).id,
    },
    agent: { label: 'Agent (Sent Texts)', read: agentOf },
    sent_at: { label: 'Sent At', type: 'datetime', from: ['timestamp', 'created_at'] },
  },
});

export type TextMessageOutput = Output<typeof textMessageResource.fields>;

/** A webhook body, with the direction its event stands for (bodies do not say). */
export const webhookMessageRaw = (body: Raw, event: WebhookEvent): Raw => ({
  ...body,
  direction: event === 'sms_sent_webhook' ? 'sent' : 'received',
});

/** One REST `recent_messages` item, completed by its conversation; its id is derived. */
export const restMessageRaw = (conversation: Raw, message: Raw): Raw => ({
  id: restTextMessageId(
    String(conversation.id ?? ''),
    String(message.created_at ?? ''),
    String(message.direction ?? ''),
  ),
  conversation_id: conversation.id,
  direction: message.direction,
  content: message.content,
  type: message.type,
  media_urls: message.media_urls,
  created_at: message.created_at,
  sms_thread: message.sms_thread,
  agent: message.agent,
  customer_phone_number: conversation.customer_phone_number,
  customer_name: conversation.formatted_customer_name ?? conversation.customer_name,
  tracking_phone_number: conversation.current_tracking_number,
  lead_status: conversation.lead_status ?? recordOf(message.sms_thread).lead_qualification,
  company_id: conversation.company_id,
  person_id: conversation.person_id,
});

/** A conversation's messages, newest first as CallRail lists them. */
export const messagesOf = (conversation: Raw): Raw[] =>
  Array.isArray(conversation.recent_messages)
    ? conversation.recent_messages
        .map(recordOf)
        .map((message) => restMessageRaw(conversation, message))
    : [];

/**
 * The one normaliser of a conversation's messages, each in the text-message triggers' shape:
 * the conversation, the sent text and the polling trigger all read them through this.
 */
export const conversationMessages = (conversation: Raw): TextMessageOutput[] =>
  messagesOf(conversation).map(textMessageResource.normalize);
