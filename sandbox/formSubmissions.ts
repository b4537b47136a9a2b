import { hex32, resourceId } from './ids';
import { formatNumber } from './phone';
import type { Random } from './random';
import type { SandboxStore } from './store';
import { isoInZone } from './time';
import type { CompanyRecord, FormSubmissionRecord, JsonObject } from './types';

/**
 * Form submissions: how they are made up (seed, simulation, POST), and how CallRail shows them
 * in REST (`form_submissions.json`) and in a `form_captured_webhook` body, which, like a real
 * captured one, has resource ids beside a numeric company id and no `customer_*` fields.
 */

const FORM_PATHS = ['/contact', '/book-online', '/request-a-quote'];
const SERVICES = ['New appointment', 'Estimate', 'Question about billing', 'Emergency'];
const SOURCES: ReadonlyArray<[string, string | null, string | null]> = [
  ['Google Ads', 'cpc', 'google'],
  ['Google Organic', 'organic', 'google'],
  ['Direct', null, null],
  ['Facebook Ads', 'paid_social', 'facebook'],
];

export type NewSubmission = {
  company: CompanyRecord;
  submittedAt: Date;
  formData: { [field: string]: string };
  formUrl: string;
  referrer: string | null;
  referringUrl: string | null;
  landingPageUrl: string | null;
  sessionUuid: string | null;
};

/** Stores a submission; the person and "first form" follow the email or number, as CallRail's do. */
export function addFormSubmission(store: SandboxStore, lead: NewSubmission): FormSubmissionRecord {
  const data = lead.formData;
  const email = Object.entries(data).find(([k]) => /e-?mail/i.test(k))?.[1] ?? null;
  const phone = Object.entries(data).find(([k]) => /phone/i.test(k))?.[1] ?? null;
  const name = Object.entries(data).find(([k]) => /name/i.test(k))?.[1] ?? null;
  const who = (email ?? phone ?? name ?? 'anonymous').toLowerCase();
  const earlier = store.formSubmissions.filter(
    (f) =>
      f.company_id === lead.company.id &&
      (f.customer_email ?? f.customer_phone_number ?? '').toLowerCase() === who,
  );
  const [source, medium] = SOURCES.find(([label]) =>
    lead.referrer?.startsWith(label.split(' ')[0]?.toLowerCase() ?? ''),
  ) ??
    SOURCES[2] ?? ['Direct', null, null];
  const count = store.formSubmissions.length;
  const submission: FormSubmissionRecord = {
    id: resourceId('FRM', `form:${lead.company.id}:${count}`),
    account_id: lead.company.account_id,
    company_id: lead.company.id,
    person_id: resourceId('PER', `person:${lead.company.account_id}:${who}`),
    form_data: { ...data },
    form_url: lead.formUrl,
    landing_page_url: lead.landingPageUrl,
    referrer: lead.referrer,
    referring_url: lead.referringUrl,
    session_uuid: lead.sessionUuid,
    submitted_at: isoInZone(lead.submittedAt, lead.company.time_zone),
    first_form: earlier.length === 0,
    customer_name: name,
    customer_email: email,
    customer_phone_number: phone,
    source,
    keywords: null,
    campaign: null,
    medium,
    lead_status: null,
    tags: [],
    note: null,
    value: null,
  };
  store.formSubmissions.push(submission);
  return submission;
}

/** A made-up website lead for a company, from one of its regular customers. */
export function randomLead(
  rng: Random,
  company: CompanyRecord,
  customer: { name: string | null; phone: string },
  submittedAt: Date,
): NewSubmission {
  const name = customer.name ?? 'Sam Taylor';
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@mail.example`;
  const formUrl = `${company.website}${rng.pick(FORM_PATHS)}`;
  const [source] = rng.pick(SOURCES);
  const data: { [field: string]: string } = {
    name,
    email: rng.chance(0.3) ? email.toUpperCase() : email,
    phone_number: formatNumber(customer.phone),
    service: rng.pick(SERVICES),
  };
  if (rng.chance(0.5)) data.message = 'Please call me back in the afternoon.';
  return {
    company,
    submittedAt,
    formData: data,
    formUrl,
    referrer: source.toLowerCase().replace(/\s+/g, '_'),
    referringUrl: source === 'Direct' ? null : 'https://www.google.com/',
    landingPageUrl: `${company.website}/`,
    sessionUuid: hex32(`session:${formUrl}:${submittedAt.getTime()}`),
  };
}

export function formSubmissionView(f: FormSubmissionRecord): JsonObject {
  return {
    id: f.id,
    company_id: f.company_id,
    person_id: f.person_id,
    form_data: { ...f.form_data },
    form_url: f.form_url,
    landing_page_url: f.landing_page_url,
    referrer: f.referrer,
    referring_url: f.referring_url,
    submitted_at: f.submitted_at,
    first_form: f.first_form,
    customer_name: f.customer_name,
    customer_email: f.customer_email,
    customer_phone_number: f.customer_phone_number,
    source: f.source,
    keywords: f.keywords,
    campaign: f.campaign,
    medium: f.medium,
    lead_status: f.lead_status,
    tags: f.tags.map((name) => ({ name })),
    note: f.note,
    value: f.value,
    timeline_url: `https://app.callrail.com/analytics/timeline/${f.person_id}`,
  };
}

/** `form_captured_webhook`, with the field set of a captured real body. */
export function buildFormPayload(store: SandboxStore, f: FormSubmissionRecord): JsonObject {
  const company = store.company(f.company_id);
  return {
    resource_id: f.id,
    company_id: company?.numeric_id ?? null,
    company_resource_id: f.company_id,
    person_resource_id: f.person_id,
    lead_status: f.lead_status,
    form_data: { ...f.form_data },
    url: f.form_url,
    form_url: f.form_url,
    source: f.source,
    keywords: f.keywords ?? '',
    campaign: f.campaign ?? '',
    medium: f.medium ?? '',
    landing: f.landing_page_url ?? '',
    landing_page_url: f.landing_page_url ?? '',
    referrer: f.referrer ?? '',
    referrer_url: f.referring_url ?? '',
    referring_url: f.referring_url ?? '',
    timeline_url: `https://app.callrail.com/analytics/timeline/${f.person_id}`,
    utm_source: '',
    utm_medium: '',
    utm_campaign: '',
    submitted_at: f.submitted_at,
    first_form: f.first_form,
    session_uuid: f.session_uuid ?? '',
    created_at: f.submitted_at,
    updated_at: f.submitted_at,
    hidden: false,
    timestamp: f.submitted_at,
  };
}
