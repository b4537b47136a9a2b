import {
  CALL_REPORT_COUNTS,
  CALL_REPORT_PATHS,
  SUMMARY_GROUPS_KEY,
  SUMMARY_TOTALS_KEY,
  TIMESERIES_INTERVAL_PARAMS,
  TIMESERIES_POINTS_KEY,
} from '../../src/callrailFacts';
import type { Raw } from '../../src/fieldTable';
import { attempt, type SmokeContext } from './context';
import { queryOf } from './probe';
import { notChecked, verdict, type Finding } from './report';

const fields = CALL_REPORT_COUNTS.join(',');

/** Problems of a list of `{key, …counts}` rows, as Call Report reads them. */
export const rowProblems = (name: string, rows: unknown): string[] => {
  if (!Array.isArray(rows)) return [`${name} is ${JSON.stringify(rows) ?? 'missing'}`];
  const bad = rows.find(
    (row: unknown) =>
      typeof row !== 'object' ||
      row === null ||
      typeof (row as Raw).key !== 'string' ||
      typeof (row as Raw).total_calls !== 'number',
  );
  return bad === undefined ? [] : [`${name} has ${JSON.stringify(bad)}, not {key, total_calls, …}`];
};

const readSummary = async ({ probe }: SmokeContext): Promise<Finding[]> => {
  const params = { date_range: 'last_7_days', group_by: 'source', fields };
  const checked = `GET ${CALL_REPORT_PATHS.summary}${queryOf(params)}`;
  const body = await probe.get(CALL_REPORT_PATHS.summary, params);
  const totals = body[SUMMARY_TOTALS_KEY];
  return [
    verdict(
      'SUMMARY_TOTALS_KEY',
      checked,
      typeof totals === 'object' && totals !== null ? [] : [`${SUMMARY_TOTALS_KEY} is missing`],
    ),
    verdict(
      'SUMMARY_GROUPS_KEY',
      checked,
      rowProblems(SUMMARY_GROUPS_KEY, body[SUMMARY_GROUPS_KEY]),
    ),
  ];
};

const readTimeseries = async ({ probe }: SmokeContext): Promise<Finding> => {
  const params = {
    date_range: 'last_7_days',
    ...Object.fromEntries(TIMESERIES_INTERVAL_PARAMS.map((name) => [name, 'day'])),
    fields,
  };
  const checked = `GET ${CALL_REPORT_PATHS.timeseries}${queryOf(params)}`;
  const body = await probe.get(CALL_REPORT_PATHS.timeseries, params);
  return verdict(
    'TIMESERIES_POINTS_KEY',
    checked,
    rowProblems(TIMESERIES_POINTS_KEY, body[TIMESERIES_POINTS_KEY]),
  );
};

/**
 * A by-company summary keys each row by a company's id or its name (Call Report reads both):
 * every row must name a company of the account.
 */
const readByCompany = async ({ probe }: SmokeContext): Promise<Finding> => {
  const params = { date_range: 'last_7_days', group_by: 'company', fields };
  const checked = `GET ${CALL_REPORT_PATHS.summary}${queryOf(params)} and companies.json`;
  const rows = (await probe.get(CALL_REPORT_PATHS.summary, params))[SUMMARY_GROUPS_KEY];
  if (!Array.isArray(rows) || rows.length === 0) {
    return notChecked('SUMMARY_COMPANY_ID_TAKES_LIST', checked, 'no company had calls in 7 days');
  }
  const companies = await probe.itemsIn(
    await probe.get('companies.json', { per_page: 250 }),
    'companies',
    'companies.json',
  );
  const known = new Set(
    companies.flatMap((company) => [String(company.id), String(company.name).toLowerCase()]),
  );
  const strangers = rows
    .map((row: unknown) => String((row as Raw).key))
    .filter((key) => !known.has(key) && !known.has(key.toLowerCase()));
  return verdict(
    'SUMMARY_COMPANY_ID_TAKES_LIST',
    checked,
    strangers.length === 0 ? [] : [`rows keyed ${JSON.stringify(strangers.slice(0, 3))}`],
  );
};

/** What Call Report reads: grouped summaries and a daily timeseries of the last 7 days. */
export const checkCallReport = async (context: SmokeContext): Promise<Finding[]> => [
  ...(await attempt('SUMMARY_GROUPS_KEY', `GET ${CALL_REPORT_PATHS.summary}`, () =>
    readSummary(context),
  )),
  ...(await attempt('TIMESERIES_POINTS_KEY', `GET ${CALL_REPORT_PATHS.timeseries}`, () =>
    readTimeseries(context),
  )),
  ...(await attempt('SUMMARY_COMPANY_ID_TAKES_LIST', `GET ${CALL_REPORT_PATHS.summary}`, () =>
    readByCompany(context),
  )),
];
