import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { buildFormPayload } from './formSubmissions';
import { formatNumber } from './phone';
import {
  callContext,
  callType,
  EXTRA_CALL_FIELDS,
  formatCallType,
  type CallType,
} from './serializers';
import type { SandboxStore } from './store';
import { legacyUtc } from './time';
import type {
  CallRecord,
  CallWebhookEvent,
  ConversationRecord,
  FormSubmissionRecord,
  Json,
  JsonObject,
  TextMessageRecord,
  WebhookDelivery,
  WebhookEvent,
} from './types';

/**
 * What CallRail POSTs to subscribers: payload building, signing and delivery. Payloads follow
 * the published test vector's field set and its loose typing ("13" durations, "" for blanks).
 */

/** Base64 HMAC-SHA1 of the raw body bytes, keyed by the company's signing key: the `Signature` header. */
export function signWebhookBody(rawBody: string | Buffer, signingKey: string): string {
  return createHmac('sha1', signingKey).update(rawBody).digest('base64');
}

/** CallRail's legacy `callsource` codes. */
const CALLSOURCE: Record<string, string> = {
  'Google Paid': 'google_paid',
  'Google Organic': 'google_organic',
  'Google My Business': 'google_my_business',
  'Facebook Paid': 'facebook_paid',
  'Bing Paid': 'bing_paid',
  Direct: 'direct',
};

const blank = (value: Json | undefined): Json =>
  value === null || value === undefined ? '' : value;

/** What every part of a call payload reads. */
type CallPayloadContext = {
  call: CallRecord;
  company: ReturnType<typeof callContext>['company'];
  tracker: ReturnType<typeof callContext>['tracker'];
  field: (name: string) => Json;
  /** outbound payloads carry booleans as the strings "true"/"false" */
  flag: (value: boolean) => Json;
  type: CallType;
};

/** The call itself: who, when, how long, its formatted forms, tags, value and recording. */
function callFacts({ call, company, tracker, field, flag, type }: CallPayloadContext): JsonObject {
  return {
    answered: flag(call.answered),
    business_phone_number: blank(call.business_phone_number),
    call_type: type,
    company_id: company.numeric_id,
    company_name: company.name,
    company_time_zone: company.time_zone,
    created_at: call.created_at,
    customer_city: blank(call.customer_city),
    customer_country: call.customer_country,
    customer_name: blank(call.customer_name),
    customer_phone_number: call.customer_phone_number,
    customer_state: blank(call.customer_state),
    device_type: blank(call.device_type),
    direction: call.direction,
    duration: String(call.duration),
    first_call: flag(call.first_call),
    formatted_call_type: formatCallType(type),
    formatted_customer_location: field('formatted_customer_location'),
    formatted_business_phone_number: blank(field('formatted_business_phone_number')),
    formatted_customer_name: field('formatted_customer_name'),
    prior_calls: call.prior_calls,
    formatted_customer_name_or_phone_number: field('formatted_customer_name_or_phone_number'),
    formatted_customer_phone_number: field('formatted_customer_phone_number'),
    formatted_duration: field('formatted_duration'),
    formatted_tracking_phone_number: field('formatted_tracking_phone_number'),
    formatted_tracking_source: call.source,
    formatted_value: field('formatted_value'),
    good_lead_call_id: call.good_lead_call_id,
    good_lead_call_time: call.good_lead_call_time,
    id: call.legacy_id,
    lead_status: call.lead_status,
    note: call.note,
    recording: blank(call.recording),
    recording_duration: call.recording_duration,
    source_name: call.source_name,
    start_time: call.start_time,
    tags: [...call.tags],
    total_calls: call.total_calls,
    tracking_phone_number: call.tracking_phone_number,
    transcription: '',
    value: call.value,
    voicemail: call.voicemail,
    tracker_id: tracker?.numeric_id ?? null,
  };
}

/** Where the caller came from: keywords, pages, UTM and click ids. */
function attributionFields({ call }: CallPayloadContext): JsonObject {
  return {
    keywords: blank(call.keywords),
    medium: blank(call.medium),
    referring_url: blank(call.referring_url),
    landing_page_url: blank(call.landing_page_url),
    last_requested_url: blank(call.last_requested_url),
    referrer_domain: blank(call.referrer_domain),
    conversational_transcript: '',
    utm_source: blank(call.utm_source),
    utm_medium: blank(call.utm_medium),
    utm_term: blank(call.utm_term),
    utm_content: blank(call.utm_content),
    utm_campaign: blank(call.utm_campaign),
    utma: '',
    utmb: '',
    utmc: '',
    utmv: '',
    utmz: '',
    ga: '',
    gclid: blank(call.gclid),
    integration_data: [{ integration: 'Webhooks', data: null }],
    keywords_spotted: '',
    recording_player: blank(call.recording_player),
    speaker_percent: '',
    call_highlights: [],
  };
}

/** The legacy names older integrations still read (`callername`, `trackingnum`, …). */
function legacyFields({ call }: CallPayloadContext): JsonObject {
  const start = new Date(Date.parse(call.start_time));
  return {
    callercity: blank(call.customer_city),
    callercountry: call.customer_country,
    callername: blank(call.customer_name),
    callernum: call.customer_phone_number,
    callerstate: blank(call.customer_state),
    callsource: CALLSOURCE[call.source] ?? 'offline',
    campaign: blank(call.campaign),
    custom: '',
    datetime: legacyUtc(start),
    destinationnum: blank(call.business_phone_number),
    ip: '',
    kissmetrics_id: '',
    landingpage: blank(call.landing_page_url),
    referrer: blank(call.referring_url),
    referrermedium: blank(call.medium),
    score: call.lead_status === 'good_lead' ? 1 : 0,
    tag: call.tags.join(','),
    trackingnum: call.tracking_phone_number,
    timestamp: call.start_time,
  };
}

/** Newer payloads (2022+) add the masked ids and attribution extras. */
function newerFields({ call, company, field }: CallPayloadContext): JsonObject {
  return {
    resource_id: call.id,
    company_resource_id: company.id,
    person_resource_id: call.person_id,
    tracker_resource_id: call.tracker_id,
    agent_email: blank(call.agent_email),
    fbclid: blank(call.fbclid),
    msclkid: blank(call.msclkid),
    milestones: field('milestones'),
    timeline_url: field('timeline_url'),
    spam: false,
  };
}

/** Before the call is answered: still ringing, nothing recorded, no agent's phone yet. */
const RINGING: JsonObject = {
  answered: false,
  voicemail: false,
  duration: 0,
  recording: '',
  recording_duration: null,
  recording_player: '',
  business_phone_number: '',
  destinationnum: '',
};

/**
 * The call payload for one event. Pre-call payloads describe a call still ringing; outbound
 * payloads carry `answered`/`first_call` as the strings "true"/"false", as CallRail sends them.
 */
export function buildCallPayload(
  store: SandboxStore,
  call: CallRecord,
  event: CallWebhookEvent,
  changes: string[] = [],
): JsonObject {
  const ctx = callContext(call, store);
  const outbound =
    event === 'post_outbound_call_webhook' || event === 'updated_outbound_call_webhook';
  const parts: CallPayloadContext = {
    call,
    company: ctx.company,
    tracker: ctx.tracker,
    field: (name) => EXTRA_CALL_FIELDS[name]?.(ctx) ?? null,
    flag: (value) => (outbound ? String(value) : value),
    type: event === 'pre_call_webhook' ? 'missed' : callType(call),
  };
  const payload: JsonObject = {
    ...callFacts(parts),
    ...attributionFields(parts),
    ...legacyFields(parts),
    ...newerFields(parts),
  };
  if (event === 'pre_call_webhook') Object.assign(payload, RINGING);
  if (event === 'updated_call_webhook' || event === 'updated_outbound_call_webhook')
    payload.changes = [...changes];
  return payload;
}

/** How a text body shows the customer and who sent it, where bodies differ. */
export type TextPayloadOptions = {
  /** `***3312`, as some captured bodies show the customer */
  maskCustomerNumber?: boolean;
  /** the CallRail user who sent it from the app; API sends have none */
  agent?: string | null;
};

/**
 * `sms_received_webhook` / `sms_sent_webhook`: numbers formatted as in CallRail's example
 * payload. Sent bodies are the newer kind: no numeric `id`, a `thread_resource_id` instead.
 */
export function buildTextPayload(
  conversation: ConversationRecord,
  message: TextMessageRecord,
  event: 'sms_received_webhook' | 'sms_sent_webhook',
  options: TextPayloadOptions = {},
): JsonObject {
  const customer = options.maskCustomerNumber
    ? `***${conversation.customer_phone_number.slice(-4)}`
    : formatNumber(conversation.customer_phone_number);
  const business = formatNumber(conversation.current_tracking_number);
  const received = event === 'sms_received_webhook';
  const payload: JsonObject = {
    id: message.legacy_id,
    resource_id: message.resource_id,
    source_number: received ? customer : business,
    destination_number: received ? business : customer,
    content: message.content,
    message_type: message.type,
    media_urls: [...message.media_urls],
    timestamp: message.created_at,
    lead_status: conversation.lead_status,
    conversation_id: conversation.id,
    company_resource_id: conversation.company_id,
    person_resource_id: conversation.person_id,
  };
  if (!received) {
    delete payload.id;
    payload.thread_resource_id = conversation.sms_thread.id;
    payload.agent = options.agent ?? null;
  }
  return payload;
}

/** URLs subscribed to an event in the company's Webhooks integration, if it is active. */
export function subscribers(store: SandboxStore, companyId: string, event: WebhookEvent): string[] {
  const integration = store.webhooksIntegration(companyId);
  return integration?.state === 'active' ? [...(integration.config[event] ?? [])] : [];
}

/** The sandbox never posts beyond this machine: other URLs are recorded as skipped. */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** How long a subscriber may take to answer before the delivery counts as failed. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 5_000;

function post(
  url: URL,
  body: string,
  signature: string,
  timeoutMs: number,
): Promise<{ status: number | null; error?: string }> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          signature,
          'user-agent': 'CallRail-Sandbox-Webhooks',
        },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? null }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ status: null, error: error.message }));
    req.end(body);
  });
}

/**
 * What CallRail does with a subscriber URL's query string when it posts. `kept` (the default):
 * the URL as registered. `dropped`: without its query string. `legacyAppended`: CallRail
 * mirrors legacy attributes into the query string; this appends them after a second `?` when
 * the URL already has one (bodies without legacy attributes, texts and forms, get nothing).
 */
export type WebhookQueryString = 'kept' | 'dropped' | 'legacyAppended';

/** The legacy call attributes CallRail mirrors into the query string. */
const LEGACY_QUERY_ATTRIBUTES = [
  'callernum',
  'callername',
  'callercity',
  'callerstate',
  'callercountry',
  'trackingnum',
  'destinationnum',
  'datetime',
  'callsource',
] as const;

function postedUrl(url: string, payload: JsonObject, mode: WebhookQueryString): string {
  if (mode === 'dropped') return url.split('?')[0] ?? url;
  if (mode === 'kept') return url;
  const legacy = new URLSearchParams(
    LEGACY_QUERY_ATTRIBUTES.flatMap((name): [string, string][] => {
      const value = payload[name];
      return typeof value === 'string' || typeof value === 'number' ? [[name, String(value)]] : [];
    }),
  ).toString();
  return legacy === '' ? url : `${url}?${legacy}`;
}

/** Signs once and POSTs the same bytes to every subscriber; CallRail does not retry, nor does this. */
export async function deliver(
  urls: readonly string[],
  payload: JsonObject,
  signingKey: string,
  event: WebhookEvent,
  timeoutMs = DEFAULT_DELIVERY_TIMEOUT_MS,
  queryString: WebhookQueryString = 'kept',
): Promise<WebhookDelivery[]> {
  const body = JSON.stringify(payload);
  const signature = signWebhookBody(body, signingKey);
  return Promise.all(
    urls.map(async (raw): Promise<WebhookDelivery> => {
      const postedTo = postedUrl(raw, payload, queryString);
      const base = { url: raw, postedTo, body, signature, event };
      const url = URL.canParse(postedTo) ? new URL(postedTo) : null;
      if (!url || !isLoopback(url)) {
        return {
          ...base,
          status: null,
          error: 'skipped: the sandbox only delivers to http://127.0.0.1 or localhost',
        };
      }
      const result = await post(url, body, signature, timeoutMs);
      return { ...base, ...result };
    }),
  );
}

/** Builds, signs and delivers events for a store, keeping a log of every delivery. */
export class WebhookSender {
  /** every delivery attempted, oldest first */
  readonly log: WebhookDelivery[] = [];
  /** what happens to each URL's query string when it is posted to */
  queryString: WebhookQueryString = 'kept';

  constructor(
    private readonly store: SandboxStore,
    private readonly timeoutMs = DEFAULT_DELIVERY_TIMEOUT_MS,
  ) {}

  callEvent(
    call: CallRecord,
    event: CallWebhookEvent,
    changes: string[] = [],
  ): Promise<WebhookDelivery[]> {
    return this.send(call.company_id, event, () =>
      buildCallPayload(this.store, call, event, changes),
    );
  }

  textEvent(
    conversation: ConversationRecord,
    message: TextMessageRecord,
    event: 'sms_received_webhook' | 'sms_sent_webhook',
    options: TextPayloadOptions = {},
  ): Promise<WebhookDelivery[]> {
    return this.send(conversation.company_id, event, () =>
      buildTextPayload(conversation, message, event, options),
    );
  }

  formEvent(submission: FormSubmissionRecord): Promise<WebhookDelivery[]> {
    return this.send(submission.company_id, 'form_captured_webhook', () =>
      buildFormPayload(this.store, submission),
    );
  }

  private async send(
    companyId: string,
    event: WebhookEvent,
    payload: () => JsonObject,
  ): Promise<WebhookDelivery[]> {
    const company = this.store.company(companyId);
    const urls = subscribers(this.store, companyId, event);
    if (!company || urls.length === 0) return [];
    const deliveries = await deliver(
      urls,
      payload(),
      company.signing_key,
      event,
      this.timeoutMs,
      this.queryString,
    );
    this.log.push(...deliveries);
    return deliveries;
  }
}
