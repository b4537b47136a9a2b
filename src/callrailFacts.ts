/**
 * Every fact about CallRail's API v3 that this app relies on, in one place, each tagged with how
 * sure we are of it: [DOC] CallRail's own docs, [DOC*] a transcription of them, [LIVE] observed
 * on the live API by a third party, [CODE] used by open-source clients, [INF] our inference.
 * Nothing here was tested on a live account: when CallRail proves one wrong, correct it here and
 * the whole app follows.
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
/**
 * [DOC] Resource ids: a three-letter prefix + 32 hex characters (`CAL…`, `COM…`). [LIVE] Tags and
 * outbound caller ids are plain numbers; text conversations have short ids like `k8mc8`.
 */
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
/**
 * [DOC*] Before 2025-04-28 calls and companies had numeric ids, which webhook bodies still carry
 * and paths still accept; other resources never had them.
 */
export const LEGACY_NUMERIC_ID_PATTERN: Partial<Record<CallRailIdKind, RegExp>> = {
  call: /^\d{1,12}$/,
  company: /^\d{1,12}$/,
};

/** [DOC] Offset pagination: `per_page` defaults to 100 and is capped at 250. */
export const MAX_PER_PAGE = 250;

/** [DOC*] Records older than 25 months are deleted; asking for them is an error. */
export const RETENTION_MONTHS = 25;

/** [DOC*] A text's `content` is capped at 140 characters. */
export const SMS_MAX_LENGTH = 140;
/**
 * [INF] What one of those 140 "characters" is. CallRail does not document it: Rails would count
 * code points (Ruby's `String#length`), a carrier counts GSM-7 or UCS-2 units. The app counts
 * UTF-16 code units, the stricter reading for everything outside the Basic Multilingual Plane
 * (an emoji is 2): a text it accepts is within 140 under every reading but GSM segments, so it
 * is never refused by CallRail for length; at worst a message of emoji is split sooner than
 * needed. The sandbox honours the same unit (sandbox/routes/textMessages.ts).
 */
export const SMS_LENGTH_UNIT: 'utf16' | 'code_point' = 'utf16';
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
 * [CODE] The event keys a call event is sent under, by direction. [INF] Call started and call
 * answered (routing complete) have no outbound key: CallRail sends them for inbound calls.
 */
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
 * [DOC*] Members seen in a Call Modified body's `changes` array (tags, note, value,
 * transcription_text, call_summary, recording_duration, auto_score, manual_score), grouped by
 * what a user asks for. [INF] `lead_status` and the plain names are accepted too.
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
 * [INF] CallRail posts to a webhook URL as registered, its query string included; a Zap that
 * listens to several events tags each URL with its event (this query parameter) so a body can
 * be told apart. [DOC] CallRail also mirrors legacy attributes into the query string. If the tag
 * is lost (the query string dropped, or CallRail's own appended after a second `?`), the
 * delivery is routed by its body instead (`WEBHOOK_BODY_DIRECTION`); only a body that tells
 * neither direction is halted. Other query parameters never change the routing.
 */
export const EVENT_TAG_PARAM = 'callrail_event';

/**
 * [DOC] A call body's `direction` is `inbound` or `outbound` ([INF] REST's `incoming` /
 * `outgoing` and the text words are read alike). [DOC] A text body has no `direction`, but a
 * sent text's carries `agent`; [INF] a received text's never does.
 */
export const WEBHOOK_BODY_DIRECTION = {
  inbound: ['inbound', 'incoming', 'received'],
  outbound: ['outbound', 'outgoing', 'sent'],
  sentTextKey: 'agent',
} as const;

/**
 * [DOC*] `companies.json` takes `search` (the company name) and `status`; [INF] it may match
 * loosely (other fields, word parts), so Find Company re-checks each row's name itself.
 */
export const COMPANY_SEARCH_PARAM = 'search';

/**
 * [DOC*] `trackers.json` takes `search`. [INF] It matches the tracker's name and its tracking
 * numbers by digits (the sandbox does the same); Find Tracker re-checks every row, so a looser
 * match costs nothing but a stricter one would miss: searching by number sends the 10 national
 * digits, which every stored form (`+17705550199`) contains.
 */
export const TRACKER_SEARCH_PARAM = 'search';

/**
 * [LIVE] `sms_supported` / `sms_enabled` are in a tracker's default payload (one live response).
 * [INF] A response without them says nothing about texting: an absent flag is "unknown" and the
 * number is offered; only an explicit `false` excludes it (an empty dropdown is worse than a
 * number CallRail then refuses with a clear message).
 */
export const TRACKER_SMS_FLAG_ABSENT_MEANS = 'unknown' as const;

/**
 * [DOC*] `users.json` lists the account's users under `users`, searchable (`search`) over first
 * name, last name and email, sortable by id, email or created_at. [INF] Emails are matched
 * case-insensitively: CallRail logins are not case-sensitive.
 */
export const USER_SEARCH_PARAM = 'search';
export const USER_SORT = 'email';
/** [DOC*] Placing outbound calls has its own limits per account. */
export const OUTBOUND_CALL_LIMITS = { perHour: 100, perDay: 2000 } as const;

/**
 * [DOC] (the docs' example body) An outbound call's `caller_id` is the number the customer sees,
 * sent as an E.164 phone number string ("+17703334455"): a tracking number or a verified outbound
 * caller ID. One client types it as the numeric id of such a number instead [CODE]; the docs'
 * own example is the stronger evidence, so the app sends (and its dropdown offers) phone
 * numbers. [Uncertain] until tried on a live account (open question 1).
 */
export const OUTBOUND_CALLER_ID_IS_PHONE_NUMBER = true;

/**
 * [INF] CallRail works out the company from the caller ID, so the outbound body carries no
 * `company_id` (the docs' example has none); the app's Company input only fills the dropdown.
 * [CODE] Listing outbound caller IDs (`caller_ids.json`) needs `company_id`; [LIVE] a standard
 * account may get 403 there, so the dropdown then offers the company's tracking numbers alone.
 */
export const CALLER_ID_LIST_FORBIDDEN_STATUS = 403;

/**
 * [DOC*] `PUT calls/{id}.json` takes tag names (unknown ones are created by CallRail, at the
 * company level [LIVE]), `append_tags` to add instead of replace, `note` (`""` clears it [CODE]),
 * `value`, `lead_status`, `customer_name`, `spam: true`, and answers with the updated call.
 * [INF] Whether it honours `fields=` on a PUT is unknown: the output is built from what was sent,
 * completed by whatever comes back. [LIVE] One client saw a 500 when setting `value`: like every
 * write, the step then says the change may have gone through and to check in CallRail.
 */
/** [CODE] The lead statuses a PUT sets, on calls and form submissions alike. */
export const SETTABLE_LEAD_STATUSES = ['good_lead', 'not_a_lead'] as const;

/**
 * [INF] A call's page in CallRail's web app, e.g. `https://app.callrail.com/calls/CAL…/…` or
 * `https://app.callrail.com/a/123456789/calls/CAL…`: the segment after `calls/` is the call id.
 */
export const CALL_URL_PATTERN =
  /^https?:\/\/(?:[a-z0-9-]+\.)*callrail\.com\/(?:.*\/)?calls\/([^/?#]+)/i;

/**
 * [CODE] `GET calls/{id}/recording.json` answers `{"url": "…"}`, a link to the audio. [DOC*] In
 * HIPAA accounts it is a temporary link (about 24 hours): never store it, ask again each time.
 */
export const RECORDING_URL_KEY = 'url';

/**
 * [LIVE] The 24 colours CallRail accepts for a tag; anything else gets 400 "Color is not
 * included in the list".
 */
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

/**
 * [LIVE] Tags have numeric ids and are account-level (`company_id` null) or company-level.
 * [INF] A POST without `company_id` makes an account-level tag; `search` on tags.json matches
 * names, and the app still compares every returned name itself.
 */
export const TAG_LEVELS = ['account', 'company'] as const;

/**
 * [CODE] The text events by the direction a user picks; `both` listens to each. [DOC] A received
 * text's body has the customer as `source_number`; a sent one has them as `destination_number`.
 */
export const TEXT_EVENT_KEYS = {
  received: ['sms_received_webhook'],
  sent: ['sms_sent_webhook'],
  both: ['sms_received_webhook', 'sms_sent_webhook'],
} as const satisfies Record<string, readonly WebhookEvent[]>;
export type TextDirectionChoice = keyof typeof TEXT_EVENT_KEYS;

/** [DOC] REST `recent_messages[].direction` values, in the words a Zap uses. */
export const REST_TEXT_DIRECTIONS = { incoming: 'received', outgoing: 'sent' } as const;

/**
 * [LIVE] REST text messages carry no id of their own; [INF] the conversation id, the message
 * time and its direction together identify one (two texts in one conversation in the same
 * millisecond and direction are not expected).
 */
export const restTextMessageId = (conversationId: string, at: string, direction: string) =>
  `${conversationId}:${at}:${direction}`;

/**
 * [DOC]/[LIVE] Text webhooks may carry numbers formatted (`770-555-5555`) or masked
 * (`***3312`); only the former can be turned into E.164.
 */
export const MASKED_NUMBER_PATTERN = /\*/;

/** [CODE] Form submissions list newest first with `sort=submitted_at&order=desc`. */
export const FORM_SUBMISSION_SORT = { sort: 'submitted_at', order: 'desc' } as const;

/**
 * [DOC*] A form submission needs either `session_id` or all of `referrer`, `referring_url` and
 * `landing_page_url`. [INF] An offline lead with none of them is recorded as direct traffic that
 * landed on (and came from) the form's own page.
 */
export const OFFLINE_FORM_DEFAULTS = {
  referrer: 'direct',
  referringUrl: (formUrl: string) => formUrl,
  landingPageUrl: (formUrl: string) => formUrl,
} as const;

/**
 * [LIVE] S9 posts a form submission flat; [INF] Rails parameter wrapping also accepts
 * `{form_submission: {…}}`, and the answer may come either way.
 */
export const FORM_SUBMISSION_WRAPPER = 'form_submission';

/**
 * [INF] The `form_data` keys this app writes the convenience inputs under, and reads the
 * customer from when a webhook body has no `customer_*` fields (first key matching wins).
 */
export const FORM_CUSTOMER_KEYS = {
  name: { write: 'name', read: /^(full[_ ]?)?name$|^your[_ ]name$/i },
  email: { write: 'email', read: /e-?mail/i },
  phone: { write: 'phone_number', read: /phone/i },
} as const;

/**
 * [DOC*] `PUT form_submissions/{id}.json` takes `tags` (with `append_tags: true` to add rather
 * than replace), `note`, `value` and `lead_status` (2022-06-09), like a call: the same
 * SETTABLE_LEAD_STATUSES.
 */

/**
 * [INF] CallRail documents no customer filter for form submissions (nor does `search` exist
 * there), so Find Form Submission reads this many newest pages and matches rows itself.
 */
export const FORM_SEARCH_MAX_PAGES = 4;

/**
 * [DOC*] List endpoints (calls, text messages, form submissions) take `end_date`; [CODE] a full
 * ISO time with offset works there. A poll cut short resumes with it, before the oldest item read.
 */
export const LIST_END_PARAM = 'end_date';

/**
 * [INF] A call still ringing or in progress is listed by `calls.json` with `answered` and
 * `duration` null (or absent) until it ends; [DOC] a call placed through the API answers with
 * both null at first (S7), while the pre-call webhook already says `answered: false` and
 * `duration: 0` (S3). A call with either of these unknown is not emitted by a poll yet.
 */
export const CALL_IN_PROGRESS_FIELDS = ['answered', 'duration'] as const;
