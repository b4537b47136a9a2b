/**
 * Every fact about CallRail's API v3 that this app relies on, in one place, each with the
 * confidence it has in ../shared/callrail-api.md. Nothing here was tested on a live account:
 * when CallRail proves one wrong, correct it here and the whole app follows.
 */

/** [DOC*] Base of every request; account-scoped resources sit under `/a/{account_id}`. */
export const CALLRAIL_API_BASE = 'https://api.callrail.com/v3';

/** [DOC*] Third-party integrations identify themselves with a lowercased name. */
export const REQUEST_FROM = 'zapier';

/** [DOC*] The quoted `Token token="…"` form; CallRail also accepts it unquoted. */
export const authorizationHeader = (apiKey: string): string => `Token token="${apiKey}"`;

/** [DOC] `ACC` + 32 hex characters, as listed by `GET /v3/a.json`. */
export const ACCOUNT_ID_PATTERN = /^ACC[0-9a-f]{32}$/i;
/** [DOC*] The legacy 9-digit account number from app URLs; CallRail accepts it in paths too. */
export const NUMERIC_ACCOUNT_ID_PATTERN = /^\d{9}$/;
/** [DOC] `CAL` + 32 hex characters. */
export const CALL_ID_PATTERN = /^CAL[0-9a-f]{32}$/i;

/** [DOC] Offset pagination: `per_page` defaults to 100 and is capped at 250. */
export const MAX_PER_PAGE = 250;

/** [DOC*] Records older than 25 months are deleted; asking for them is an error. */
export const RETENTION_MONTHS = 25;

/** [DOC*] A text's `content` is capped at 140 characters. */
export const SMS_MAX_LENGTH = 140;
/** [DOC*] Texting limits per account. */
export const SMS_LIMITS = { perHour: 150, perDay: 1000 } as const;
/** [DOC*] General request limits per account. */
export const GENERAL_LIMITS = { perHour: 1000, perDay: 10000 } as const;
/** [DOC*] CallRail texts and calls US and Canadian numbers only. */
export const SUPPORTED_SMS_COUNTRIES = ['US', 'CA'] as const;

/**
 * [DOC*] CallRail sends no `Retry-After` with a 429; when it does not, Zapier waits this long
 * before trying again.
 */
export const DEFAULT_THROTTLE_DELAY_SECONDS = 60;

/** [CODE] Only one integration of type `Webhooks` may exist per company. */
export const WEBHOOKS_INTEGRATION_TYPE = 'Webhooks';

/** [CODE] The arrays of URLs in a Webhooks integration's `config`, one per event. */
export const WEBHOOK_EVENTS = {
  pre_call_webhook: 'Call Started',
  answered_call_webhook: 'Call Routing Complete',
  post_call_webhook: 'Call Completed',
  updated_call_webhook: 'Call Modified',
  post_outbound_call_webhook: 'Outbound Call Completed',
  updated_outbound_call_webhook: 'Outbound Call Modified',
  sms_received_webhook: 'Text Message Received',
  sms_sent_webhook: 'Text Message Sent',
  form_captured_webhook: 'Form Submitted',
} as const;
export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;

/**
 * [CODE] Fields a call only carries when named in `fields=`: what users filter and map on.
 * The default payload lacks attribution, tags, notes, value and company.
 */
export const EXTRA_CALL_FIELDS = [
  'call_type',
  'company_id',
  'company_name',
  'company_time_zone',
  'created_at',
  'first_call',
  'formatted_customer_phone_number',
  'formatted_tracking_phone_number',
  'lead_status',
  'note',
  'value',
  'tags',
  'source',
  'source_name',
  'tracker_id',
  'campaign',
  'medium',
  'keywords',
  'landing_page_url',
  'referring_url',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'gclid',
  'fbclid',
  'msclkid',
  'milestones',
  'timeline_url',
] as const;
