import type { CALL_REPORT_COUNTS } from '../callrailFacts';
import { defineResource, outputFieldsOf, type FieldSpec, type Output } from '../fieldTable';

/**
 * A call report: one item with the period, the totals, one row per group or period and a
 * ready-to-post text. The counts are written once and serve both the totals and the rows.
 */

const countFields = {
  total_calls: { label: 'Total Calls', type: 'integer' },
  answered_calls: { label: 'Answered Calls', type: 'integer' },
  missed_calls: { label: 'Missed Calls', type: 'integer' },
  first_time_callers: { label: 'First-Time Callers', type: 'integer' },
  average_duration: { label: 'Average Duration (Seconds)', type: 'number' },
  leads: { label: 'Leads', type: 'integer' },
} as const satisfies Record<(typeof CALL_REPORT_COUNTS)[number], FieldSpec>;

export const reportRowResource = defineResource({
  noun: 'Report Row',
  rawSample: {
    key: 'Google Ads',
    total_calls: 12,
    answered_calls: 10,
    missed_calls: 2,
    first_time_callers: 7,
    average_duration: 143,
    leads: 4,
  },
  fields: {
    key: { label: 'Group or Period', primary: true },
    /** By-company rows only: the company's id (the key is its name). */
    company_id: { label: 'Company ID' },
    ...countFields,
  },
});
export type ReportRow = Output<typeof reportRowResource.fields>;

/** CallRail writes the period's bounds as `2026-02-03T00:00:00-0800`; Zapier wants `-08:00`. */
const isoOffset = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : null;

export const callReportResource = defineResource({
  noun: 'Call Report',
  rawSample: {
    id: 'call_report:2026-11-30:2026-12-06:source',
    start_date: '2026-11-30T00:00:00-0800',
    end_date: '2026-12-06T23:59:59-0800',
    time_zone: 'Pacific Time (US & Canada)',
    rows_are: 'source',
    total_calls: 20,
    answered_calls: 16,
    missed_calls: 4,
    first_time_callers: 11,
    average_duration: 128,
    leads: 6,
    rows: [
      reportRowResource.sample,
      {
        key: 'Google Organic',
        total_calls: 8,
        answered_calls: 6,
        missed_calls: 2,
        first_time_callers: 4,
        average_duration: 105,
        leads: 2,
      },
    ],
    summary_text: [
      'Calls by source, 2026-11-30 to 2026-12-06 (Pacific Time (US & Canada))',
      'Source          Calls  Answered  Missed  First-Time  Avg Sec  Leads',
      'Google Ads         12        10       2           7      143      4',
      'Google Organic      8         6       2           4      105      2',
      'Total              20        16       4          11      128      6',
    ].join('\n'),
  },
  fields: {
    id: { label: 'Report ID', primary: true },
    start_date: {
      label: 'Period Start',
      type: 'datetime',
      read: (raw) => isoOffset(raw.start_date),
    },
    end_date: { label: 'Period End', type: 'datetime', read: (raw) => isoOffset(raw.end_date) },
    time_zone: { label: 'Time Zone' },
    rows_are: { label: 'Rows Are' },
    ...countFields,
    rows: { label: 'Rows', nested: 'objects' },
    summary_text: { label: 'Summary Text' },
  },
});
export type CallReport = Output<typeof callReportResource.fields>;

/** The report's output fields, with each row's fields as Zapier line items (`rows[]…`). */
export const callReportOutputFields = [
  ...callReportResource.outputFields,
  ...outputFieldsOf(reportRowResource.fields).map(({ primary: _primary, ...field }) => ({
    ...field,
    key: `rows[]${field.key}`,
    label: `Row ${field.label}`,
  })),
];
