import type * as constants from './callrailFacts';
import { BEHAVIOUR_FACTS } from './callrailBehaviourFacts';
import { fact, type Fact } from './fact';

export type { Confidence, Fact } from './fact';

/** Every constant in callrailFacts.ts has an entry here (the compiler checks it). */
const CONSTANT_FACTS = {
  CALLRAIL_API_BASE: fact(
    'DOC*',
    'every request goes to https://api.callrail.com/v3; account resources sit under /a/{account_id}',
    'every request (src/client.ts)',
  ),
  REQUEST_FROM: fact('DOC*', 'integrations identify themselves with Request-From', 'every request'),
  authorizationHeader: fact(
    'DOC*',
    'an API v3 key is sent as Authorization: Token token="KEY"',
    'every request (src/middleware.ts)',
  ),
  ACCOUNT_ID_PATTERN: fact(
    'DOC',
    'account ids are ACC + 32 hex and work in paths',
    'the connection (src/accountId.ts)',
  ),
  NUMERIC_ACCOUNT_ID_PATTERN: fact(
    'DOC*',
    'the 9-digit account number (numeric_id on a.json) works in paths too',
    'connections made with the number from an app.callrail.com address',
  ),
  CALLRAIL_ID_PATTERNS: fact(
    'DOC',
    'resource ids are a prefix + 32 hex (tags and caller ids numbers, conversations short ids)',
    'every id input (src/inputs.ts)',
  ),
  LEGACY_NUMERIC_ID_PATTERN: fact(
    'DOC*',
    'calls and companies still accept their pre-2025 numeric ids in paths',
    'id inputs mapped from webhook bodies',
  ),
  MAX_PER_PAGE: fact('DOC', 'per_page defaults to 100 and is capped at 250', 'every list request'),
  RETENTION_MONTHS: fact('DOC*', 'records older than 25 months are deleted', 'Find Call dates'),
  SMS_MAX_LENGTH: fact('DOC*', "a text's content is capped at 140 characters", 'Send SMS'),
  SMS_LENGTH_UNIT: fact('INF', 'a character is a UTF-16 code unit at most', 'Send SMS splitting'),
  SMS_LIMITS: fact('DOC*', '150 texts an hour, 1,000 a day per account', 'Send SMS messages'),
  GENERAL_LIMITS: fact('DOC*', '1,000 requests an hour per account', 'the 429 message'),
  SUPPORTED_SMS_COUNTRIES: fact('DOC*', 'texts and calls go to US and Canada only', 'phones'),
  DEFAULT_THROTTLE_DELAY_SECONDS: fact('DOC*', 'a 429 has no Retry-After', 'the retry delay'),
  WEBHOOKS_INTEGRATION_TYPE: fact(
    'CODE',
    'a company has at most one integration of type Webhooks',
    'every instant trigger (src/webhookIntegration.ts)',
  ),
  WEBHOOK_EVENTS: fact(
    'CODE',
    "a Webhooks integration's config maps these nine event keys to arrays of URLs",
    'every instant trigger (src/webhookIntegration.ts)',
  ),
  CALL_EVENT_KEYS: fact(
    'CODE',
    'call events have inbound and outbound keys; started and answered are inbound only',
    'New Call (Instant)',
  ),
  CALL_CHANGE_NAMES: fact(
    'DOC*',
    "a Call Modified body's changes name the fields that changed",
    'New Call (Instant) "only when these changed"',
  ),
  EVENT_TAG_PARAM: fact(
    'INF',
    'CallRail posts to a webhook URL as registered, its query string included',
    'instant triggers that listen to several events',
  ),
  WEBHOOK_BODY_DIRECTION: fact(
    'DOC',
    "a call webhook body's direction is inbound or outbound; a sent text's body carries agent",
    'instant triggers routing a delivery whose event tag was lost (src/hookTrigger.ts)',
  ),
  WEBHOOK_BODY_COMPANY_KEYS: fact(
    'LIVE',
    'a webhook body names its company by company_resource_id (COM…); older bodies only by a numeric company_id',
    "instant triggers of several companies, verifying a delivery with its company's signing key (src/hookDelivery.ts)",
  ),
  MAX_INSTANT_COMPANIES: fact(
    'DOC*',
    'subscribing a company costs 3 of the 1,000 requests an hour; 25 companies cost 75',
    'instant triggers of several or all companies (src/hookSubscription.ts)',
  ),
  TRACKER_SMS_FLAG_ABSENT_MEANS: fact(
    'LIVE',
    "sms_supported and sms_enabled are in a tracker's default payload",
    'the texting-number dropdown',
  ),
  USER_SORT: fact('DOC*', 'users.json sorts by email', 'the user dropdown'),
  OUTBOUND_CALL_LIMITS: fact('DOC*', '100 outbound calls an hour per account', 'Call a Customer'),
  OUTBOUND_CALLER_ID_IS_PHONE_NUMBER: fact(
    'DOC',
    "an outbound call's caller_id is an E.164 number the customer sees",
    'Call a Customer',
  ),
  CALLER_ID_LIST_FORBIDDEN_STATUS: fact(
    'LIVE',
    'caller_ids.json (with company_id) may answer 403 on a standard account',
    'the caller ID dropdown (src/callerId/requests.ts)',
  ),
  SETTABLE_LEAD_STATUSES: fact('CODE', 'a PUT sets good_lead or not_a_lead', 'Update Call, Form'),
  CALL_URL_PATTERN: fact('INF', 'a call page address holds the id after calls/', 'Call ID input'),
  RECORDING_URL_KEY: fact(
    'CODE',
    'calls/{id}/recording.json answers {"url": …}, a link to the audio',
    'the Recording File (src/call/recording.ts)',
  ),
  TAG_COLORS: fact('LIVE', 'tags take one of 24 colours', 'Create Tag'),
  TEXT_EVENT_KEYS: fact('CODE', 'texts fire sms_received/sms_sent_webhook', 'text triggers'),
  REST_TEXT_DIRECTIONS: fact(
    'DOC',
    'recent_messages[].direction is incoming or outgoing',
    'New Text Message, Find Text Conversation (src/textMessage/resource.ts)',
  ),
  restTextMessageId: fact(
    'LIVE',
    'REST text messages carry no id of their own',
    'New Text Message dedupe (conversation id, time and direction instead)',
  ),
  MASKED_NUMBER_PATTERN: fact('LIVE', 'text webhooks may mask numbers (***3312)', 'E.164 outputs'),
  FORM_SUBMISSION_SORT: fact(
    'CODE',
    'form_submissions.json sorts newest first with sort=submitted_at&order=desc',
    'New Form Submission, Find Form Submission',
  ),
  OFFLINE_FORM_DEFAULTS: fact(
    'DOC*',
    'a form submission needs session_id or referrer, referring_url and landing_page_url',
    'Create Form Submission',
  ),
  FORM_SUBMISSION_WRAPPER: fact(
    'INF',
    'a form submission write may answer wrapped in {form_submission: …}',
    'Create and Update Form Submission',
  ),
  FORM_CUSTOMER_KEYS: fact(
    'INF',
    'form webhooks carry the customer only in form_data',
    'form submission outputs',
  ),
  FORM_SEARCH_MAX_PAGES: fact(
    'INF',
    'form_submissions.json has no customer filter',
    'Find Form Submission (reads pages itself)',
  ),
  CALL_IN_PROGRESS_FIELDS: fact(
    'INF',
    'a call still ringing or in progress is listed by calls.json with answered and duration null',
    'New Call (polling), which holds such a call until it ends (src/call/recent.ts)',
  ),
  CALL_REPORT_COUNTS: fact(
    'DOC*',
    'calls/summary.json and calls/timeseries.json count what fields= names, with the calls filters',
    'Call Report (src/callReport/requests.ts)',
  ),
  CALL_REPORT_PATHS: fact('DOC*', 'the summary and timeseries paths', 'Call Report'),
  SUMMARY_GROUP_BY: fact('DOC*', 'group_by takes source, keywords, campaign, …', 'Group By'),
  SUMMARY_TOTALS_KEY: fact('LIVE', 'a summary answers its counts in total_results', 'Call Report'),
  SUMMARY_GROUPS_KEY: fact(
    'INF',
    'a grouped summary answers grouped_results: [{key, …counts}] next to total_results',
    'Call Report rows (an answer without the list fails the report)',
  ),
  TIMESERIES_POINTS_KEY: fact('LIVE', 'a timeseries answers its points under data', 'Over Time'),
  TIMESERIES_INTERVAL_PARAMS: fact(
    'CODE',
    'the interval is named interval or time_range (sources differ; both are sent)',
    'Over Time',
  ),
  AVERAGE_DURATION_WEIGHT: fact(
    'INF',
    'average_duration is seconds per call over total_calls',
    'totals of several companies or of timeseries points',
  ),
  SUMMARY_COMPANY_ID_TAKES_LIST: fact(
    'INF',
    'whether company_id takes several ids is unknown; several companies are read grouped by company, each row keyed by company id or name',
    'Call Report for several companies (a row naming no company of the account fails the report)',
  ),
  REPORT_DATE_RANGES: fact(
    'INF',
    "yesterday, last_7_days, this_month and last_month follow CallRail's reporting time zone",
    'Call Report periods (Last Week is computed in the company time zone)',
  ),
  FIRST_TIME_CALLERS_PARAM: fact(
    'DOC*',
    'first_time_callers=true filters the summaries; calls.json may ignore it',
    'First-Time Callers Only (calls are also checked by first_call)',
  ),
} as const satisfies { [Name in keyof typeof constants]: Fact };

/** Every fact, by name: the constants above and the behaviour the app reads without one. */
export const CALLRAIL_FACTS = { ...CONSTANT_FACTS, ...BEHAVIOUR_FACTS } as const;
export type FactName = keyof typeof CALLRAIL_FACTS;
