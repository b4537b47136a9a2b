import { defineInputField, type Bundle, type ZObject } from 'zapier-platform-core';

import type { SUMMARY_GROUP_BY } from '../callrailFacts';
import {
  answerStatusField,
  choicesFrom,
  companiesField,
  directionField,
  firstTimeCallersField,
  trackerFilterField,
} from '../fields';
import { companySelectionOf, inputsOf, invalidInput } from '../inputs';
import { PERIOD_CHOICES, PERIOD_LABELS, periodOf } from './period';
import type { ReportQuery } from './requests';

/** The report's rows: a CallRail group (`calls/summary.json`) or an interval (timeseries). */
const ROW_LABELS = {
  source: 'Source',
  campaign: 'Campaign',
  keywords: 'Keyword',
  referrer: 'Referrer',
  landing_page: 'Landing Page',
  company: 'Company',
  day: 'Over Time: Day',
  week: 'Over Time: Week',
  month: 'Over Time: Month',
} as const satisfies Record<(typeof SUMMARY_GROUP_BY)[number] | 'day' | 'week' | 'month', string>;
const ROW_CHOICES = Object.keys(ROW_LABELS) as (keyof typeof ROW_LABELS)[];

export const callReportInputFields = [
  companiesField({
    required: false,
    helpText:
      'One or several companies, or All Companies (also when left empty). Several companies are reported by company.',
  }),
  defineInputField({
    key: 'period',
    label: 'Period',
    required: true,
    default: 'last_7_days',
    choices: choicesFrom(PERIOD_LABELS),
    helpText:
      "Counted in the company's time zone. Last Week (Monday to Sunday) needs one company, for its time zone.",
  }),
  defineInputField({
    key: 'start_date',
    label: 'Start Date',
    type: 'datetime',
    required: false,
    helpText: 'For Custom Dates: the first day counted.',
  }),
  defineInputField({
    key: 'end_date',
    label: 'End Date',
    type: 'datetime',
    required: false,
    helpText: 'For Custom Dates: the last day counted (whole day).',
  }),
  defineInputField({
    key: 'group_by',
    label: 'Group By',
    required: true,
    default: 'source',
    choices: choicesFrom(ROW_LABELS),
    helpText: 'One row per source, campaign, …, or one row per day, week or month (Over Time).',
  }),
  directionField,
  answerStatusField,
  firstTimeCallersField,
  defineInputField({
    key: 'tags',
    label: 'Tags',
    required: false,
    list: true,
    dynamic: 'tag_list.name.name',
    helpText: 'Only calls with any of these tags.',
  }),
  trackerFilterField,
] as const;

/** The report's inputs, checked: bad input is refused before anything is sent. */
export const readCallReportQuery = (z: ZObject, bundle: Bundle): ReportQuery => {
  const input = inputsOf(z, bundle, callReportInputFields);
  const { from, to } = input.dayRange('start_date', 'end_date');
  const period = periodOf(input.choice('period', PERIOD_CHOICES) ?? 'last_7_days', { from, to });
  if ('missing' in period) {
    const label = period.missing === 'from' ? 'Start Date' : 'End Date';
    throw invalidInput(z, `Custom Dates need a ${label}: type or map a date such as 2026-11-20.`);
  }
  const rows = input.choice('group_by', ROW_CHOICES) ?? 'source';
  return {
    companies: companySelectionOf(z, (bundle.inputData as Record<string, unknown>).company_id),
    period,
    view:
      rows === 'day' || rows === 'week' || rows === 'month'
        ? { kind: 'time', interval: rows }
        : { kind: 'group', by: rows },
    filters: {
      direction: input.choice('direction', ['inbound', 'outbound'] as const),
      answer_status: input.choice('answer_status', ['answered', 'missed', 'voicemail'] as const),
      first_time_callers: input.boolean('first_time_callers'),
      tags: input.list('tags'),
      tracker_id: input.id('tracker_id', 'tracker'),
    },
  };
};
