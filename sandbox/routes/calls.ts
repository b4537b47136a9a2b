import { requestedWindow } from '../dateWindow';
import type { Handler, RequestContext } from '../http';
import { ApiError, bodyObject, isTrue, missingParam, NOT_FOUND, ok } from '../http';
import { resourceId } from '../ids';
import { compareText, offsetPage, perPage, sortOrder } from '../pagination';
import { digitsOf, normalizeUsCaNumber } from '../phone';
import { callView, parseFields } from '../serializers';
import { isoInZone } from '../time';
import type { CallRecord, CallWebhookEvent, LeadStatus } from '../types';
import { usersOf } from './users';
import { addTag, findTag } from './tags';

/** Comma lists and Rails-style `name[]=a&name[]=b` both select several values. */
function listParam(ctx: RequestContext, name: string): string[] {
  const values = [...ctx.query.getAll(name), ...ctx.query.getAll(`${name}[]`)];
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * `search` looks in the caller's name, note and source; when the query has digits it also
 * matches phone numbers digit-for-digit, so "(303) 555-0101" finds "+13035550101".
 */
function matchesSearch(call: CallRecord, query: string): boolean {
  const text = query.toLowerCase();
  const haystack = [call.customer_name, call.note, call.source, call.source_name].filter(
    (v): v is string => !!v,
  );
  if (haystack.some((v) => v.toLowerCase().includes(text))) return true;
  const digits = digitsOf(query);
  if (digits === '') return false;
  return [
    call.customer_phone_number,
    call.tracking_phone_number,
    call.business_phone_number ?? '',
  ].some((n) => digitsOf(n).includes(digits));
}

/** Answer statuses as CallRail counts them: "missed" includes voicemails (answered + missed = all). */
const ANSWER_STATUS: Record<string, (call: CallRecord) => boolean> = {
  answered: (c) => c.answered,
  missed: (c) => !c.answered,
  voicemail: (c) => c.voicemail,
};

/** A lookup that ignores Object.prototype, so `sort=constructor` is just an unknown value. */
const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

const byStartTime = (a: CallRecord, b: CallRecord): number =>
  Date.parse(a.start_time) - Date.parse(b.start_time);

const SORTS: Record<string, (a: CallRecord, b: CallRecord) => number> = {
  start_time: byStartTime,
  duration: (a, b) => a.duration - b.duration,
  customer_name: (a, b) => compareText(a.customer_name, b.customer_name),
  customer_phone_number: (a, b) => compareText(a.customer_phone_number, b.customer_phone_number),
  source: (a, b) => compareText(a.source, b.source),
};

/**
 * The calls a request's filters select, in store order. Shared with the summary and timeseries
 * routes, which take the same filters plus `tracker_ids`, `first_time_callers` and durations.
 */
export function filteredCalls(ctx: RequestContext): CallRecord[] {
  const windowFor = requestedWindow(ctx);
  const companyIds = listParam(ctx, 'company_id');
  const trackerIds = [...listParam(ctx, 'tracker_id'), ...listParam(ctx, 'tracker_ids')];
  const tags = listParam(ctx, 'tags');
  const direction = ctx.query.get('direction');
  const answerStatus = ctx.query.get('answer_status');
  const leadStatus = ctx.query.get('lead_status');
  const firstTimeOnly = isTrue(ctx.query.get('first_time_callers'));
  const minDuration = Number(ctx.query.get('min_duration') ?? NaN);
  const maxDuration = Number(ctx.query.get('max_duration') ?? NaN);
  const search = ctx.query.get('search')?.trim();
  const byAnswer = answerStatus ? (own(ANSWER_STATUS, answerStatus) ?? (() => false)) : undefined;

  return ctx.store.calls.filter((call) => {
    if (call.account_id !== ctx.account.id) return false;
    // Spam calls leave the default lists, as observed live; by id they are still there.
    if (call.spam === true) return false;
    if (call.in_progress && ctx.store.callsInProgressHidden) return false;
    const company = ctx.store.company(call.company_id);
    const window = windowFor(company?.time_zone ?? 'UTC');
    const start = Date.parse(call.start_time);
    if (start < window.start || start >= window.end) return false;
    if (companyIds.length > 0 && !companyIds.includes(call.company_id)) return false;
    if (trackerIds.length > 0 && !trackerIds.includes(call.tracker_id)) return false;
    if (direction && call.direction !== direction) return false;
    if (byAnswer && !byAnswer(call)) return false;
    if (leadStatus && (call.lead_status ?? 'not_scored') !== leadStatus) return false;
    if (tags.length > 0 && !call.tags.some((t) => tags.includes(t))) return false;
    if (firstTimeOnly && !call.first_call) return false;
    if (call.duration < minDuration || call.duration > maxDuration) return false;
    return !search || matchesSearch(call, search);
  });
}

function selectCalls(ctx: RequestContext): CallRecord[] {
  const calls = filteredCalls(ctx);

  // Reverse-chronological unless asked otherwise; alphabetical sorts default to A→Z.
  const named = own(SORTS, ctx.query.get('sort') ?? '');
  const compare = named ?? byStartTime;
  const sign = sortOrder(ctx, named && named !== byStartTime ? 'asc' : 'desc') === 'asc' ? 1 : -1;
  return calls.sort((a, b) => compare(a, b) * sign || (a.legacy_id - b.legacy_id) * sign);
}

/**
 * GET calls.json. Offset pagination by default; with `relative_pagination=true` the response is
 * `{per_page, has_next_page, next_page, calls}` and `offset` (0-based page) picks the page.
 */
export const listCalls: Handler = (ctx) => {
  const calls = selectCalls(ctx);
  const fields = parseFields(ctx.query.get('fields'));
  const view = (call: CallRecord) => callView(call, ctx.store, fields);
  if (!isTrue(ctx.query.get('relative_pagination'))) return offsetPage(ctx, calls, 'calls', view);

  const size = perPage(ctx);
  const rawOffset = ctx.query.get('offset') ?? '0';
  const offset = /^\d+$/.test(rawOffset) ? Number(rawOffset) : 0;
  const hasNext = (offset + 1) * size < calls.length;
  let nextPage: string | null = null;
  if (hasNext) {
    const next = new URL(ctx.url);
    next.searchParams.set('offset', String(offset + 1));
    nextPage = next.toString();
  }
  return ok({
    per_page: size,
    has_next_page: hasNext,
    next_page: nextPage,
    calls: calls.slice(offset * size, (offset + 1) * size).map(view),
  });
};

/** GET calls/{id}.json, by `CAL…` id (or the legacy numeric id, as the docs' own example uses). */
export const getCall: Handler = (ctx, [, id]) => {
  const call = ctx.store.call(id ?? '');
  if (!call || call.account_id !== ctx.account.id) throw new ApiError(404, NOT_FOUND);
  return ok(callView(call, ctx.store, parseFields(ctx.query.get('fields'))));
};

const unprocessable = (message: string): ApiError => new ApiError(422, message);

/** The call a path names, in this account, or 404. */
const callOf = (ctx: RequestContext, id: string | undefined): CallRecord => {
  const call = ctx.store.call(id ?? '');
  if (!call || call.account_id !== ctx.account.id) throw new ApiError(404, NOT_FOUND);
  return call;
};

const LEAD_STATUSES: readonly string[] = ['good_lead', 'not_a_lead'];

/**
 * PUT calls/{id}.json: `tags` (names; replaced, or added with `append_tags`; unknown names become
 * company tags), `note` (`""` clears), `value` (`""` clears), `lead_status`, `customer_name`,
 * `spam: true`. Answers with the updated call (honouring `fields=`) and fires "call modified"
 * with the names of what changed.
 */
export const updateCall: Handler = (ctx, [, id]) => {
  const call = callOf(ctx, id);
  const body = bodyObject(ctx);
  const changes: string[] = [];
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags) || !body.tags.every((t) => typeof t === 'string'))
      throw unprocessable('Tags must be a list of tag names');
    const names = body.tags.map((t: string) => t.trim()).filter((t) => t !== '');
    const tags = names.map(
      (name) => (findTag(ctx, name, call.company_id) ?? addTag(ctx, name, call.company_id)).name,
    );
    const next = isTrue(String(body.append_tags ?? ''))
      ? [...call.tags, ...tags.filter((t) => !call.tags.includes(t))]
      : [...new Set(tags)];
    call.tags = next;
    changes.push('tags');
  }
  if (body.note !== undefined) {
    if (typeof body.note !== 'string') throw unprocessable('Note must be text');
    call.note = body.note;
    changes.push('note');
  }
  if (body.value !== undefined) {
    const value = String(body.value);
    if (value !== '' && !/^\d+(\.\d{1,2})?$/.test(value))
      throw unprocessable('Value is not a number');
    call.value = value === '' ? '' : Number(value).toFixed(2);
    changes.push('value');
  }
  if (body.lead_status !== undefined) {
    if (typeof body.lead_status !== 'string' || !LEAD_STATUSES.includes(body.lead_status))
      throw unprocessable('Lead status is not included in the list');
    call.lead_status = body.lead_status as LeadStatus;
    changes.push('lead_status');
  }
  if (typeof body.customer_name === 'string') {
    call.customer_name = body.customer_name;
    changes.push('customer_name');
  }
  if (body.spam === true || body.spam === 'true') {
    call.spam = true;
    changes.push('spam');
  }
  const event: CallWebhookEvent =
    call.direction === 'outbound' ? 'updated_outbound_call_webhook' : 'updated_call_webhook';
  if (changes.length > 0) ctx.afterResponse(() => ctx.webhooks.callEvent(call, event, changes));
  return ok(callView(call, ctx.store, parseFields(ctx.query.get('fields'))));
};

/**
 * POST calls.json, an outbound call. `caller_id` must be an E.164 phone number string (the
 * docs' example; the app's decision) that is an active tracking number or a verified caller ID
 * of the account: a numeric id gets 422. Numbers must be US or Canadian. Answers 201 with the
 * call as CallRail's docs show it: outbound, not yet answered (`answered`, `duration`,
 * `recording` null).
 */
export const createOutboundCall: Handler = (ctx) => {
  const body = bodyObject(ctx);
  const callerId = body.caller_id;
  if (callerId === undefined || callerId === null || callerId === '')
    throw missingParam('caller_id');
  if (typeof callerId !== 'string' || !/^\+1\d{10}$/.test(callerId)) {
    throw unprocessable('Caller ID must be a phone number in E.164 format, such as +17703334455');
  }
  const numberOf = (name: string): string => {
    const raw = body[name];
    if (typeof raw !== 'string' || raw.trim() === '') throw missingParam(name);
    const number = normalizeUsCaNumber(raw);
    if (!number) throw unprocessable(`${name} must be a US or Canadian phone number`);
    return number;
  };
  const customer = numberOf('customer_phone_number');
  const business = numberOf('business_phone_number');
  const tracker = ctx.store.trackers.find(
    (t) =>
      t.account_id === ctx.account.id &&
      t.status === 'active' &&
      t.tracking_numbers.includes(callerId),
  );
  const verified = ctx.store.callerIds.find(
    (c) => c.account_id === ctx.account.id && c.verified && c.phone_number === callerId,
  );
  const companyId = tracker?.company_id ?? verified?.company_id;
  const company = companyId ? ctx.store.company(companyId) : undefined;
  const trackerId =
    tracker?.id ?? ctx.store.trackersOf(companyId ?? '').find((t) => t.status === 'active')?.id;
  if (!company || company.status !== 'active' || !trackerId) {
    throw unprocessable('Caller ID is not a tracking number or verified caller ID of this account');
  }
  const agent = usersOf(ctx.account, ctx.store.accounts).find((u) => u.id === body.agent_id);
  if (body.agent_id !== undefined && body.agent_id !== null && !agent) {
    throw new ApiError(404, NOT_FOUND);
  }
  const legacyId = ctx.store.nextLegacyCallId(1);
  const start = isoInZone(ctx.now(), company.time_zone);
  const call = ctx.store.addCall({
    id: resourceId('CAL', `outbound:${legacyId}`),
    legacy_id: legacyId,
    account_id: ctx.account.id,
    company_id: company.id,
    tracker_id: trackerId,
    person_id: '',
    direction: 'outbound',
    answered: false,
    voicemail: false,
    duration: 0,
    start_time: start,
    created_at: start,
    customer_name: null,
    customer_phone_number: customer,
    customer_city: null,
    customer_state: null,
    customer_country: customer.startsWith('+1') ? 'US' : '',
    zip_code: null,
    tracking_phone_number: callerId,
    business_phone_number: business,
    recording: null,
    recording_duration: null,
    recording_player: null,
    agent_email: typeof agent?.email === 'string' ? agent.email : null,
    device_type: null,
    first_call: false,
    prior_calls: 0,
    total_calls: 1,
    lead_status: null,
    good_lead_call_id: null,
    good_lead_call_time: null,
    note: '',
    value: '',
    tags: [],
    source: 'Outbound',
    source_name: 'Outbound',
    keywords: null,
    medium: null,
    campaign: null,
    referring_url: null,
    landing_page_url: null,
    last_requested_url: null,
    referrer_domain: null,
    utm_source: null,
    utm_medium: null,
    utm_term: null,
    utm_content: null,
    utm_campaign: null,
    gclid: null,
    fbclid: null,
    msclkid: null,
    session_uuid: null,
    milestones: { first_touch: null, lead_created: null, qualified: null, last_touch: null },
  });
  const view = callView(call, ctx.store, parseFields(ctx.query.get('fields')));
  return ok({ ...view, answered: null, duration: null, recording: null }, 201);
};

/** How long a recording link works, like CallRail's temporary links. */
export const RECORDING_LINK_MS = 3_600_000;

/**
 * GET calls/{id}/recording.json: `{url}`, a fresh temporary link to the audio, served outside
 * the API (no API key needed or wanted, like CallRail's S3 links). 404 without a recording.
 */
export const getRecording: Handler = (ctx, [, id]) => {
  const call = callOf(ctx, id);
  if (!call.recording) throw new ApiError(404, NOT_FOUND);
  const url = new URL(`/recordings/${call.id}.wav`, ctx.url);
  url.searchParams.set('expires', String(ctx.now().getTime() + RECORDING_LINK_MS));
  return ok({ url: url.toString() });
};
