/**
 * Time zone arithmetic with nothing but Intl: CallRail writes timestamps in the company's own
 * zone ("2026-11-20T14:03:11.482-05:00") and reads naive dates in it, so the sandbox has to as well.
 */

export type LocalParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** minutes east of UTC */
  offsetMinutes: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "GMT-05:00" → -300; plain "GMT" is UTC itself. */
function parseGmtOffset(name: string): number {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

export function localParts(date: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: date.getUTCMilliseconds(),
    offsetMinutes: parseGmtOffset(parts.timeZoneName ?? 'GMT'),
  };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatOffset(offsetMinutes: number, separator: string): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** `2026-11-20T14:03:11.482-05:00`: CallRail's usual timestamp. */
export function isoInZone(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return (
    `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `.${pad(p.millisecond, 3)}${formatOffset(p.offsetMinutes, ':')}`
  );
}

/** `2018-02-19 18:41:00`: the naive UTC `datetime` of legacy webhook fields. */
export function legacyUtc(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `2026-02-10 03:43:50 -0500`: how the accounts endpoint writes `created_at`. */
export function railsLocal(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return (
    `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ` +
    formatOffset(p.offsetMinutes, '')
  );
}

export type LocalDateTime = {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
};

/**
 * The instant at which a wall-clock time occurs in a zone. Guess with the offset at the naive
 * instant, then correct once with the offset at the guess, which settles DST edges.
 */
export function zonedToDate(local: LocalDateTime, timeZone: string): Date {
  const naive = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour ?? 0,
    local.minute ?? 0,
    local.second ?? 0,
    local.millisecond ?? 0,
  );
  const firstOffset = localParts(new Date(naive), timeZone).offsetMinutes;
  const guess = naive - firstOffset * 60_000;
  const secondOffset = localParts(new Date(guess), timeZone).offsetMinutes;
  return new Date(naive - secondOffset * 60_000);
}

/** Calendar arithmetic on a date, with month/year roll-over handled by Date.UTC. */
export function shiftDate(
  local: { year: number; month: number; day: number },
  days: number,
  months = 0,
): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(local.year, local.month - 1 + months, local.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
