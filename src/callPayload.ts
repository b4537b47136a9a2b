/**
 * One shape for a call, whichever way it reached us: the REST API (`calls.json`, `calls/{id}.json`)
 * or a webhook body. Webhooks carry a legacy numeric `id` with the `CAL…` id in `resource_id`,
 * numeric company and tracker ids beside `*_resource_id`, and strings for numbers and booleans.
 */

export type CallValue = string | number | boolean | null | string[];
export type NormalizedCall = { id: string } & Record<string, CallValue>;

type Raw = Record<string, unknown>;
type Field = { key: string; label: string; type?: 'string' | 'number' | 'boolean' | 'datetime' };

const MILESTONES = ['first_touch', 'lead_created', 'qualified', 'last_touch'] as const;
const MILESTONE_FIELDS = [
  'event_date',
  'source',
  'campaign',
  'medium',
  'keywords',
  'landing',
  'referrer',
  'device',
] as const;

const titleCase = (snake: string) =>
  snake.replace(
    /(^|_)(\w)/g,
    (_m, gap: string, letter: string) => `${gap ? ' ' : ''}${letter.toUpperCase()}`,
  );

const text = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : String(value);
};

const bool = (value: unknown): boolean | null => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1 || value === '1') return true;
  if (value === 'false' || value === 0 || value === '0') return false;
  return null;
};

const num = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

const names = (value: unknown): string[] => {
  if (!Array.isArray(value)) return typeof value === 'string' && value ? [value] : [];
  return value
    .map((item: unknown) => (typeof item === 'object' && item !== null ? (item as Raw).name : item))
    .filter((item): item is string => typeof item === 'string' && item !== '');
};

const record = (value: unknown): Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};

/** Output fields in the order Zapier shows them, with friendly labels. */
export const CALL_OUTPUT_FIELDS: readonly Field[] = [
  { key: 'id', label: 'Call ID' },
  { key: 'start_time', label: 'Start Time', type: 'datetime' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'direction', label: 'Direction' },
  { key: 'call_type', label: 'Call Type' },
  { key: 'answered', label: 'Answered', type: 'boolean' },
  { key: 'voicemail', label: 'Voicemail', type: 'boolean' },
  { key: 'first_call', label: 'First-Time Caller', type: 'boolean' },
  { key: 'duration', label: 'Duration (Seconds)', type: 'number' },
  { key: 'customer_name', label: 'Customer Name' },
  { key: 'customer_phone_number', label: 'Customer Phone Number' },
  { key: 'formatted_customer_phone_number', label: 'Customer Phone Number (Formatted)' },
  { key: 'customer_city', label: 'Customer City' },
  { key: 'customer_state', label: 'Customer State' },
  { key: 'customer_country', label: 'Customer Country' },
  { key: 'tracking_phone_number', label: 'Tracking Phone Number' },
  { key: 'formatted_tracking_phone_number', label: 'Tracking Phone Number (Formatted)' },
  { key: 'business_phone_number', label: 'Business Phone Number' },
  { key: 'company_id', label: 'Company ID' },
  { key: 'company_name', label: 'Company Name' },
  { key: 'company_time_zone', label: 'Company Time Zone' },
  { key: 'tracker_id', label: 'Tracker ID' },
  { key: 'source', label: 'Source' },
  { key: 'source_name', label: 'Source Name' },
  { key: 'campaign', label: 'Campaign' },
  { key: 'medium', label: 'Medium' },
  { key: 'keywords', label: 'Keywords' },
  { key: 'landing_page_url', label: 'Landing Page URL' },
  { key: 'referring_url', label: 'Referring URL' },
  { key: 'utm_source', label: 'UTM Source' },
  { key: 'utm_medium', label: 'UTM Medium' },
  { key: 'utm_campaign', label: 'UTM Campaign' },
  { key: 'utm_term', label: 'UTM Term' },
  { key: 'utm_content', label: 'UTM Content' },
  { key: 'gclid', label: 'Google Click ID (GCLID)' },
  { key: 'fbclid', label: 'Facebook Click ID (FBCLID)' },
  { key: 'msclkid', label: 'Microsoft Click ID (MSCLKID)' },
  { key: 'lead_status', label: 'Lead Status' },
  { key: 'value', label: 'Value' },
  { key: 'note', label: 'Note' },
  { key: 'tags', label: 'Tags' },
  { key: 'tags_text', label: 'Tags (Comma-Separated)' },
  { key: 'changes', label: 'Changes (Call Modified)' },
  { key: 'recording', label: 'Recording URL' },
  { key: 'recording_player', label: 'Recording Player URL' },
  { key: 'recording_duration', label: 'Recording Duration (Seconds)', type: 'number' },
  { key: 'agent_email', label: 'Agent Email' },
  { key: 'timeline_url', label: 'Timeline URL' },
  ...MILESTONES.flatMap((milestone) =>
    MILESTONE_FIELDS.map((field): Field => ({
      key: `${milestone}_${field}`,
      label: `${titleCase(milestone)} ${titleCase(field)}`.replace('Landing', 'Landing Page'),
      ...(field === 'event_date' ? { type: 'datetime' as const } : {}),
    })),
  ),
];

const flattenMilestones = (raw: unknown): Record<string, string | null> => {
  const milestones = record(raw);
  return Object.fromEntries(
    MILESTONES.flatMap((milestone) =>
      MILESTONE_FIELDS.map((field) => [
        `${milestone}_${field}`,
        text(record(milestones[milestone])[field]),
      ]),
    ),
  );
};

export const normalizeCall = (raw: Raw): NormalizedCall => {
  const tags = names(raw.tags);
  const changes = names(raw.changes);
  return {
    id: text(raw.resource_id) ?? text(raw.id) ?? '',
    start_time: text(raw.start_time),
    created_at: text(raw.created_at),
    direction: text(raw.direction),
    call_type: text(raw.call_type),
    answered: bool(raw.answered),
    voicemail: bool(raw.voicemail),
    first_call: bool(raw.first_call),
    duration: num(raw.duration),
    customer_name: text(raw.customer_name),
    customer_phone_number: text(raw.customer_phone_number),
    formatted_customer_phone_number: text(raw.formatted_customer_phone_number),
    customer_city: text(raw.customer_city),
    customer_state: text(raw.customer_state),
    customer_country: text(raw.customer_country),
    tracking_phone_number: text(raw.tracking_phone_number),
    formatted_tracking_phone_number: text(raw.formatted_tracking_phone_number),
    business_phone_number: text(raw.business_phone_number),
    company_id: text(raw.company_resource_id) ?? text(raw.company_id),
    company_name: text(raw.company_name),
    company_time_zone: text(raw.company_time_zone),
    tracker_id: text(raw.tracker_resource_id) ?? text(raw.tracker_id),
    source: text(raw.source) ?? text(raw.formatted_tracking_source),
    source_name: text(raw.source_name),
    campaign: text(raw.campaign),
    medium: text(raw.medium),
    keywords: text(raw.keywords),
    landing_page_url: text(raw.landing_page_url),
    referring_url: text(raw.referring_url),
    utm_source: text(raw.utm_source),
    utm_medium: text(raw.utm_medium),
    utm_campaign: text(raw.utm_campaign),
    utm_term: text(raw.utm_term),
    utm_content: text(raw.utm_content),
    gclid: text(raw.gclid),
    fbclid: text(raw.fbclid),
    msclkid: text(raw.msclkid),
    lead_status: text(raw.lead_status),
    value: text(raw.value),
    note: text(raw.note),
    tags,
    tags_text: tags.join(', '),
    changes: changes.length ? changes.join(', ') : null,
    recording: text(raw.recording),
    recording_player: text(raw.recording_player),
    recording_duration: num(raw.recording_duration),
    agent_email: text(raw.agent_email),
    timeline_url: text(raw.timeline_url),
    ...flattenMilestones(raw.milestones),
  };
};
