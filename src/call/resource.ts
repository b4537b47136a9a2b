import {
  asNames,
  asText,
  defineResource,
  recordOf,
  titleCase,
  type FieldSpec,
  type Output,
  type Raw,
} from '../fieldTable';
import { rawSampleCall } from './sample';

/**
 * A call, whichever way it reached us: the REST API (`calls.json`, `calls/{id}.json`) or a
 * webhook body. Webhooks carry a legacy numeric `id` with the `CAL…` id in `resource_id`, numeric
 * company and tracker ids beside `*_resource_id`, and strings for numbers and booleans.
 * `request` names a field CallRail leaves out of its default payload.
 */

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
type MilestoneKey = `${(typeof MILESTONES)[number]}_${(typeof MILESTONE_FIELDS)[number]}`;

const milestoneFields = Object.fromEntries(
  MILESTONES.flatMap((milestone) =>
    MILESTONE_FIELDS.map((field): [string, FieldSpec] => [
      `${milestone}_${field}`,
      {
        label: `${titleCase(milestone)} ${titleCase(field)}`.replace('Landing', 'Landing Page'),
        ...(field === 'event_date' ? { type: 'datetime' as const } : {}),
        read: (raw: Raw) => recordOf(recordOf(raw.milestones)[milestone])[field],
        request: 'milestones',
      },
    ]),
  ),
) as Record<MilestoneKey, FieldSpec>;

/** Conversation Intelligence lists come as strings or as objects with a phrase in them. */
const phrases = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .map((item: unknown) => {
          if (typeof item === 'string') return item;
          const found = ['name', 'keyword', 'phrase', 'text', 'highlight']
            .map((key) => recordOf(item)[key])
            .find((candidate) => typeof candidate === 'string');
          return typeof found === 'string' ? found : null;
        })
        .filter((item): item is string => item !== null && item !== '')
    : asNames(value);

export const callResource = defineResource({
  noun: 'Call',
  rawSample: rawSampleCall,
  fields: {
    id: { label: 'Call ID', primary: true, from: ['resource_id', 'id'] },
    start_time: { label: 'Start Time', type: 'datetime' },
    created_at: { label: 'Created At', type: 'datetime', request: 'created_at' },
    direction: { label: 'Direction' },
    call_type: { label: 'Call Type', request: 'call_type' },
    answered: { label: 'Answered', type: 'boolean' },
    voicemail: { label: 'Voicemail', type: 'boolean' },
    first_call: { label: 'First-Time Caller', type: 'boolean', request: 'first_call' },
    duration: { label: 'Duration (Seconds)', type: 'number' },
    customer_name: { label: 'Customer Name' },
    customer_phone_number: { label: 'Customer Phone Number' },
    formatted_customer_phone_number: {
      label: 'Customer Phone Number (Formatted)',
      request: 'formatted_customer_phone_number',
    },
    customer_city: { label: 'Customer City' },
    customer_state: { label: 'Customer State' },
    customer_country: { label: 'Customer Country' },
    tracking_phone_number: { label: 'Tracking Phone Number' },
    formatted_tracking_phone_number: {
      label: 'Tracking Phone Number (Formatted)',
      request: 'formatted_tracking_phone_number',
    },
    business_phone_number: { label: 'Business Phone Number' },
    company_id: {
      label: 'Company ID',
      from: ['company_resource_id', 'company_id'],
      request: 'company_id',
    },
    company_name: { label: 'Company Name', request: 'company_name' },
    company_time_zone: { label: 'Company Time Zone', request: 'company_time_zone' },
    tracker_id: {
      label: 'Tracker ID',
      from: ['tracker_resource_id', 'tracker_id'],
      request: 'tracker_id',
    },
    person_id: {
      label: 'Person ID',
      from: ['person_resource_id', 'person_id'],
      request: 'person_id',
    },
    source: { label: 'Source', from: ['source', 'formatted_tracking_source'], request: 'source' },
    source_name: { label: 'Source Name', request: 'source_name' },
    campaign: { label: 'Campaign', request: 'campaign' },
    medium: { label: 'Medium', request: 'medium' },
    keywords: { label: 'Keywords', request: 'keywords' },
    landing_page_url: { label: 'Landing Page URL', request: 'landing_page_url' },
    referring_url: { label: 'Referring URL', request: 'referring_url' },
    utm_source: { label: 'UTM Source', request: 'utm_source' },
    utm_medium: { label: 'UTM Medium', request: 'utm_medium' },
    utm_campaign: { label: 'UTM Campaign', request: 'utm_campaign' },
    utm_term: { label: 'UTM Term', request: 'utm_term' },
    utm_content: { label: 'UTM Content', request: 'utm_content' },
    gclid: { label: 'Google Click ID (GCLID)', request: 'gclid' },
    fbclid: { label: 'Facebook Click ID (FBCLID)', request: 'fbclid' },
    msclkid: { label: 'Microsoft Click ID (MSCLKID)', request: 'msclkid' },
    lead_status: { label: 'Lead Status', request: 'lead_status' },
    value: { label: 'Value', request: 'value' },
    note: { label: 'Note', request: 'note' },
    tags: { label: 'Tags', list: true, request: 'tags' },
    tags_text: {
      label: 'Tags (Comma-Separated)',
      read: (raw) => asNames(raw.tags).join(', '),
    },
    changes: { label: 'Changes (Call Modified)', list: true },
    event_timestamp: { label: 'Event Time (Webhooks)', type: 'datetime', from: ['timestamp'] },
    recording: { label: 'Recording URL' },
    recording_player: { label: 'Recording Player URL' },
    recording_duration: { label: 'Recording Duration (Seconds)', type: 'number' },
    agent_email: { label: 'Agent Email', request: 'agent_email' },
    timeline_url: { label: 'Timeline URL', request: 'timeline_url' },
    transcription: { label: 'Transcription', request: 'transcription' },
    call_summary: { label: 'Call Summary', request: 'call_summary' },
    sentiment: { label: 'Sentiment', request: 'sentiment' },
    lead_score: {
      label: 'Lead Score',
      read: (raw) => asText(raw.lead_score),
      request: 'lead_score',
    },
    keywords_spotted: {
      label: 'Keywords Spotted',
      list: true,
      read: (raw) => phrases(raw.keywords_spotted),
      request: 'keywords_spotted',
    },
    call_highlights: {
      label: 'Call Highlights',
      list: true,
      read: (raw) => phrases(raw.call_highlights),
      request: 'call_highlights',
    },
    ...milestoneFields,
  },
});

export type CallOutput = Output<typeof callResource.fields>;
