import { defineInputField, type ZObject } from 'zapier-platform-core';

import type { SUMMARY_GROUP_BY } from '../callrailFacts';
import {
  answerStatusField,
  choicesFrom,
  companiesField,
  dependsOnCompany,
  directionField,
  firstTimeCallersField,
  trackerFilterField,
} from '../fields';
import { invalidInput, type InputValues } from '../inputs';
import * as read from '../readers';
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
    ...dependsOnCompany,
    helpText: 'Only calls with any of these tags.',
  }),
  trackerFilterField,
] as const;

/** How each input is read: bad input is refused before anything is sent. */
export const callReportInputs = {
  company_id: read.companies(),
  period: read.choice(PERIOD_CHOICES),
  dates: read.dayRange('start_date', 'end_date'),
  group_by: read.choice(ROW_CHOICES),
  direction: read.choice(['inbound', 'outbound'] as const),
  answer_status: read.choice(['answered', 'missed', 'voicemail'] as const),
  first_time_callers: read.boolean,
  tags: read.list,
  tracker_id: read.id('tracker'),
};

/** The report's query from its inputs; Custom Dates need both days. */
export const reportQueryOf = (
  z: ZObject,
  input: InputValues<typeof callReportInputs>,
): ReportQuery => {
  const period = periodOf(input.period ?? 'last_7_days', input.dates);
  if ('missing' in period) {
    const label = period.missing === 'from' ? 'Start Date' : 'End Date';
    throw invalidInput(z, `Custom Dates need a ${label}: type or map a date such as 2026-11-20.`);
  }
  const rows = input.group_by ?? 'source';
  return {
    companies: input.company_id,
    period,
    view:
      rows === 'day' || rows === 'week' || rows === 'month'
        ? { kind: 'time', interval: rows }
        : { kind: 'group', by: rows },
    filters: {
      direction: input.direction,
      answer_status: input.answer_status,
      first_time_callers: input.first_time_callers,
      tags: input.tags,
      tracker_id: input.tracker_id,
    },
  };
};
