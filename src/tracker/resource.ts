import { asNames, defineResource, recordOf, type Output } from '../fieldTable';

/**
 * A tracker as `trackers.json` returns it: a number source with its tracking numbers (E.164),
 * the company it belongs to as a nested `company {id, name}`, and (when CallRail sends them) the
 * texting flags, which stay null rather than false when absent (callrailFacts.ts).
 */
export const trackerResource = defineResource({
  noun: 'Tracker',
  // CallRail's live example (reference §5), with the documented timestamps added.
  rawSample: {
    id: 'TRK019c46b9f18174d68bb8d7985260a11f',
    name: 'Google My Business',
    type: 'source',
    status: 'active',
    destination_number: '+18019234886',
    tracking_numbers: ['+18017846712'],
    whisper_message: null,
    sms_supported: true,
    sms_enabled: true,
    company: { id: 'COM019c46b8a26376a9a4f29671dcdd49e9', name: 'My Company' },
    source: { type: 'google_my_business' },
    call_flow: { type: 'basic', recording_enabled: true, destination_number: '+18019234886' },
    created_at: '2026-02-10T03:43:50.412-05:00',
    disabled_at: null,
  },
  fields: {
    id: { label: 'Tracker ID', primary: true },
    name: { label: 'Tracker Name' },
    type: { label: 'Type (Source or Session)' },
    status: { label: 'Status' },
    tracking_numbers: { label: 'Tracking Numbers', list: true },
    tracking_numbers_text: {
      label: 'Tracking Numbers (Comma-Separated)',
      read: (raw) => asNames(raw.tracking_numbers).join(', '),
    },
    destination_number: { label: 'Destination Number' },
    sms_supported: { label: 'SMS Supported', type: 'boolean' },
    sms_enabled: { label: 'SMS Enabled', type: 'boolean' },
    company_id: { label: 'Company ID', read: (raw) => recordOf(raw.company).id },
    company_name: { label: 'Company Name', read: (raw) => recordOf(raw.company).name },
    source_type: { label: 'Source Type', read: (raw) => recordOf(raw.source).type },
    whisper_message: { label: 'Whisper Message' },
    recording_enabled: {
      label: 'Recording Enabled',
      type: 'boolean',
      read: (raw) => recordOf(raw.call_flow).recording_enabled,
    },
    created_at: { label: 'Created At', type: 'datetime' },
    disabled_at: { label: 'Disabled At', type: 'datetime' },
  },
});

export type TrackerOutput = Output<typeof trackerResource.fields>;
