import { API_BASE_ENV } from '../../src/apiBase';
import type { FactName } from '../../src/callrailFactRegistry';
import { checkCalls } from './calls';
import { checkCallReport } from './callReport';
import { connect, connectionOf, StartError, type SmokeEnv } from './connect';
import type { SmokeContext } from './context';
import { checkListContents, checkOffsetLists } from './lists';
import { failureOf, withProbe } from './probe';
import { jsonReport, lineOf, scrub, summaryLine, summaryOf, type Finding } from './report';
import { checkSearches } from './searches';
import { checkWebhooks } from './webhooks';
import { checkWrites, type WriteOptions } from './writes';

export interface SmokeOptions {
  /** `CALLRAIL_API_KEY`, `CALLRAIL_ACCOUNT_ID`, `CALLRAIL_API_BASE` (or the `authData_*` names). */
  env: SmokeEnv;
  /** Opt-in writes; without them only GET requests are sent. */
  write?: WriteOptions;
  /** Where each line goes, as soon as it is known. */
  print: (line: string) => void;
}

export interface SmokeResult {
  /** 0: nothing differs; 1: a fact differs; 2: could not check (connection, key, account). */
  exitCode: 0 | 1 | 2;
  findings: Finding[];
  /** What `--json` writes, already scrubbed of the key. */
  json: string;
}

/** Runs `API_BASE_ENV` set to `base` for the app's client, and puts it back after. */
const withApiBase = async <T>(base: string, work: () => Promise<T>): Promise<T> => {
  const previous = process.env[API_BASE_ENV];
  process.env[API_BASE_ENV] = base;
  try {
    return await work();
  } finally {
    if (previous === undefined) Reflect.deleteProperty(process.env, API_BASE_ENV);
    else process.env[API_BASE_ENV] = previous;
  }
};

type Stage = (context: SmokeContext) => Promise<Finding[]> | Finding[];
const READ_ONLY_STAGES: Stage[] = [
  checkOffsetLists,
  checkCalls,
  checkCallReport,
  checkListContents,
  checkSearches,
  checkWebhooks,
];

/**
 * Checks, fact by fact, that the CallRail API under test answers as `src/callrailFacts.ts` says,
 * through the app's own client, field tables and normalisers.
 */
export const runSmoke = async (options: SmokeOptions): Promise<SmokeResult> => {
  const apiKey = options.env.CALLRAIL_API_KEY ?? options.env.authData_api_key;
  const say = (line: string) => options.print(scrub(line, apiKey));
  const findings: Finding[] = [];
  const named = new Set<FactName>();
  const report = (found: Finding[]) => {
    for (const finding of found) {
      findings.push(finding);
      say(lineOf(finding, !named.has(finding.fact)));
      named.add(finding.fact);
    }
  };
  let base = '';
  try {
    const connection = connectionOf(options.env);
    base = connection.base;
    await withApiBase(base, () =>
      withProbe(connection, async (probe) => {
        const { account, findings: found, companyId } = await connect(probe, connection);
        const mode = options.write
          ? `with writes to company ${options.write.companyId}`
          : 'read-only (GET requests only)';
        say(`Checking ${account.name} (${account.id}) at ${base}, ${mode}.`);
        report(found);
        const context: SmokeContext = {
          probe,
          base,
          companyId: options.write?.companyId ?? companyId,
          listed: new Map(),
        };
        for (const stage of READ_ONLY_STAGES) report(await stage(context));
        if (options.write) report(await checkWrites(context, options.write, say));
      }),
    );
  } catch (error) {
    const reason =
      error instanceof StartError ? error.message : `stopped: ${failureOf(error).message}`;
    say(`smoke: ${reason}`);
    return {
      exitCode: 2,
      findings,
      json: scrub(JSON.stringify({ base, error: reason }, null, 2), apiKey),
    };
  }
  const summary = summaryOf(findings);
  say(summaryLine(summary, base));
  return {
    exitCode: summary.differs > 0 ? 1 : 0,
    findings,
    json: scrub(JSON.stringify(jsonReport(findings, base), null, 2), apiKey),
  };
};
