import type { Bundle, ZObject } from 'zapier-platform-core';

import {
  FORM_SEARCH_MAX_PAGES,
  FORM_SUBMISSION_SORT,
  FORM_SUBMISSION_WRAPPER,
  MAX_PER_PAGE,
  OFFLINE_FORM_DEFAULTS,
} from '../callrailFacts';
import { callRail, segment } from '../client';
import { asNames, presentValues, recordOf, type Raw } from '../fieldTable';
import { offsetListPage, readNewest, readPages, uniqueById } from '../polling';
import type { LeadUpdate } from '../leadUpdate';
import { tagBodyOf } from '../tag/changes';
import { formSubmissionResource, type FormSubmissionOutput } from './resource';

const LIST_ENDPOINT = 'the form submissions (form_submissions.json)';

const listPage = (
  z: ZObject,
  bundle: Bundle,
  params: Record<string, string | undefined>,
  pageSize: number,
  page?: number,
) =>
  offsetListPage<Raw>(z, bundle, {
    path: 'form_submissions.json',
    key: 'form_submissions',
    endpoint: LIST_ENDPOINT,
    action: 'list form submissions',
    params: { ...params, ...FORM_SUBMISSION_SORT },
    pageSize,
    page,
  });

const byNewest = (a: FormSubmissionOutput, b: FormSubmissionOutput) =>
  Date.parse(b.submitted_at ?? '') - Date.parse(a.submitted_at ?? '');

/** Newest submissions first, one page or, for a burst, as many as are new. */
export const fetchRecentFormSubmissions = async (
  z: ZObject,
  bundle: Bundle,
  {
    companyId,
    pageSize,
    followBursts,
    page,
  }: { companyId?: string; pageSize: number; followBursts: boolean; page?: number },
): Promise<FormSubmissionOutput[]> => {
  const rows = await readNewest(
    z,
    bundle,
    (before) => listPage(z, bundle, { company_id: companyId, end_date: before }, pageSize, page),
    {
      timeOf: (row) => Date.parse(String(row.submitted_at)),
      pageSize,
      followBursts,
      what: 'form submissions',
    },
  );
  // A filter CallRail ignored must still hold.
  return uniqueById(rows.map(formSubmissionResource.normalize))
    .filter((submission) => !companyId || submission.company_id === companyId)
    .sort(byNewest);
};

export interface FormSubmissionQuery {
  companyId?: string;
  from?: string;
  to?: string;
  /** lowercased */
  email?: string;
  /** the national digits */
  phoneDigits?: string;
}

/** Submissions of a customer (by email, any case, and/or phone, any format), newest first. */
export const searchFormSubmissions = async (
  z: ZObject,
  bundle: Bundle,
  query: FormSubmissionQuery,
): Promise<FormSubmissionOutput[]> => {
  const first = await listPage(
    z,
    bundle,
    { company_id: query.companyId, start_date: query.from, end_date: query.to },
    MAX_PER_PAGE,
  );
  const rows = await readPages(first, FORM_SEARCH_MAX_PAGES);
  return (
    uniqueById(rows.map(formSubmissionResource.normalize))
      .filter((submission) => !query.companyId || submission.company_id === query.companyId)
      // Either one given matches: a customer often types one of them differently each time.
      .filter(
        (submission) =>
          (query.email !== undefined &&
            submission.customer_email?.trim().toLowerCase() === query.email) ||
          (query.phoneDigits !== undefined &&
            (submission.customer_phone_number ?? '')
              .replace(/\D/g, '')
              .endsWith(query.phoneDigits)),
      )
      .sort(byNewest)
  );
};

/** CallRail may answer a write flat or wrapped in `{form_submission: {…}}`. */
const unwrapped = (answer: unknown): Raw => {
  const body = recordOf(answer);
  const inner = body[FORM_SUBMISSION_WRAPPER];
  return typeof inner === 'object' && inner !== null ? recordOf(inner) : body;
};

export interface NewFormSubmission {
  companyId: string;
  formUrl: string;
  formData: Record<string, string>;
  sessionId?: string;
  referrer?: string;
  referringUrl?: string;
  landingPageUrl?: string;
}

/**
 * The body CallRail needs: a session, or all three attribution fields, which an offline lead
 * without them gets as direct traffic to the form's page.
 */
const creationBody = (lead: NewFormSubmission): Raw => {
  const attribution = lead.sessionId
    ? {
        session_id: lead.sessionId,
        referrer: lead.referrer,
        referring_url: lead.referringUrl,
        landing_page_url: lead.landingPageUrl,
      }
    : {
        referrer: lead.referrer ?? OFFLINE_FORM_DEFAULTS.referrer,
        referring_url: lead.referringUrl ?? OFFLINE_FORM_DEFAULTS.referringUrl(lead.formUrl),
        landing_page_url: lead.landingPageUrl ?? OFFLINE_FORM_DEFAULTS.landingPageUrl(lead.formUrl),
      };
  return {
    company_id: lead.companyId,
    form_url: lead.formUrl,
    form_data: lead.formData,
    ...presentValues(attribution),
  };
};

/** Records the lead once (never retried); the output stands even on an empty answer. */
export const createFormSubmission = async (
  z: ZObject,
  bundle: Bundle,
  lead: NewFormSubmission,
): Promise<FormSubmissionOutput> => {
  const body = creationBody(lead);
  const answer = await callRail<unknown>(z, bundle, {
    method: 'POST',
    path: 'form_submissions.json',
    body,
    context: {
      action: 'record the form submission',
      resource: `company ${lead.companyId}`,
      isWrite: true,
      notFoundHint: 'Choose the company from the dropdown.',
    },
  });
  return formSubmissionResource.normalize({ ...body, ...presentValues(unwrapped(answer)) });
};

const context = (id: string, action: string, isWrite: boolean) => ({
  action,
  resource: `the form submission ${id}`,
  isWrite,
  notFoundHint: 'Map a form submission ID (FRM…) from a trigger or a search.',
});

/**
 * One PUT; a GET first only when tags are removed (CallRail can replace or append tags, never
 * remove one). Sent once, never retried.
 */
export const updateFormSubmission = async (
  z: ZObject,
  bundle: Bundle,
  id: string,
  { tags, fields }: LeadUpdate,
): Promise<FormSubmissionOutput> => {
  const path = `form_submissions/${segment(id)}.json`;
  let current: Raw = {};
  const tagBody = await tagBodyOf(tags, async () => {
    current = unwrapped(
      await callRail<unknown>(z, bundle, {
        path,
        context: context(id, 'read the form submission', false),
      }),
    );
    return asNames(current.tags);
  });
  const body = { ...tagBody, ...fields };
  const answer = await callRail<unknown>(z, bundle, {
    method: 'PUT',
    path,
    body,
    context: context(id, 'update the form submission', true),
  });
  return formSubmissionResource.normalize({
    ...presentValues(current),
    id,
    ...body,
    ...presentValues(unwrapped(answer)),
  });
};
