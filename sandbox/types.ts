/**
 * Record shapes the sandbox keeps in memory. They are `type` aliases rather than interfaces on
 * purpose: aliases are assignable to `JsonObject`, so records can be serialised without casts.
 * Fields marked "internal" never leave the sandbox through the REST API.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** CallRail's webhook config keys: each maps to an array of URLs. */
export const WEBHOOK_CONFIG_KEYS = [
  'pre_call_webhook',
  'answered_call_webhook',
  'post_call_webhook',
  'updated_call_webhook',
  'post_outbound_call_webhook',
  'updated_outbound_call_webhook',
  'sms_received_webhook',
  'sms_sent_webhook',
  'form_captured_webhook',
] as const;
export type WebhookEvent = (typeof WEBHOOK_CONFIG_KEYS)[number];
export type WebhookConfig = { [K in WebhookEvent]?: string[] };

/** The call events `simulateCall` can fire. */
export type CallWebhookEvent = Extract<
  WebhookEvent,
  | 'pre_call_webhook'
  | 'answered_call_webhook'
  | 'post_call_webhook'
  | 'updated_call_webhook'
  | 'post_outbound_call_webhook'
  | 'updated_outbound_call_webhook'
>;

export const CALL_WEBHOOK_EVENTS: readonly CallWebhookEvent[] = [
  'pre_call_webhook',
  'answered_call_webhook',
  'post_call_webhook',
  'updated_call_webhook',
  'post_outbound_call_webhook',
  'updated_outbound_call_webhook',
];

export type LeadStatus = 'good_lead' | 'not_a_lead' | 'previously_marked_good_lead';

export type AccountRecord = {
  id: string;
  numeric_id: number;
  name: string;
  outbound_recording_enabled: boolean;
  inbound_recording_enabled: boolean;
  hipaa_account: boolean;
  /** CallRail's account timestamps are not ISO-8601: "2026-02-10 03:43:50 -0500". */
  created_at: string;
};

export type CompanyRecord = {
  id: string;
  /** internal: the legacy numeric id that webhook payloads still carry */
  numeric_id: number;
  /** internal */
  account_id: string;
  name: string;
  status: 'active' | 'disabled';
  time_zone: string;
  created_at: string;
  disabled_at: string | null;
  /** internal: only revealed by integrations with `fields=signing_key` */
  signing_key: string;
  script_url: string;
  callscribe_enabled: boolean;
  lead_scoring_enabled: boolean;
  form_capture: boolean;
  swap_cookie_duration: number;
  /** internal: the site the seeded landing pages live on */
  website: string;
};

export type TrackerSourceType =
  | 'google_paid'
  | 'google_organic'
  | 'google_my_business'
  | 'facebook_paid'
  | 'bing_paid'
  | 'offline'
  | 'all';

export type TrackerRecord = {
  id: string;
  /** internal: legacy numeric id for webhook payloads */
  numeric_id: number;
  /** internal */
  account_id: string;
  company_id: string;
  name: string;
  type: 'source' | 'session';
  status: 'active' | 'disabled';
  destination_number: string;
  tracking_numbers: string[];
  whisper_message: string | null;
  sms_supported: boolean;
  sms_enabled: boolean;
  source: { type: TrackerSourceType };
  call_flow: { type: string; recording_enabled: boolean; destination_number: string };
  created_at: string;
  disabled_at: string | null;
};

/** One marketing touch, as in CallRail's `milestones` objects. */
export type Milestone = {
  event_date: string;
  source: string;
  campaign: string | null;
  medium: string | null;
  keywords: string | null;
  landing: string | null;
  device: string | null;
  referrer: string | null;
  ad_position: string | null;
  match_type: string | null;
  landing_page_url_params: { [key: string]: string };
  referrer_url_params: { [key: string]: string };
  session_browser: string | null;
  url_utm_params: { [key: string]: string };
};

export type Milestones = {
  first_touch: Milestone | null;
  lead_created: Milestone | null;
  qualified: Milestone | null;
  last_touch: Milestone | null;
};

/**
 * A call as stored. Derived values (call_type, formatted_*, company name, …) are computed when
 * serialising so they can never disagree with the stored facts.
 */
export type CallRecord = {
  id: string;
  /** internal: the 9-digit id webhook payloads carry as `id` */
  legacy_id: number;
  /** internal */
  account_id: string;
  company_id: string;
  tracker_id: string;
  /** `PER…`; the same caller has the same person id within an account */
  person_id: string;
  direction: 'inbound' | 'outbound';
  answered: boolean;
  voicemail: boolean;
  duration: number;
  start_time: string;
  created_at: string;
  customer_name: string | null;
  customer_phone_number: string;
  customer_city: string | null;
  customer_state: string | null;
  customer_country: string;
  zip_code: string | null;
  tracking_phone_number: string;
  business_phone_number: string | null;
  recording: string | null;
  recording_duration: number | null;
  recording_player: string | null;
  agent_email: string | null;
  device_type: string | null;
  first_call: boolean;
  prior_calls: number;
  total_calls: number;
  lead_status: LeadStatus | null;
  good_lead_call_id: number | null;
  good_lead_call_time: string | null;
  note: string;
  value: string;
  tags: string[];
  source: string;
  source_name: string;
  keywords: string | null;
  medium: string | null;
  campaign: string | null;
  referring_url: string | null;
  landing_page_url: string | null;
  last_requested_url: string | null;
  referrer_domain: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_term: string | null;
  utm_content: string | null;
  utm_campaign: string | null;
  gclid: string | null;
  fbclid: string | null;
  msclkid: string | null;
  session_uuid: string | null;
  milestones: Milestones;
  /** internal: set by `PUT {spam: true}`; spam calls leave the default call lists */
  spam?: boolean;
  /** internal: still ringing or in progress; listed with `answered` and `duration` null */
  in_progress?: boolean;
};

export type SmsThread = {
  id: string;
  notes: string | null;
  tags: string[];
  value: string | null;
  lead_qualification: string | null;
};

export type TextMessageRecord = {
  /** internal: the numeric id text webhooks carry */
  legacy_id: number;
  /** internal: `SCI…`, the webhook `resource_id` */
  resource_id: string;
  direction: 'incoming' | 'outgoing';
  content: string;
  created_at: string;
  type: 'sms' | 'mms';
  media_urls: string[];
};

export type ConversationRecord = {
  /** short, like CallRail's "k8mc8" */
  id: string;
  /** internal */
  account_id: string;
  company_id: string;
  person_id: string;
  initial_tracker_id: string;
  current_tracker_id: string;
  customer_name: string | null;
  customer_phone_number: string;
  initial_tracking_number: string;
  current_tracking_number: string;
  last_message_at: string;
  state: 'active';
  lead_status: LeadStatus | null;
  sms_thread: SmsThread;
  /** newest first, as CallRail returns them */
  recent_messages: TextMessageRecord[];
};

/** A tag: account-level (`company_id` null) or of one company. Ids are numbers, as CallRail's. */
export type TagRecord = {
  id: number;
  /** internal */
  account_id: string;
  name: string;
  company_id: string | null;
  color: string;
  status: 'enabled';
  created_at: string;
};

/** A number verified (by a call) for a company's outbound calls. */
export type CallerIdRecord = {
  id: number;
  /** internal */
  account_id: string;
  company_id: string;
  name: string;
  phone_number: string;
  verified: boolean;
  created_at: string;
};

/** A form submission as stored; REST and webhook views are built from it. */
export type FormSubmissionRecord = {
  /** `FRM…` */
  id: string;
  /** internal */
  account_id: string;
  company_id: string;
  person_id: string;
  form_data: { [field: string]: string };
  form_url: string;
  landing_page_url: string | null;
  referrer: string | null;
  referring_url: string | null;
  session_uuid: string | null;
  submitted_at: string;
  first_form: boolean;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone_number: string | null;
  source: string;
  keywords: string | null;
  campaign: string | null;
  medium: string | null;
  lead_status: LeadStatus | null;
  tags: string[];
  note: string | null;
  value: string | null;
};

export type IntegrationRecord = {
  id: number;
  /** internal */
  account_id: string;
  type: 'Webhooks';
  company_id: string;
  state: 'active' | 'disabled';
  config: WebhookConfig;
  created_at: string;
};

/** What `startSandbox` seeded, flattened for tests that need real ids. */
export type SeedTracker = {
  id: string;
  numeric_id: number;
  name: string;
  type: 'source' | 'session';
  status: 'active' | 'disabled';
  tracking_numbers: string[];
  sms_supported: boolean;
  sms_enabled: boolean;
};

export type SeedCompany = {
  id: string;
  numeric_id: number;
  name: string;
  status: 'active' | 'disabled';
  time_zone: string;
  signing_key: string;
  trackers: SeedTracker[];
  conversation_ids: string[];
  call_count: number;
  /** a Webhooks integration that already existed before the app arrived, if any */
  webhooks_integration_id: number | null;
};

export type SeedAccount = {
  id: string;
  numeric_id: number;
  name: string;
  companies: SeedCompany[];
};

export interface RecordedRequest {
  method: string;
  /** the path without the query string, e.g. `/v3/a/ACC…/calls.json` */
  path: string;
  /** repeated keys become arrays */
  query: Record<string, string | string[]>;
  /** lowercased names */
  headers: Record<string, string>;
  /** parsed JSON when the body parses, the raw string otherwise, null when empty */
  body: unknown;
  /** null while in flight, and for requests the sandbox dropped */
  status: number | null;
  /** the sandbox clock's time when the request arrived */
  at: string;
}

export interface WebhookDelivery {
  /** the subscriber's URL, as registered */
  url: string;
  /** the URL posted to: `url`, unless its query string was dropped or added to */
  postedTo: string;
  /** the receiver's HTTP status; null when nothing answered */
  status: number | null;
  /** the exact bytes sent */
  body: string;
  /** the `Signature` header sent */
  signature: string;
  error?: string;
  event: WebhookEvent;
}
