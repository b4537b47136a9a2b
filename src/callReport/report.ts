import type { Bundle, ZObject } from 'zapier-platform-core';

import { invalidInput } from '../inputs';
import { todayIn, weekBefore } from './period';
import { listCompanies } from '../company/requests';
import type { CompanyOutput } from '../company/resource';
import {
  fetchCallReport,
  oneCompany,
  readCompany,
  severalCompanies,
  type ReportQuery,
} from './requests';
import { callReportResource, type CallReport } from './resource';
import { summaryTextOf } from './summaryText';

/** What the rows are, in words, per CallRail group or interval. */
const ROWS_ARE: Record<string, string> = {
  source: 'source',
  campaign: 'campaign',
  keywords: 'keyword',
  referrer: 'referrer',
  landing_page: 'landing page',
  company: 'company',
  day: 'day',
  week: 'week',
  month: 'month',
};

/** Combinations CallRail cannot answer in one request, refused before anything is sent. */
const checkQuery = (z: ZObject, query: ReportQuery) => {
  const { companies, view, period } = query;
  const several = severalCompanies(companies) !== null;
  if (several && (view.kind === 'time' || view.by !== 'company')) {
    throw invalidInput(
      z,
      'A report on several companies is grouped by company (CallRail counts one company, or all of them, in any other view). Set Group By to Company, or choose one company or All Companies.',
    );
  }
  if (period.kind === 'last_week' && (companies.all || several)) {
    throw invalidInput(
      z,
      "Last Week is counted in a company's time zone, and several companies may not share one. Choose one company, or use Last 7 Days or Custom Dates.",
    );
  }
};

/** Last Week's days where the one chosen company is: one read of the company. */
const lastWeekOf = async (z: ZObject, bundle: Bundle, query: ReportQuery) => {
  const companyId = oneCompany(query.companies);
  if (query.period.kind !== 'last_week' || companyId === undefined) return undefined;
  const company = await readCompany(z, bundle, companyId);
  const timeZone = company.time_zone;
  const today = timeZone === null ? null : todayIn(timeZone, new Date(Date.now()));
  if (timeZone === null || today === null) {
    throw invalidInput(
      z,
      `CallRail gave company ${companyId} no time zone this app knows (${timeZone ?? 'none'}), so Last Week has no start. Set the company's time zone in CallRail, or use Custom Dates.`,
    );
  }
  return { ...weekBefore(today), timeZone, company };
};

/** The companies by-company rows are named after: the one read for Last Week, else one list. */
const companiesFor = async (
  z: ZObject,
  bundle: Bundle,
  query: ReportQuery,
  lastWeek: { company: CompanyOutput } | undefined,
): Promise<CompanyOutput[] | undefined> => {
  if (query.view.kind !== 'group' || query.view.by !== 'company') return undefined;
  return lastWeek ? [lastWeek.company] : listCompanies(z, bundle);
};

/** A call report: one or two requests (a company read, or the company list), one output item. */
export const callReport = async (
  z: ZObject,
  bundle: Bundle,
  query: ReportQuery,
): Promise<CallReport> => {
  checkQuery(z, query);
  const lastWeek = await lastWeekOf(z, bundle, query);
  const companies = await companiesFor(z, bundle, query, lastWeek);
  const answer = await fetchCallReport(z, bundle, query, lastWeek, companies);
  const sent = query.period.kind === 'days' ? query.period : (lastWeek ?? { from: null, to: null });
  const rowsAre =
    ROWS_ARE[query.view.kind === 'group' ? query.view.by : query.view.interval] ?? 'group';
  const report = callReportResource.normalize({
    start_date: answer.start_date ?? sent.from,
    end_date: answer.end_date ?? sent.to,
    time_zone: answer.time_zone ?? lastWeek?.timeZone,
    rows_are: rowsAre,
    ...answer.totals,
    rows: answer.rows,
  });
  const from = report.start_date?.slice(0, 10) ?? 'the start';
  const to = report.end_date?.slice(0, 10) ?? 'today';
  const zone = report.time_zone ? ` (${report.time_zone})` : '';
  return {
    ...report,
    id: `call_report:${from}:${to}:${rowsAre}`,
    summary_text: summaryTextOf(
      `Calls by ${rowsAre}, ${from} to ${to}${zone}`,
      rowsAre,
      answer.rows,
      answer.totals,
    ),
  };
};
