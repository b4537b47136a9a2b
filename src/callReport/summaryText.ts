import type { ReportRow } from './resource';

/**
 * The report as a plain-text table, one line per row under a heading line and above a total,
 * padded for a monospaced font (Slack code blocks, email, a Sheets cell).
 */

const COLUMNS = [
  ['total_calls', 'Calls'],
  ['answered_calls', 'Answered'],
  ['missed_calls', 'Missed'],
  ['first_time_callers', 'First-Time'],
  ['average_duration', 'Avg Sec'],
  ['leads', 'Leads'],
] as const;

const MAX_NAME = 40;

const cell = (value: number | null) => (value === null ? '-' : String(Math.round(value)));

export const summaryTextOf = (
  title: string,
  rowsAre: string,
  rows: readonly ReportRow[],
  totals: ReportRow,
): string => {
  const names = [...rows.map((row) => row.key), 'Total'].map((name) =>
    name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name,
  );
  const heading = rowsAre.charAt(0).toUpperCase() + rowsAre.slice(1);
  const nameWidth = Math.max(heading.length, ...names.map((name) => name.length)) + 2;
  const line = (name: string, cells: readonly string[]) =>
    name.padEnd(nameWidth) +
    COLUMNS.map(([, label], index) => (cells[index] ?? '').padStart(label.length)).join('  ');
  return [
    title,
    line(
      heading,
      COLUMNS.map(([, label]) => label),
    ),
    ...[...rows, totals].map((row, index) =>
      line(
        names[index] ?? '',
        COLUMNS.map(([key]) => cell(row[key])),
      ),
    ),
  ]
    .map((text) => text.trimEnd())
    .join('\n');
};
