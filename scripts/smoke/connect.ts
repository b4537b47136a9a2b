import authentication from '../../src/authentication';
import { INVALID_ACCOUNT_ID_MESSAGE, normalizeAccountId } from '../../src/accountId';
import { resolveApiBase } from '../../src/apiBase';
import { ACCOUNT_ID_PATTERN, NUMERIC_ACCOUNT_ID_PATTERN } from '../../src/callrailFacts';
import { checkApiKey } from '../../src/client';
import type { Raw } from '../../src/fieldTable';
import { failureOf, type Probe } from './probe';
import { differs, holds, notChecked, verdict, type Finding } from './report';

/** A reason the smoke cannot start: printed as one line, exit 2. */
export class StartError extends Error {}

export interface Connection {
  apiKey: string;
  accountId: string;
  base: string;
}

export type SmokeEnv = Record<string, string | undefined>;

/** The connection from `CALLRAIL_*` (or the `authData_*` names `.env` uses for `invoke`). */
export const connectionOf = (env: SmokeEnv): Connection => {
  const rawKey = env.CALLRAIL_API_KEY ?? env.authData_api_key;
  const key = checkApiKey(rawKey);
  if (!key.ok) {
    throw new StartError(
      key.code === 'MissingApiKey'
        ? 'No API key: set CALLRAIL_API_KEY (in the environment or .env) to a CallRail API v3 key.'
        : 'CALLRAIL_API_KEY contains a line break, tab or other character an API key never has.',
    );
  }
  const rawAccount = env.CALLRAIL_ACCOUNT_ID ?? env.authData_account_id;
  if (!rawAccount?.trim()) {
    throw new StartError(
      'No account: set CALLRAIL_ACCOUNT_ID (in the environment or .env) to ACC… or the 9-digit account number.',
    );
  }
  const accountId = normalizeAccountId(rawAccount);
  if (!accountId)
    throw new StartError(
      `CALLRAIL_ACCOUNT_ID: ${INVALID_ACCOUNT_ID_MESSAGE.replace(/ Reconnect.*$/, '')}`,
    );
  try {
    return { apiKey: key.apiKey, accountId, base: resolveApiBase(env.CALLRAIL_API_BASE) };
  } catch (error) {
    throw new StartError((error as Error).message);
  }
};

interface Account {
  id: string;
  name: string;
  numeric_id: number | null;
}

/** The connection test as Zapier runs it; every way it fails is a one-line reason to stop. */
const testConnection = async (probe: Probe, base: string): Promise<Account> => {
  try {
    return await probe.run<Account>(authentication.test);
  } catch (error) {
    const failure = failureOf(error);
    if (failure.name === 'ExpiredAuthError') {
      throw new StartError(
        `CallRail at ${base} refused the API key (HTTP 401): check CALLRAIL_API_KEY, or create a new API v3 key.`,
      );
    }
    if (failure.code === 'AccountNotReachable') {
      throw new StartError(
        failure.message.replace(
          /Reconnect with one of those account IDs, or with/,
          'Set CALLRAIL_ACCOUNT_ID to one of them, or use',
        ),
      );
    }
    if (failure.code === 'CallRailUnreachable') {
      const reason = /\(([^)]*)\)/.exec(failure.message)?.[1] ?? failure.message;
      throw new StartError(`Could not reach CallRail at ${base} (${reason}).`);
    }
    throw new StartError(
      `CallRail at ${base} could not list the key's accounts (GET /a.json): ${failure.message}`,
    );
  }
};

/** The first active company, read through one form of the account id. */
const firstCompany = async (probe: Probe, accountId: string): Promise<Raw | undefined> => {
  const body = await probe.get('companies.json', { status: 'active', per_page: 1 }, accountId);
  const [company] = await probe.itemsIn(body, 'companies', 'companies.json');
  return company;
};

/**
 * Proves the key and the account: both the `ACC…` id and the 9-digit number reach the same
 * account. Returns the first active company, which the company-scoped checks use.
 */
export const connect = async (probe: Probe, connection: Connection) => {
  const account = await testConnection(probe, connection.base);
  const findings: Finding[] = [
    holds('authorizationHeader', 'GET /a.json with Token token="…"'),
    typeof account.numeric_id === 'number'
      ? holds('account_list', `GET /a.json?fields=numeric_id lists ${account.id}`)
      : differs('account_list', 'GET /a.json?fields=numeric_id', `no numeric_id for ${account.id}`),
  ];
  const company = await firstCompany(probe, account.id);
  findings.push(
    verdict(
      'ACCOUNT_ID_PATTERN',
      `GET /a/${account.id}/companies.json`,
      ACCOUNT_ID_PATTERN.test(account.id) ? [] : [`the id is ${account.id}`],
    ),
  );
  const numeric = account.numeric_id === null ? '' : String(account.numeric_id);
  if (!NUMERIC_ACCOUNT_ID_PATTERN.test(numeric)) {
    findings.push(
      notChecked(
        'NUMERIC_ACCOUNT_ID_PATTERN',
        'GET /a/{number}/companies.json',
        `CallRail gave no 9-digit number (${numeric || 'none'})`,
      ),
    );
  } else {
    const checked = `GET /a/${numeric}/companies.json`;
    try {
      const same = await firstCompany(probe, numeric);
      findings.push(
        verdict(
          'NUMERIC_ACCOUNT_ID_PATTERN',
          checked,
          same?.id === company?.id ? [] : [`another first company: ${String(same?.id)}`],
        ),
      );
    } catch (error) {
      findings.push(differs('NUMERIC_ACCOUNT_ID_PATTERN', checked, failureOf(error).message));
    }
  }
  return { account, findings, companyId: company ? String(company.id) : undefined };
};
