import { REPORT_DATE_RANGES } from '../callrailFacts';

/**
 * The period a report covers. CallRail's named ranges need nothing from us; a week has no named
 * range, so its days are worked out in the company's time zone; custom days are sent as given.
 */

export const PERIOD_LABELS = {
  yesterday: 'Yesterday',
  last_7_days: 'Last 7 Days (Including Today)',
  last_week: 'Last Week (Monday to Sunday)',
  this_month: 'This Month',
  last_month: 'Last Month',
  custom: 'Custom Dates',
} as const;
export type PeriodChoice = keyof typeof PERIOD_LABELS;
export const PERIOD_CHOICES = Object.keys(PERIOD_LABELS) as PeriodChoice[];

export type ReportPeriod =
  | { kind: 'named'; dateRange: (typeof REPORT_DATE_RANGES)[keyof typeof REPORT_DATE_RANGES] }
  | { kind: 'last_week' }
  | { kind: 'days'; from: string; to: string };

export const periodOf = (
  choice: PeriodChoice,
  days: { from?: string | undefined; to?: string | undefined },
): ReportPeriod | { missing: 'from' | 'to' } => {
  if (choice === 'last_week') return { kind: 'last_week' };
  if (choice !== 'custom') return { kind: 'named', dateRange: REPORT_DATE_RANGES[choice] };
  if (!days.from) return { missing: 'from' };
  if (!days.to) return { missing: 'to' };
  return { kind: 'days', from: days.from, to: days.to };
};

const dayText = (date: Date) => date.toISOString().slice(0, 10);

/** Today's date where the company is, or null for a zone this runtime does not know. */
export const todayIn = (timeZone: string, now: Date): string | null => {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return null;
  }
};

/** Monday to Sunday of the week before the one `today` (YYYY-MM-DD) falls in. */
export const weekBefore = (today: string): { from: string; to: string } => {
  const date = new Date(`${today}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  const monday = new Date(date.getTime() - (sinceMonday + 7) * 86_400_000);
  return { from: dayText(monday), to: dayText(new Date(monday.getTime() + 6 * 86_400_000)) };
};

/** The query a period adds to a report request. */
export const periodParams = (period: ReportPeriod, lastWeek?: { from: string; to: string }) =>
  period.kind === 'named'
    ? { date_range: period.dateRange }
    : period.kind === 'days'
      ? { start_date: period.from, end_date: period.to }
      : { start_date: lastWeek?.from, end_date: lastWeek?.to };
