import type { Raw } from '../fieldTable';

/** A form submission as `form_submissions.json` lists it (fields as in CallRail's data model). */
export const rawSampleFormSubmission: Raw = {
  id: 'FRM8154748ae6bd4e278a7cddd38a662f4f',
  company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
  person_id: 'PER8154748ae6bd4e278a7cddd38a662f4f',
  form_data: {
    name: 'Maria Lopez',
    email: 'maria.lopez@example.com',
    phone_number: '(303) 555-0142',
    service: 'Teeth whitening',
    message: 'Do you have openings next Tuesday afternoon?',
  },
  form_url: 'https://www.summitdental.example/contact',
  landing_page_url: 'https://www.summitdental.example/whitening?utm_source=google&utm_medium=cpc',
  referrer: 'google_paid',
  referring_url: 'https://www.google.com/',
  submitted_at: '2026-11-20T14:03:11.482-07:00',
  first_form: true,
  customer_name: 'Maria Lopez',
  customer_email: 'maria.lopez@example.com',
  customer_phone_number: '+13035550142',
  source: 'Google Ads',
  keywords: 'teeth whitening denver',
  campaign: 'Whitening - Denver',
  medium: 'cpc',
  lead_status: 'good_lead',
  tags: [{ name: 'Whitening' }, { name: 'New Patient' }],
  note: 'Asked for a Tuesday afternoon',
  value: '350.00',
  timeline_url: 'https://app.callrail.com/analytics/timeline/PER8154748ae6bd4e278a7cddd38a662f4f',
};
