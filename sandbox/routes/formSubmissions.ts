import { addFormSubmission, formSubmissionView } from '../formSubmissions';
import type { Handler, RequestContext } from '../http';
import { ApiError, bodyObject, isObject, NOT_FOUND, ok, requireString } from '../http';
import { offsetPage, sortOrder } from '../pagination';
import type { FormSubmissionRecord, LeadStatus } from '../types';

/**
 * Form submissions. POST needs `company_id`, `form_url`, `form_data` and either `session_id` or
 * all of `referrer`, `referring_url`, `landing_page_url` (422 otherwise); the body may be flat
 * or wrapped in `{form_submission: {…}}`, as Rails parameter wrapping allows. PUT edits tags
 * (replacing them, or adding with `append_tags`), note, value and lead status.
 */

const unprocessable = (message: string): ApiError => new ApiError(422, message);

/** Flat or wrapped: Rails reads both. */
const params = (ctx: RequestContext): Record<string, unknown> => {
  const body = bodyObject(ctx);
  return isObject(body.form_submission) ? body.form_submission : body;
};

const find = (ctx: RequestContext, id: string | undefined): FormSubmissionRecord => {
  const found = ctx.store.formSubmission(ctx.account.id, id ?? '');
  if (!found) throw new ApiError(404, NOT_FOUND);
  return found;
};

/**
 * GET form_submissions.json: `company_id`, `start_date`/`end_date` as days in the company's own
 * zone (inclusive), newest first.
 */
export const listFormSubmissions: Handler = (ctx) => {
  const companyId = ctx.query.get('company_id');
  const from = ctx.query.get('start_date')?.slice(0, 10);
  const to = ctx.query.get('end_date')?.slice(0, 10);
  const sign = sortOrder(ctx, 'desc') === 'asc' ? 1 : -1;
  const rows = ctx.store.formSubmissions
    .filter((f) => f.account_id === ctx.account.id)
    .filter((f) => !companyId || f.company_id === companyId)
    // `submitted_at` is written in the company's zone, so its first ten characters are its day.
    .filter(
      (f) =>
        (!from || f.submitted_at.slice(0, 10) >= from) &&
        (!to || f.submitted_at.slice(0, 10) <= to),
    )
    .sort((a, b) => (Date.parse(a.submitted_at) - Date.parse(b.submitted_at)) * sign);
  return offsetPage(ctx, rows, 'form_submissions', formSubmissionView);
};

export const getFormSubmission: Handler = (ctx, [, id]) => ok(formSubmissionView(find(ctx, id)));

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** POST form_submissions.json: 201 with the submission; fires `form_captured_webhook`. */
export const createFormSubmission: Handler = (ctx) => {
  const body = params(ctx);
  const companyId = requireString(body, 'company_id');
  const formUrl = requireString(body, 'form_url');
  if (!isObject(body.form_data) || Object.keys(body.form_data).length === 0) {
    throw new ApiError(400, 'param is missing or the value is empty: form_data');
  }
  const sessionId = text(body.session_id);
  const attribution = {
    referrer: text(body.referrer),
    referringUrl: text(body.referring_url),
    landingPageUrl: text(body.landing_page_url),
  };
  if (!sessionId && Object.values(attribution).some((value) => value === null)) {
    throw unprocessable(
      'Either session_id or all of referrer, referring_url and landing_page_url are required',
    );
  }
  const company = ctx.store.companyIn(ctx.account.id, companyId);
  if (!company || company.status !== 'active')
    throw unprocessable('Company not found or not active');
  const formData = Object.fromEntries(
    Object.entries(body.form_data).map(([key, value]) => [key, String(value)]),
  );
  const submission = addFormSubmission(ctx.store, {
    company,
    submittedAt: ctx.now(),
    formData,
    formUrl,
    ...attribution,
    sessionUuid: sessionId,
  });
  ctx.afterResponse(() => ctx.webhooks.formEvent(submission));
  return ok(formSubmissionView(submission), 201);
};

const LEAD_STATUSES: readonly (LeadStatus | 'not_scored')[] = [
  'good_lead',
  'not_a_lead',
  'not_scored',
];

/** PUT form_submissions/{id}.json: tags (with `append_tags`), note, value, lead_status. */
export const updateFormSubmission: Handler = (ctx, [, id]) => {
  const submission = find(ctx, id);
  const body = params(ctx);
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags)) throw unprocessable('Tags must be a list');
    const tags = body.tags.map(String);
    submission.tags =
      body.append_tags === true || body.append_tags === 'true'
        ? [...submission.tags, ...tags.filter((t) => !submission.tags.includes(t))]
        : tags;
  }
  if (body.note !== undefined) submission.note = text(body.note);
  if (body.value !== undefined) {
    if (body.value !== null && !/^\d+(\.\d{1,2})?$/.test(String(body.value)))
      throw unprocessable('Value is not a number');
    submission.value = body.value === null ? null : String(body.value);
  }
  if (body.lead_status !== undefined) {
    const status = LEAD_STATUSES.find((s) => s === body.lead_status);
    if (!status) throw unprocessable('Lead status is not included in the list');
    submission.lead_status = status === 'not_scored' ? null : status;
  }
  return ok(formSubmissionView(submission));
};
