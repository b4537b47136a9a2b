import { requestedWindow } from '../dateWindow';
import type { Handler, RequestContext } from '../http';
import { ApiError, isTrue, NOT_FOUND, ok } from '../http';
import { compareText, offsetPage, perPage, sortOrder } from '../pagination';
import { digitsOf } from '../phone';
import { callView, parseFields } from '../serializers';
import type { CallRecord } from '../types';

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

function selectCalls(ctx: RequestContext): CallRecord[] {
  const windowFor = requestedWindow(ctx);
  const companyIds = listParam(ctx, 'company_id');
  const trackerIds = listParam(ctx, 'tracker_id');
  const tags = listParam(ctx, 'tags');
  const direction = ctx.query.get('direction');
  const answerStatus = ctx.query.get('answer_status');
  const leadStatus = ctx.query.get('lead_status');
  const search = ctx.query.get('search')?.trim();
  const byAnswer = answerStatus ? (own(ANSWER_STATUS, answerStatus) ?? (() => false)) : undefined;

  const calls = ctx.store.calls.filter((call) => {
    if (call.account_id !== ctx.account.id) return false;
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
    return !search || matchesSearch(call, search);
  });

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
