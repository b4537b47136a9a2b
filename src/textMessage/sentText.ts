import { defineResource, type Output, type Raw } from '../fieldTable';
import { conversationMessages, type TextMessageOutput } from './resource';

/**
 * What Send SMS outputs: the conversation CallRail answers a send with (the new message first
 * in `recent_messages`), read together with what was sent, so the output stands even when
 * CallRail's answer is empty.
 */

/** The message just sent, normalised once by `prepare` (CallRail lists it first). */
const latestMessage = (raw: Raw): Partial<TextMessageOutput> =>
  (raw.latest_message as TextMessageOutput | undefined) ?? {};

export const sentTextResource = defineResource({
  noun: 'Text Message',
  prepare: (raw) => ({ ...raw, latest_message: conversationMessages(raw)[0] }),
  fields: {
    id: { label: 'Conversation ID', primary: true },
    message: { label: 'Message Sent' },
    parts_sent: { label: 'Texts Sent', type: 'integer' },
    media_url: { label: 'Image URL (MMS)' },
    sent_at: {
      label: 'Sent At',
      type: 'datetime',
      read: (raw) => latestMessage(raw).sent_at ?? raw.last_message_at,
    },
    customer_phone_number: { label: 'Customer Phone Number' },
    formatted_customer_phone_number: { label: 'Customer Phone Number (Formatted)' },
    customer_name: { label: 'Customer Name' },
    tracking_number: {
      label: 'Tracking Number',
      from: ['current_tracking_number', 'tracking_number'],
    },
    tracker_id: { label: 'Tracker ID', from: ['current_tracker_id'] },
    tracker_name: { label: 'Tracker Name' },
    company_id: { label: 'Company ID' },
    company_name: { label: 'Company Name' },
    last_message_at: { label: 'Last Message At', type: 'datetime' },
    sms_thread_id: {
      label: 'SMS Thread ID',
      read: (raw) => latestMessage(raw).sms_thread_id,
    },
  },
  rawSample: {
    id: 'k8mc8',
    message:
      "Hi Dmitri, this is Grin's Irrigation confirming your visit tomorrow at 9am. Reply STOP to opt out.",
    parts_sent: 1,
    media_url: null,
    customer_phone_number: '+19527373312',
    formatted_customer_phone_number: '952-737-3312',
    customer_name: 'Dmitri Rakitin',
    current_tracking_number: '+19525293750',
    current_tracker_id: 'TRK019c5f8c1c3279f98b678fb73d04887e',
    tracker_name: 'Website',
    company_id: 'COM019c31a27f5b732b9d214e04eaa3061f',
    company_name: "Grin's Irrigation & Landscaping",
    last_message_at: '2026-11-20T16:25:04.953-05:00',
    recent_messages: [
      {
        direction: 'outgoing',
        created_at: '2026-11-20T16:25:04.953-05:00',
        sms_thread: { id: 'SMT019d69f77fb472829bfb403cc4104584' },
      },
    ],
  },
});

export type SentText = Output<typeof sentTextResource.fields>;
