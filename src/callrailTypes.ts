/** The shapes CallRail answers with, as far as this app reads them (see callrailFacts.ts). */

export type Page = {
  page: number;
  per_page: number;
  total_pages?: number;
  total_records?: number;
};

export type Account = {
  id: string;
  name: string;
  numeric_id?: number;
};

export type Company = {
  id: string;
  name: string;
  status: 'active' | 'disabled';
  time_zone?: string;
};

export type Tracker = {
  id: string;
  name: string;
  type: string;
  status: 'active' | 'disabled';
  tracking_numbers: string[];
  sms_supported?: boolean;
  sms_enabled?: boolean;
  company?: { id: string; name: string };
};

export type Call = {
  id: string;
  start_time: string;
  [field: string]: unknown;
};

export type TextMessage = {
  direction: 'incoming' | 'outgoing';
  content: string;
  created_at: string;
  type?: string;
  media_urls?: string[];
  sms_thread?: { id: string };
};

export type Conversation = {
  id: string;
  company_id: string;
  company_name?: string;
  customer_name?: string | null;
  customer_phone_number: string;
  formatted_customer_phone_number?: string;
  current_tracking_number?: string;
  initial_tracking_number?: string;
  current_tracker_id?: string;
  tracker_name?: string;
  last_message_at?: string;
  state?: string;
  recent_messages: TextMessage[];
};

export type Integration = {
  id: number;
  type: string;
  state?: 'active' | 'disabled';
  company_id?: string;
  config: Record<string, unknown>;
  signing_key?: string;
};

/** An outbound caller ID: a number verified by a call, which outbound calls may show. */
export type CallerId = {
  id: number | string;
  name?: string | null;
  phone_number: string;
  verified?: boolean;
};
