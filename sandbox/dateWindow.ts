import type { RequestContext } from './http';
import { ApiError } from './http';
import { DAY_MS, localParts, shiftDate, zonedToDate } from './time';

/**
 * Which calls a request's dates select. CallRail reads naive dates ("2026-11-20",
 * "2026-11-20T10:00") in the company's own time zone, so the window is computed per zone.
 */

/** [start, end) in epoch milliseconds; either side may be open. */
export type Window = { start: number; end: number };
export type WindowFor = (timeZone: string) => Window;

/** `recent`, and no dates at all, mean this many days. Sources disagree (7 or 30); 7 is the strict reading. */
export const RECENT_DAYS = 7;
/** Records older than this are deleted; asking for them is an error. */
export const RETENTION_MONTHS = 25;
export const RETENTION_ERROR = `Date range exceeds the ${RETENTION_MONTHS}-month limit: calls older than ${RETENTION_MONTHS} months are not available`;

type Day = { year: number; month: number; day: number };
const midnight = (day: Day, timeZone: string): number => zonedToDate(day, timeZone).getTime();

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const NAIVE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * One `start_date`/`end_date` value as a per-zone instant. A bare date covers that whole day, so
 * as an end it means the following midnight (exclusive).
 */
function parseBound(name: string, raw: string, isEnd: boolean): (timeZone: string) => number {
  const value = raw.trim();
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const day = { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]) };
    return (tz) => midnight(isEnd ? shiftDate(day, 1) : day, tz);
  }
  const naive = NAIVE_DATE_TIME.exec(value);
  if (naive) {
    const [, y, mo, d, h, mi, s, ms] = naive;
    const local = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s ?? 0),
      millisecond: Number((ms ?? '0').padEnd(3, '0')),
    };
    return (tz) => zonedToDate(local, tz).getTime() + (isEnd ? 1 : 0);
  }
  const absolute = WITH_OFFSET.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(absolute)) throw new ApiError(400, `Invalid ${name}: ${raw}`);
  return () => absolute + (isEnd ? 1 : 0);
}

function namedRange(name: string, now: Date): WindowFor {
  const range =
    (from: (today: Day) => Day, to: (today: Day) => Day): WindowFor =>
    (tz) => {
      const { year, month, day } = localParts(now, tz);
      const today = { year, month, day };
      return { start: midnight(from(today), tz), end: midnight(to(today), tz) };
    };
  const tomorrow = (t: Day): Day => shiftDate(t, 1);
  const firstOfMonth = (t: Day): Day => ({ year: t.year, month: t.month, day: 1 });
  const firstOfYear = (t: Day): Day => ({ year: t.year, month: 1, day: 1 });
  switch (name) {
    case 'today':
      return range((t) => t, tomorrow);
    case 'yesterday':
      return range(
        (t) => shiftDate(t, -1),
        (t) => t,
      );
    case 'recent':
      return range((t) => shiftDate(t, -(RECENT_DAYS - 1)), tomorrow);
    case 'last_7_days':
      return range((t) => shiftDate(t, -6), tomorrow);
    case 'last_30_days':
      return range((t) => shiftDate(t, -29), tomorrow);
    case 'this_month':
      return range(firstOfMonth, tomorrow);
    case 'last_month':
      return range((t) => shiftDate(firstOfMonth(t), 0, -1), firstOfMonth);
    case 'this_year':
      return range(firstOfYear, tomorrow);
    case 'last_year':
      return range((t) => ({ year: t.year - 1, month: 1, day: 1 }), firstOfYear);
    case 'all_time':
      throw new ApiError(400, RETENTION_ERROR);
    default:
      throw new ApiError(400, `Invalid date_range: ${name}`);
  }
}

/** The window a calls request asks for: explicit dates win over `date_range`; neither means `recent`. */
export function requestedWindow(ctx: RequestContext): WindowFor {
  const startRaw = ctx.query.get('start_date');
  const endRaw = ctx.query.get('end_date');
  const now = ctx.now();
  let windowFor: WindowFor;
  if (startRaw || endRaw) {
    const start = startRaw ? parseBound('start_date', startRaw, false) : () => -Infinity;
    const end = endRaw ? parseBound('end_date', endRaw, true) : () => Infinity;
    windowFor = (tz) => ({ start: start(tz), end: end(tz) });
  } else {
    windowFor = namedRange(ctx.query.get('date_range') ?? 'recent', now);
  }
  const oldest = now.getTime() - (RETENTION_MONTHS * 365.25 * DAY_MS) / 12;
  if (startRaw && windowFor('UTC').start < oldest) throw new ApiError(400, RETENTION_ERROR);
  const cache = new Map<string, Window>();
  return (tz) => {
    let window = cache.get(tz);
    if (!window) {
      window = windowFor(tz);
      cache.set(tz, window);
    }
    return window;
  };
}
