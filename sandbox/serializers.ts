import { formatNumber } from './phone';
import type { SandboxStore } from './store';
import type {
  AccountRecord,
  CallRecord,
  CompanyRecord,
  ConversationRecord,
  IntegrationRecord,
  Json,
  JsonObject,
  TrackerRecord,
} from './types';

/** The REST representations. Internal fields are left out by listing public ones explicitly. */

export function accountView(account: AccountRecord, withNumericId: boolean): JsonObject {
  const view: JsonObject = {
    id: account.id,
    name: account.name,
    outbound_recording_enabled: account.outbound_recording_enabled,
    inbound_recording_enabled: account.inbound_recording_enabled,
    hipaa_account: account.hipaa_account,
    created_at: account.created_at,
  };
  if (withNumericId) view.numeric_id = account.numeric_id;
  return view;
}

export function companyView(company: CompanyRecord): JsonObject {
  return {
    id: company.id,
    name: company.name,
    status: company.status,
    time_zone: company.time_zone,
    created_at: company.created_at,
    disabled_at: company.disabled_at,
    dni_active: company.status === 'active',
    script_url: company.script_url,
    callscribe_enabled: company.callscribe_enabled,
    lead_scoring_enabled: company.lead_scoring_enabled,
    swap_exclude_jquery: null,
    swap_ppc_override: null,
    swap_landing_override: null,
    swap_cookie_duration: company.swap_cookie_duration,
    swap_cookie_duration_unit: 'days',
    callscore_enabled: false,
    keyword_spotting_enabled: false,
    form_capture: company.form_capture,
  };
}

export function trackerView(tracker: TrackerRecord, store: SandboxStore): JsonObject {
  return {
    id: tracker.id,
    name: tracker.name,
    type: tracker.type,
    status: tracker.status,
    destination_number: tracker.destination_number,
    tracking_numbers: [...tracker.tracking_numbers],
    whisper_message: tracker.whisper_message,
    sms_supported: tracker.sms_supported,
    sms_enabled: tracker.sms_enabled,
    company: { id: tracker.company_id, name: store.company(tracker.company_id)?.name ?? null },
    call_flow: { ...tracker.call_flow },
    source: { ...tracker.source },
    created_at: tracker.created_at,
    disabled_at: tracker.disabled_at,
  };
}

/** What every call carries; everything else must be asked for with `fields=`. */
export const DEFAULT_CALL_FIELDS = [
  'id',
  'answered',
  'business_phone_number',
  'customer_city',
  'customer_country',
  'customer_name',
  'customer_phone_number',
  'customer_state',
  'direction',
  'duration',
  'recording',
  'recording_duration',
  'recording_player',
  'start_time',
  'tracking_phone_number',
  'voicemail',
  'agent_email',
] as const;

export type CallContext = {
  call: CallRecord;
  company: CompanyRecord;
  tracker: TrackerRecord | undefined;
  store: SandboxStore;
};

export type CallType =
  'first_call' | 'answered' | 'missed' | 'abandoned' | 'voicemail' | 'outbound';

export function callType(call: CallRecord): CallType {
  if (call.direction === 'outbound') return 'outbound';
  if (call.voicemail) return 'voicemail';
  if (!call.answered) return call.duration <= 5 && call.duration > 0 ? 'abandoned' : 'missed';
  return call.first_call ? 'first_call' : 'answered';
}

const CALL_TYPE_LABELS: Record<CallType, string> = {
  first_call: 'First Call',
  answered: 'Answered Call',
  missed: 'Missed Call',
  abandoned: 'Abandoned Call',
  voicemail: 'Voicemail',
  outbound: 'Outbound Call',
};
export const formatCallType = (type: CallType): string => CALL_TYPE_LABELS[type];

/** "13s", "2m 5s", "1h 4m": how CallRail writes `formatted_duration`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
}

/** Caller ID names arrive in carrier upper case; CallRail title-cases them for display. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(
      /(^|[\s'-])(\p{L})/gu,
      (_m, lead: string, letter: string) => lead + letter.toUpperCase(),
    );
}

export const formatValue = (value: string): string =>
  value ? `$${Number(value).toFixed(2)}` : '--';

export function formattedCustomerName(call: CallRecord): string {
  return call.customer_name
    ? titleCase(call.customer_name)
    : formatNumber(call.customer_phone_number);
}

/**
 * Every optional call field the sandbox knows, computed from the stored record. Fields that
 * need a CallRail feature the seeded accounts lack (Premium Conversation Intelligence) are null,
 * as CallRail returns them.
 */
export const EXTRA_CALL_FIELDS: Record<string, (ctx: CallContext) => Json> = {
  call_type: ({ call }) => callType(call),
  company_id: ({ company }) => company.id,
  company_name: ({ company }) => company.name,
  company_time_zone: ({ company }) => company.time_zone,
  created_at: ({ call }) => call.created_at,
  device_type: ({ call }) => call.device_type,
  first_call: ({ call }) => call.first_call,
  formatted_call_type: ({ call }) => formatCallType(callType(call)),
  formatted_customer_location: ({ call }) =>
    call.customer_city && call.customer_state
      ? `${call.customer_city}, ${call.customer_state}`
      : '',
  formatted_business_phone_number: ({ call }) =>
    call.business_phone_number ? formatNumber(call.business_phone_number) : null,
  formatted_customer_name: ({ call }) => formattedCustomerName(call),
  formatted_customer_name_or_phone_number: ({ call }) => formattedCustomerName(call),
  formatted_customer_phone_number: ({ call }) => formatNumber(call.customer_phone_number),
  formatted_duration: ({ call }) => formatDuration(call.duration),
  formatted_tracking_phone_number: ({ call }) => formatNumber(call.tracking_phone_number),
  formatted_tracking_source: ({ call }) => call.source,
  formatted_value: ({ call }) => formatValue(call.value),
  good_lead_call_id: ({ call }) => call.good_lead_call_id,
  good_lead_call_time: ({ call }) => call.good_lead_call_time,
  lead_status: ({ call }) => call.lead_status,
  note: ({ call }) => call.note,
  prior_calls: ({ call }) => call.prior_calls,
  source: ({ call }) => call.source,
  source_name: ({ call }) => call.source_name,
  tags: ({ call }) => [...call.tags],
  total_calls: ({ call }) => call.total_calls,
  value: ({ call }) => call.value,
  waveforms: () => null,
  tracker_id: ({ call }) => call.tracker_id,
  speaker_percent: () => null,
  keywords: ({ call }) => call.keywords,
  medium: ({ call }) => call.medium,
  campaign: ({ call }) => call.campaign,
  referring_url: ({ call }) => call.referring_url,
  landing_page_url: ({ call }) => call.landing_page_url,
  last_requested_url: ({ call }) => call.last_requested_url,
  referrer_domain: ({ call }) => call.referrer_domain,
  utm_source: ({ call }) => call.utm_source,
  utm_medium: ({ call }) => call.utm_medium,
  utm_term: ({ call }) => call.utm_term,
  utm_content: ({ call }) => call.utm_content,
  utm_campaign: ({ call }) => call.utm_campaign,
  utma: () => null,
  utmb: () => null,
  utmc: () => null,
  utmv: () => null,
  utmz: () => null,
  ga: () => null,
  gclid: ({ call }) => call.gclid,
  fbclid: ({ call }) => call.fbclid,
  msclkid: ({ call }) => call.msclkid,
  milestones: ({ call }) => structuredClone(call.milestones),
  timeline_url: ({ call }) => `https://app.callrail.com/analytics/timeline/${call.person_id}`,
  keywords_spotted: () => [],
  call_highlights: () => [],
  keypad_entries: () => null,
  transcription: () => null,
  conversational_transcript: () => null,
  call_summary: () => null,
  lead_score: () => null,
  sentiment: () => null,
  person_id: ({ call }) => call.person_id,
  zip_code: ({ call }) => call.zip_code,
  session_uuid: ({ call }) => call.session_uuid,
  integration_data: ({ store, company }) =>
    store.webhooksIntegration(company.id)?.state === 'active'
      ? [{ integration: 'Webhooks', data: null }]
      : [],
};

/** The names `fields=` accepts on calls. */
export const OPTIONAL_CALL_FIELDS: readonly string[] = Object.keys(EXTRA_CALL_FIELDS);

export function callContext(call: CallRecord, store: SandboxStore): CallContext {
  const company = store.company(call.company_id);
  if (!company) throw new Error(`Call ${call.id} belongs to no company`);
  return { call, company, tracker: store.tracker(call.tracker_id), store };
}

/** `fields=a,b` as a list; unknown names are dropped, as CallRail ignores them. */
export function parseFields(raw: string | null): string[] {
  if (!raw) return [];
  return [...new Set(raw.split(',').map((f) => f.trim()))].filter((f) =>
    Object.hasOwn(EXTRA_CALL_FIELDS, f),
  );
}

export function callView(
  call: CallRecord,
  store: SandboxStore,
  extraFields: readonly string[],
): JsonObject {
  const ctx = callContext(call, store);
  const view: JsonObject = {
    id: call.id,
    answered: call.in_progress ? null : call.answered,
    business_phone_number: call.business_phone_number,
    customer_city: call.customer_city,
    customer_country: call.customer_country,
    customer_name: call.customer_name,
    customer_phone_number: call.customer_phone_number,
    customer_state: call.customer_state,
    direction: call.direction,
    duration: call.in_progress ? null : call.duration,
    recording: call.recording,
    // The docs example has it as a string, webhooks as a number: the app must cope with both.
    recording_duration: call.recording_duration === null ? null : String(call.recording_duration),
    recording_player: call.recording_player,
    start_time: call.start_time,
    tracking_phone_number: call.tracking_phone_number,
    voicemail: call.voicemail,
    agent_email: call.agent_email,
  };
  for (const field of extraFields) {
    const compute = EXTRA_CALL_FIELDS[field];
    if (compute) view[field] = compute(ctx);
  }
  return view;
}

export function conversationView(
  conversation: ConversationRecord,
  store: SandboxStore,
): JsonObject {
  const company = store.company(conversation.company_id);
  return {
    id: conversation.id,
    company_id: conversation.company_id,
    initial_tracker_id: conversation.initial_tracker_id,
    current_tracker_id: conversation.current_tracker_id,
    customer_name: conversation.customer_name,
    customer_phone_number: conversation.customer_phone_number,
    initial_tracking_number: conversation.initial_tracking_number,
    current_tracking_number: conversation.current_tracking_number,
    last_message_at: conversation.last_message_at,
    state: conversation.state,
    formatted_customer_phone_number: formatNumber(conversation.customer_phone_number),
    formatted_initial_tracking_number: formatNumber(conversation.initial_tracking_number),
    formatted_current_tracking_number: formatNumber(conversation.current_tracking_number),
    formatted_customer_name: conversation.customer_name
      ? titleCase(conversation.customer_name)
      : formatNumber(conversation.customer_phone_number),
    company_time_zone: company?.time_zone ?? null,
    tracker_name: store.tracker(conversation.current_tracker_id)?.name ?? null,
    company_name: company?.name ?? null,
    recent_messages: conversation.recent_messages.map((m) => ({
      direction: m.direction,
      content: m.content,
      created_at: m.created_at,
      sms_thread: { ...conversation.sms_thread, tags: [...conversation.sms_thread.tags] },
      type: m.type,
      media_urls: [...m.media_urls],
    })),
  };
}

export function integrationView(
  integration: IntegrationRecord,
  store: SandboxStore,
  withSigningKey: boolean,
): JsonObject {
  const config: JsonObject = {};
  for (const [key, urls] of Object.entries(integration.config)) config[key] = [...(urls ?? [])];
  const view: JsonObject = {
    id: integration.id,
    type: integration.type,
    company_id: integration.company_id,
    state: integration.state,
    config,
  };
  if (withSigningKey) view.signing_key = store.company(integration.company_id)?.signing_key ?? null;
  return view;
}
