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
import { verdict, type Finding } from './report';

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

/** What Call Report reads: a grouped summary and a daily timeseries of the last 7 days. */
export const checkCallReport = async (context: SmokeContext): Promise<Finding[]> => [
  ...(await attempt('SUMMARY_GROUPS_KEY', `GET ${CALL_REPORT_PATHS.summary}`, () =>
    readSummary(context),
  )),
  ...(await attempt('TIMESERIES_POINTS_KEY', `GET ${CALL_REPORT_PATHS.timeseries}`, () =>
    readTimeseries(context),
  )),
];
