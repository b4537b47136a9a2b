import { requestedWindow } from '../dateWindow';
import type { Handler, RequestContext } from '../http';
import { ApiError, ok } from '../http';
import { localParts, shiftDate, zonedToDate } from '../time';
import type { CallRecord } from '../types';
import { filteredCalls } from './calls';

/**
 * `calls/summary.json` and `calls/timeseries.json`, counted from the stored calls with the
 * calls list's filters. The answer's shape follows the one live example (S19): dates as
 * `2026-02-03T00:00:00-0800`, a Rails zone display name, counts named by `fields=` (default
 * `total_calls`). Grouped summaries answer `grouped_results: [{key, …counts}]` beside
 * `total_results`, the reading the app records as an inference.
 */

const COUNTS: Record<string, (calls: CallRecord[]) => number | string> = {
  total_calls: (calls) => calls.length,
  answered_calls: (calls) => calls.filter((call) => call.answered).length,
  missed_calls: (calls) => calls.filter((call) => !call.answered).length,
  first_time_callers: (calls) => calls.filter((call) => call.first_call).length,
  average_duration: (calls) => averageDuration(calls),
  formatted_average_duration: (calls) => {
    const seconds = averageDuration(calls);
    return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  },
  leads: (calls) => calls.filter((call) => call.lead_status === 'good_lead').length,
};

const averageDuration = (calls: CallRecord[]): number =>
  calls.length === 0 ? 0 : Math.round(calls.reduce((sum, c) => sum + c.duration, 0) / calls.length);

const GROUPS: Record<string, (call: CallRecord) => string | null> = {
  source: (call) => call.source,
  keywords: (call) => call.keywords,
  campaign: (call) => call.campaign,
  referrer: (call) => call.referrer_domain,
  landing_page: (call) => call.landing_page_url,
  company: (call) => call.company_id,
};

/** Rails' display names for the zones the seed uses; any other zone is shown by its IANA name. */
const RAILS_ZONE_NAMES: Record<string, string> = {
  'America/New_York': 'Eastern Time (US & Canada)',
  'America/Chicago': 'Central Time (US & Canada)',
  'America/Denver': 'Mountain Time (US & Canada)',
  'America/Phoenix': 'Arizona',
  'America/Los_Angeles': 'Pacific Time (US & Canada)',
};

const INTERVALS = ['day', 'week', 'month'] as const;
const MAX_POINTS = 200;

const countsOf = (calls: CallRecord[], fields: string[]) =>
  Object.fromEntries(fields.map((field) => [field, COUNTS[field]?.(calls) ?? 0]));

/** The zone a report is counted in: the one company asked for, else the account's first. */
function reportZone(ctx: RequestContext): string {
  const companyIds = (ctx.query.get('company_id') ?? '').split(',').filter(Boolean);
  const companies = ctx.store.companies.filter((c) => c.account_id === ctx.account.id);
  const company =
    companyIds.length === 1 ? companies.find((c) => c.id === companyIds[0]) : companies[0];
  return company?.time_zone ?? 'UTC';
}

const pad = (value: number) => String(value).padStart(2, '0');
const dayText = (day: { year: number; month: number; day: number }) =>
  `${day.year}-${pad(day.month)}-${pad(day.day)}`;

/** `2026-02-03T00:00:00-0800`, as the live example writes the period's bounds. */
function boundText(at: number, timeZone: string): string {
  const p = localParts(new Date(at), timeZone);
  const sign = p.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(p.offsetMinutes);
  return `${dayText(p)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`;
}

function reportFrame(ctx: RequestContext) {
  const zone = reportZone(ctx);
  const window = requestedWindow(ctx)(zone);
  const fields = (ctx.query.get('fields') ?? '')
    .split(',')
    .map((field) => field.trim())
    .filter((field) => Object.hasOwn(COUNTS, field));
  return {
    zone,
    window,
    fields: fields.length > 0 ? fields : ['total_calls'],
    head: {
      start_date: Number.isFinite(window.start) ? boundText(window.start, zone) : null,
      end_date: Number.isFinite(window.end) ? boundText(window.end - 1000, zone) : null,
      time_zone: RAILS_ZONE_NAMES[zone] ?? zone,
    },
  };
}

/** GET calls/summary.json, with an optional `group_by`. */
export const callSummary: Handler = (ctx) => {
  const { fields, head } = reportFrame(ctx);
  const calls = filteredCalls(ctx);
  const groupBy = ctx.query.get('group_by');
  const body = { ...head, total_results: countsOf(calls, fields) };
  if (!groupBy) return ok(body);
  const keyOf = Object.hasOwn(GROUPS, groupBy) ? GROUPS[groupBy] : undefined;
  if (!keyOf) throw new ApiError(400, `Invalid group_by: ${groupBy}`);
  const groups = new Map<string, CallRecord[]>();
  for (const call of calls) {
    const key = keyOf(call) ?? '(none)';
    groups.set(key, [...(groups.get(key) ?? []), call]);
  }
  const grouped_results = [...groups.entries()]
    .sort(([a, left], [b, right]) => right.length - left.length || a.localeCompare(b))
    .map(([key, members]) => ({ key, ...countsOf(members, fields) }));
  return ok({ ...body, grouped_results });
};

type Day = { year: number; month: number; day: number };
const BUCKET_START: Record<(typeof INTERVALS)[number], (day: Day) => Day> = {
  day: (day) => day,
  // Weeks start on Monday.
  week: (day) =>
    shiftDate(day, -((new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7)),
  month: (day) => ({ ...day, day: 1 }),
};
const NEXT_BUCKET: Record<(typeof INTERVALS)[number], (day: Day) => Day> = {
  day: (day) => shiftDate(day, 1),
  week: (day) => shiftDate(day, 7),
  month: (day) => shiftDate(day, 0, 1),
};

/** GET calls/timeseries.json: one point per day, week or month (`interval` or `time_range`). */
export const callTimeseries: Handler = (ctx) => {
  const { zone, window, fields, head } = reportFrame(ctx);
  const interval = ctx.query.get('interval') ?? ctx.query.get('time_range') ?? 'day';
  if (!(INTERVALS as readonly string[]).includes(interval)) {
    throw new ApiError(400, `Invalid interval: ${interval}`);
  }
  const unit = interval as (typeof INTERVALS)[number];
  const bucketOf = (at: number) => dayText(BUCKET_START[unit](localParts(new Date(at), zone)));
  const buckets = new Map<string, CallRecord[]>();
  if (Number.isFinite(window.start) && Number.isFinite(window.end)) {
    let day = BUCKET_START[unit](localParts(new Date(window.start), zone));
    while (zonedToDate(day, zone).getTime() < window.end) {
      buckets.set(dayText(day), []);
      if (buckets.size > MAX_POINTS) {
        throw new ApiError(400, `Too many data points: at most ${MAX_POINTS} per request`);
      }
      day = NEXT_BUCKET[unit](day);
    }
  }
  for (const call of filteredCalls(ctx)) {
    const key = bucketOf(Date.parse(call.start_time));
    buckets.set(key, [...(buckets.get(key) ?? []), call]);
  }
  const data = [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members]) => ({ key, date: key, ...countsOf(members, fields) }));
  return ok({ ...head, data });
};
