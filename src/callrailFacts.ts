/**
 * Every fact about CallRail's API v3 that this app relies on, in one place. How sure we are of
 * each, what it says and what relies on it is data in `./callrailFactRegistry.ts`, which
 * `npm run smoke` reads to check each fact against a real account: when CallRail proves one
 * wrong, correct it here and the whole app follows. Comments say why the app reads a fact so.
 */

export const CALLRAIL_API_BASE = 'https://api.callrail.com/v3';

export const REQUEST_FROM = 'zapier';

export const authorizationHeader = (apiKey: string): string => `Token token="${apiKey}"`;

export const ACCOUNT_ID_PATTERN = /^ACC[0-9a-f]{32}$/i;
export const NUMERIC_ACCOUNT_ID_PATTERN = /^\d{9}$/;
export const CALLRAIL_ID_PATTERNS = {
  call: /^CAL[0-9a-f]{32}$/i,
  company: /^COM[0-9a-f]{32}$/i,
  tracker: /^TRK[0-9a-f]{32}$/i,
  form_submission: /^FRM[0-9a-f]{32}$/i,
  user: /^USR[0-9a-f]{32}$/i,
  tag: /^\d{1,12}$/,
  caller_id: /^\d{1,12}$/,
  conversation: /^[A-Za-z0-9]{3,40}$/,
} as const;
export type CallRailIdKind = keyof typeof CALLRAIL_ID_PATTERNS;
export const LEGACY_NUMERIC_ID_PATTERN: Partial<Record<CallRailIdKind, RegExp>> = {
  call: /^\d{1,12}$/,
  company: /^\d{1,12}$/,
};

export const MAX_PER_PAGE = 250;

export const RETENTION_MONTHS = 25;

export const SMS_MAX_LENGTH = 140;
/**
 * What one of those 140 "characters" is. CallRail does not document it: Rails would count
 * code points (Ruby's `String#length`), a carrier counts GSM-7 or UCS-2 units. The app counts
 * UTF-16 code units, the stricter reading for everything outside the Basic Multilingual Plane
 * (an emoji is 2): a text it accepts is within 140 under every reading but GSM segments, so it
 * is never refused by CallRail for length; at worst a message of emoji is split sooner than
 * needed. The sandbox honours the same unit (sandbox/routes/textMessages.ts).
 */
export const SMS_LENGTH_UNIT: 'utf16' | 'code_point' = 'utf16';
export const SMS_LIMITS = { perHour: 150, perDay: 1000 } as const;
export const GENERAL_LIMITS = { perHour: 1000, perDay: 10000 } as const;
export const SUPPORTED_SMS_COUNTRIES = ['US', 'CA'] as const;

/**
 * CallRail sends no `Retry-After` with a 429; when it does not, Zapier waits this long
 * before trying again.
 */
export const DEFAULT_THROTTLE_DELAY_SECONDS = 60;

export const WEBHOOKS_INTEGRATION_TYPE = 'Webhooks';

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

export const CALL_EVENT_KEYS = {
  post_call_webhook: { inbound: 'post_call_webhook', outbound: 'post_outbound_call_webhook' },
  updated_call_webhook: {
    inbound: 'updated_call_webhook',
    outbound: 'updated_outbound_call_webhook',
  },
  pre_call_webhook: { inbound: 'pre_call_webhook' },
  answered_call_webhook: { inbound: 'answered_call_webhook' },
} as const satisfies Record<string, { inbound: WebhookEvent; outbound?: WebhookEvent }>;
export type CallEventChoice = keyof typeof CALL_EVENT_KEYS;

/**
 * Members seen in a Call Modified body's `changes` array (tags, note, value,
 * transcription_text, call_summary, recording_duration, auto_score, manual_score), grouped by
 * what a user asks for. `lead_status` and the plain names are accepted too.
 */
export const CALL_CHANGE_NAMES = {
  tags: ['tags'],
  note: ['note'],
  value: ['value'],
  lead_status: ['lead_status'],
  transcription: ['transcription', 'transcription_text'],
  call_summary: ['call_summary'],
  recording: ['recording', 'recording_duration'],
  score: ['score', 'auto_score', 'manual_score'],
} as const;
export type CallChange = keyof typeof CALL_CHANGE_NAMES;

/**
 * CallRail posts to a webhook URL as registered, its query string included; a Zap that
 * listens to several events tags each URL with its event (this query parameter) so a body can
 * be told apart. CallRail also mirrors legacy attributes into the query string. If the tag
 * is lost (the query string dropped, or CallRail's own appended after a second `?`), the
 * delivery is routed by its body instead (`WEBHOOK_BODY_DIRECTION`); only a body that tells
 * neither direction is halted. Other query parameters never change the routing.
 */
export const EVENT_TAG_PARAM = 'callrail_event';

/**
 * A text body has no `direction`, but a sent text's carries `agent`. REST's `incoming` /
 * `outgoing` and the text words are read alike.
 */
export const WEBHOOK_BODY_DIRECTION = {
  inbound: ['inbound', 'incoming', 'received'],
  outbound: ['outbound', 'outgoing', 'sent'],
  sentTextKey: 'agent',
} as const;

/**
 * Which company a webhook body belongs to: `company_resource_id` (`COM…`, every newer body,
 * texts included), else `company_id`, which older call and form bodies hold as the pre-2025
 * numeric id. The companies API answers `COM…` ids only, so a numeric id cannot be matched to a
 * chosen company without a lookup per company: a Zap of several companies verifies such a body
 * with each of its companies' signing keys (each company has its own) and takes the body as
 * the one company whose key signed it. A body that names one of the Zap's `COM…` ids is
 * verified with that company's key only, so a body signed with another company's key is
 * refused.
 */
export const WEBHOOK_BODY_COMPANY_KEYS = ['company_resource_id', 'company_id'] as const;

/**
 * An instant Zap subscribes each of its companies in turn (3 requests each when nobody
 * competes: find, write, read back) out of the account's 1,000 requests an hour
 * (`GENERAL_LIMITS`): 25 companies cost 75, turning a Zap off as much again, which leaves the
 * account's other Zaps room even when a Zap is switched off and on several times in an hour.
 * More companies are the polling triggers' job: they cover any number in one request a poll.
 */
export const MAX_INSTANT_COMPANIES = 25;

/**
 * `sms_supported` / `sms_enabled` are in a tracker's default payload (one live response).
 * A response without them says nothing about texting: an absent flag is "unknown" and the
 * number is offered; only an explicit `false` excludes it (an empty dropdown is worse than a
 * number CallRail then refuses with a clear message).
 */
export const TRACKER_SMS_FLAG_ABSENT_MEANS = 'unknown' as const;

export const USER_SORT = 'email';
export const OUTBOUND_CALL_LIMITS = { perHour: 100, perDay: 2000 } as const;

/**
 * One client types `caller_id` as the numeric id of a caller ID instead; the docs' own example
 * body is the stronger evidence, so the app sends (and its dropdown offers) phone numbers.
 */
export const OUTBOUND_CALLER_ID_IS_PHONE_NUMBER = true;

/** The caller ID dropdown then offers the company's tracking numbers alone. */
export const CALLER_ID_LIST_FORBIDDEN_STATUS = 403;

export const SETTABLE_LEAD_STATUSES = ['good_lead', 'not_a_lead'] as const;

/**
 * A call's page in CallRail's web app, e.g. `https://app.callrail.com/calls/CAL…/…` or
 * `https://app.callrail.com/a/123456789/calls/CAL…`: the segment after `calls/` is the call id.
 */
export const CALL_URL_PATTERN =
  /^https?:\/\/(?:[a-z0-9-]+\.)*callrail\.com\/(?:.*\/)?calls\/([^/?#]+)/i;

/** In HIPAA accounts the link expires (about 24 hours): never store it, ask again each time. */
export const RECORDING_URL_KEY = 'url';

export const TAG_COLORS = [
  'gray1',
  'gray2',
  'blue1',
  'blue2',
  'cyan1',
  'cyan2',
  'purple1',
  'purple2',
  'pink1',
  'pink2',
  'pink3',
  'pink4',
  'red1',
  'red2',
  'orange1',
  'orange2',
  'orange3',
  'orange4',
  'yellow1',
  'yellow2',
  'green1',
  'green2',
  'green3',
  'green4',
] as const;
export type TagColor = (typeof TAG_COLORS)[number];

/** The text events by the direction a user picks; `both` listens to each. */
export const TEXT_EVENT_KEYS = {
  received: ['sms_received_webhook'],
  sent: ['sms_sent_webhook'],
  both: ['sms_received_webhook', 'sms_sent_webhook'],
} as const satisfies Record<string, readonly WebhookEvent[]>;
export type TextDirectionChoice = keyof typeof TEXT_EVENT_KEYS;

export const REST_TEXT_DIRECTIONS = { incoming: 'received', outgoing: 'sent' } as const;

/**
 * REST text messages carry no id of their own; the conversation id, the message
 * time and its direction together identify one (two texts in one conversation in the same
 * millisecond and direction are not expected).
 */
export const restTextMessageId = (conversationId: string, at: string, direction: string) =>
  `${conversationId}:${at}:${direction}`;

/**
 * Text webhooks may carry numbers formatted (`770-555-5555`) or masked
 * (`***3312`); only the former can be turned into E.164.
 */
export const MASKED_NUMBER_PATTERN = /\*/;

export const FORM_SUBMISSION_SORT = { sort: 'submitted_at', order: 'desc' } as const;

/**
 * A form submission needs either `session_id` or all of `referrer`, `referring_url` and
 * `landing_page_url`. An offline lead with none of them is recorded as direct traffic that
 * landed on (and came from) the form's own page.
 */
export const OFFLINE_FORM_DEFAULTS = {
  referrer: 'direct',
  referringUrl: (formUrl: string) => formUrl,
  landingPageUrl: (formUrl: string) => formUrl,
} as const;

/**
 * S9 posts a form submission flat; Rails parameter wrapping also accepts
 * `{form_submission: {…}}`, and the answer may come either way.
 */
export const FORM_SUBMISSION_WRAPPER = 'form_submission';

/**
 * The `form_data` keys this app writes the convenience inputs under, and reads the
 * customer from when a webhook body has no `customer_*` fields (first key matching wins).
 */
export const FORM_CUSTOMER_KEYS = {
  name: { write: 'name', read: /^(full[_ ]?)?name$|^your[_ ]name$/i },
  email: { write: 'email', read: /e-?mail/i },
  phone: { write: 'phone_number', read: /phone/i },
} as const;

/**
 * CallRail documents no customer filter for form submissions (nor does `search` exist
 * there), so Find Form Submission reads this many newest pages and matches rows itself.
 */
export const FORM_SEARCH_MAX_PAGES = 4;

/**
 * [INF] A call still ringing or in progress is listed by `calls.json` with `answered` and
 * `duration` null (or absent) until it ends; [DOC] a call placed through the API answers with
 * both null at first (S7), while the pre-call webhook already says `answered: false` and
 * `duration: 0` (S3). A call with either of these unknown is not emitted by a poll yet.
 */
export const CALL_IN_PROGRESS_FIELDS = ['answered', 'duration'] as const;

/**
 * [DOC*] `calls/summary.json` and `calls/timeseries.json` count calls: `fields=` names the counts
 * (`total_calls` is the default), and they take the calls list's filters plus `tracker_ids`,
 * `first_time_callers` and `lead_status`. [LIVE?] The answer carries the period's `start_date`,
 * `end_date` and `time_zone` (a Rails display name, e.g. "Pacific Time (US & Canada)").
 */
export const CALL_REPORT_COUNTS = [
  'total_calls',
  'answered_calls',
  'missed_calls',
  'first_time_callers',
  'average_duration',
  'leads',
] as const;
export const CALL_REPORT_PATHS = {
  summary: 'calls/summary.json',
  timeseries: 'calls/timeseries.json',
} as const;
/** [DOC*] The groups `calls/summary.json` takes in `group_by`. */
export const SUMMARY_GROUP_BY = [
  'source',
  'campaign',
  'keywords',
  'referrer',
  'landing_page',
  'company',
] as const;
/** [LIVE] A summary answers its counts in `total_results` (one live example, ungrouped). */
export const SUMMARY_TOTALS_KEY = 'total_results';
/**
 * [INF] A grouped summary answers `grouped_results: [{key, …counts}]` next to `total_results`.
 * `npm run smoke` checks it; an answer without the list is an error rather than an empty report.
 */
export const SUMMARY_GROUPS_KEY = 'grouped_results';
/** [LIVE?] A timeseries answers its points under `data`, each `{key, date, …counts}`. */
export const TIMESERIES_POINTS_KEY = 'data';
/**
 * [CODE] The timeseries interval is `interval` (S11) or `time_range` (S4); the sources disagree
 * and CallRail ignores parameters it does not know [LIVE], so both are sent with one value.
 */
export const TIMESERIES_INTERVAL_PARAMS = ['interval', 'time_range'] as const;
/**
 * [INF] Timeseries answers have no `total_results`: totals are the sum of the points (an
 * average weighted by each point's calls), and `total_results` wins when CallRail sends it.
 */
/**
 * [INF] `average_duration` is seconds per call over all the calls counted, so averages of
 * several groups combine weighted by `total_calls`.
 */
export const AVERAGE_DURATION_WEIGHT = 'total_calls';
/**
 * [INF] Whether the summary endpoints take several ids in `company_id` is not documented, and
 * an ignored filter would count every company silently. Several companies are therefore read
 * as one `group_by=company` summary without `company_id`, keeping the chosen companies' rows.
 * Whether a row's `key` is the company's id or its name is not documented either: a by-company
 * report reads the account's companies once and accepts both (and names each row); a row that
 * names no company of the account fails the report rather than count the wrong company. "All
 * companies" sends no `company_id` at all.
 */
export const SUMMARY_COMPANY_ID_TAKES_LIST = false;
/**
 * [DOC*] CallRail's named ranges (`yesterday`, `last_7_days` with today, `this_month`,
 * `last_month`); [INF] they follow the time zone it reports in, so they need no read; a week (Monday to
 * Sunday) has none, so the app computes its days in the company's `time_zone` and sends them
 * as `start_date`/`end_date`, which CallRail reads as whole days in that zone.
 */
export const REPORT_DATE_RANGES = {
  yesterday: 'yesterday',
  last_7_days: 'last_7_days',
  this_month: 'this_month',
  last_month: 'last_month',
} as const;
/**
 * [DOC*] `first_time_callers=true` filters the summary endpoints to first-time callers. [INF]
 * The calls list may ignore it, so call triggers also keep only calls with `first_call: true`.
 */
export const FIRST_TIME_CALLERS_PARAM = 'first_time_callers';
