import type { Raw } from '../fieldTable';

/**
 * Raw CallRail text messages, shaped as they arrive. A `sms_received_webhook` body (CallRail's
 * documented example, with the newer MMS fields), and a REST conversation from
 * `text-messages.json` whose `recent_messages` have no id of their own.
 */

export const rawSampleReceivedWebhook: Raw = {
  id: 879204981,
  resource_id: 'SCI8154748ae6bd4e278a7cddd38a662f4f',
  source_number: '770-555-5555',
  destination_number: '404-555-8514',
  content: 'Can I move my appointment to Friday?',
  message_type: 'sms',
  media_urls: [],
  timestamp: '2026-11-20T14:03:11.482-05:00',
  lead_status: 'good_lead',
  conversation_id: 'crpLH',
  company_resource_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
  person_resource_id: 'PER8154748ae6bd4e278a7cddd38a662f4f',
  thread_resource_id: 'SMT8154748ae6bd4e278a7cddd38a662f4f',
};

export const rawSampleConversation: Raw = {
  id: 'k8mc8',
  company_id: 'COM019c31a27f5b732b9d214e04eaa3061f',
  initial_tracker_id: 'TRK019c5f8c1c3279f98b678fb73d04887e',
  current_tracker_id: 'TRK019c5f8c1c3279f98b678fb73d04887e',
  customer_name: 'DMITRI RAKITIN',
  customer_phone_number: '+19527373312',
  initial_tracking_number: '+19525293750',
  current_tracking_number: '+19525293750',
  last_message_at: '2026-11-20T16:25:04.953-05:00',
  state: 'active',
  formatted_customer_phone_number: '952-737-3312',
  formatted_initial_tracking_number: '952-529-3750',
  formatted_current_tracking_number: '952-529-3750',
  formatted_customer_name: 'Dmitri Rakitin',
  company_time_zone: 'America/Indiana/Knox',
  tracker_name: 'Website',
  company_name: "Grin's Irrigation & Landscaping",
  recent_messages: [
    {
      direction: 'incoming',
      content: 'Here is the broken sprinkler head',
      created_at: '2026-11-20T16:25:04.953-05:00',
      sms_thread: { id: 'SMT019d69f77fb472829bfb403cc4104584', notes: null, tags: [] },
      type: 'mms',
      media_urls: ['https://app.callrail.com/mms/SMT019d69f77fb472829bfb403cc4104584/1.jpg'],
    },
    {
      direction: 'outgoing',
      content: "Hi Dmitri, this is Grin's Irrigation. Could you send us a photo?",
      created_at: '2026-11-20T16:02:41.118-05:00',
      sms_thread: { id: 'SMT019d69f77fb472829bfb403cc4104584', notes: null, tags: [] },
      type: 'sms',
      media_urls: [],
    },
  ],
};
