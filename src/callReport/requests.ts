import type { Bundle, ZObject } from 'zapier-platform-core';

import {
  AVERAGE_DURATION_WEIGHT,
  CALL_REPORT_COUNTS,
  CALL_REPORT_PATHS,
  CALLRAIL_ID_PATTERNS,
  FIRST_TIME_CALLERS_PARAM,
  SUMMARY_GROUPS_KEY,
  SUMMARY_TOTALS_KEY,
  TIMESERIES_INTERVAL_PARAMS,
  TIMESERIES_POINTS_KEY,
  type SUMMARY_GROUP_BY,
} from '../callrailFacts';
import { callRail, segment } from '../client';
import { companyResource, type CompanyOutput } from '../company/resource';
import { recordOf, type Raw } from '../fieldTable';
import type { CompanySelection } from '../readers';
import { periodParams, type ReportPeriod } from './period';
import { reportRowResource, type ReportRow } from './resource';

/** What a report asks CallRail for, read and checked by the operation. */
export interface ReportQuery {
  companies: CompanySelection;
  period: ReportPeriod;
  view:
    | { kind: 'group'; by: (typeof SUMMARY_GROUP_BY)[number] }
    | { kind: 'time'; interval: 'day' | 'week' | 'month' };
  filters: {
    direction?: string | undefined;
    answer_status?: string | undefined;
    first_time_callers?: boolean | undefined;
    tags: string[];
    tracker_id?: string | undefined;
  };
}

/** The companies chosen, when there are more than one (all companies is not "several"). */
export const severalCompanies = (companies: CompanySelection): string[] | null =>
  !companies.all && companies.ids.length > 1 ? companies.ids : null;

/** The one company chosen, if just one. */
export const oneCompany = (companies: CompanySelection): string | undefined =>
  !companies.all && companies.ids.length === 1 ? companies.ids[0] : undefined;

/** What CallRail answered, as rows and totals before the report is put together. */
export interface ReportAnswer {
  start_date: unknown;
  end_date: unknown;
  time_zone: unknown;
  rows: ReportRow[];
  totals: ReportRow;
}

const unexpected = (z: ZObject, what: string) =>
  new z.errors.Error(
    `CallRail answered ${what} in a shape this app does not know, so no report was made. Please report it at the project's issue tracker.`,
    'CallRailUnexpectedResponse',
    502,
  );

/** The company (its name and time zone): one read, needed only for Last Week. */
export const readCompany = async (
  z: ZObject,
  bundle: Bundle,
  companyId: string,
): Promise<CompanyOutput> =>
  companyResource.normalize(
    recordOf(
      await callRail<unknown>(z, bundle, {
        path: `companies/${segment(companyId)}.json`,
        context: { action: 'read the company time zone', resource: `company ${companyId}` },
      }),
    ),
  );

/** Totals of several rows: counts add up, the average is weighted by each row's calls. */
export const totalOf = (rows: readonly ReportRow[]): ReportRow => {
  const sum = (key: (typeof CALL_REPORT_COUNTS)[number]) =>
    rows.reduce((total, row) => total + (row[key] ?? 0), 0);
  const weight = sum(AVERAGE_DURATION_WEIGHT);
  const weighted = rows.reduce(
    (total, row) => total + (row.average_duration ?? 0) * (row[AVERAGE_DURATION_WEIGHT] ?? 0),
    0,
  );
  return reportRowResource.normalize({
    key: 'Total',
    total_calls: weight,
    answered_calls: sum('answered_calls'),
    missed_calls: sum('missed_calls'),
    first_time_callers: sum('first_time_callers'),
    average_duration: weight === 0 ? 0 : Math.round(weighted / weight),
    leads: sum('leads'),
  });
};

const paramsOf = (query: ReportQuery, lastWeek?: { from: string; to: string }) => {
  const { companies, view, filters } = query;
  const several = severalCompanies(companies);
  return {
    ...periodParams(query.period, lastWeek),
    company_id: oneCompany(companies),
    ...(view.kind === 'group'
      ? { group_by: several ? 'company' : view.by }
      : Object.fromEntries(TIMESERIES_INTERVAL_PARAMS.map((name) => [name, view.interval]))),
    fields: CALL_REPORT_COUNTS.join(','),
    direction: filters.direction,
    answer_status: filters.answer_status,
    [FIRST_TIME_CALLERS_PARAM]: filters.first_time_callers ? true : undefined,
    tags: filters.tags.length > 0 ? filters.tags.join(',') : undefined,
    tracker_ids: filters.tracker_id,
  };
};

/**
 * By-company rows name their company and carry its id, whichever CallRail keys them by. For
 * several companies only theirs are kept, and a row that names no company of the account fails
 * the report rather than be counted for the wrong one.
 */
const byCompany = (
  z: ZObject,
  rows: readonly ReportRow[],
  companies: readonly CompanyOutput[],
  chosen: readonly string[] | null,
): ReportRow[] => {
  const named = rows.map((row) => {
    const company = companies.find(
      (known) => known.id === row.key || known.name?.toLowerCase() === row.key.toLowerCase(),
    );
    const id = company?.id ?? (CALLRAIL_ID_PATTERNS.company.test(row.key) ? row.key : null);
    return { ...row, key: company?.name ?? row.key, company_id: id };
  });
  if (!chosen) return named;
  if (named.some((row) => row.company_id === null)) {
    throw unexpected(z, 'the by-company summary (a row naming no company of the account)');
  }
  return named.filter((row) => chosen.includes(row.company_id ?? ''));
};

/**
 * One request to `calls/summary.json` or `calls/timeseries.json`, after at most one read of the
 * company (Last Week), so a report costs one or two requests.
 */
export const fetchCallReport = async (
  z: ZObject,
  bundle: Bundle,
  query: ReportQuery,
  lastWeek: { from: string; to: string } | undefined,
  companies: readonly CompanyOutput[] | undefined,
): Promise<ReportAnswer> => {
  const isTimeseries = query.view.kind === 'time';
  const body = recordOf(
    await callRail<unknown>(z, bundle, {
      path: isTimeseries ? CALL_REPORT_PATHS.timeseries : CALL_REPORT_PATHS.summary,
      params: paramsOf(query, lastWeek),
      context: { action: 'read the call report' },
    }),
  );
  const listKey = isTimeseries ? TIMESERIES_POINTS_KEY : SUMMARY_GROUPS_KEY;
  const list = body[listKey];
  if (!Array.isArray(list)) throw unexpected(z, `the call report without "${listKey}"`);
  const all = list.map((item) => reportRowResource.normalize(recordOf(item) as Raw));
  const several = severalCompanies(query.companies);
  const rows = companies ? byCompany(z, all, companies, several) : all;
  const given = body[SUMMARY_TOTALS_KEY];
  const totals =
    !several && typeof given === 'object' && given !== null
      ? reportRowResource.normalize({ ...recordOf(given), key: 'Total' })
      : totalOf(rows);
  return {
    start_date: body.start_date,
    end_date: body.end_date,
    time_zone: body.time_zone,
    rows,
    totals,
  };
};
