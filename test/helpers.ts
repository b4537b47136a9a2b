import nock from 'nock';
import zapier from 'zapier-platform-core';

import App from '../index';
import { CALLRAIL_API_BASE } from '../src/callrailFacts';

export const appTester = zapier.createAppTester(App);

export const API_KEY = 'test-key-0123456789abcdef';
export const ACCOUNT_ID = 'ACC8154748ae6bd4e278a7cddd38a662f4f';
export const authData = { api_key: API_KEY, account_id: ACCOUNT_ID };

/** The headers every CallRail request must carry, asserted on every mocked request. */
export const callRailHeaders = {
  authorization: `Token token="${API_KEY}"`,
  'request-from': 'zapier',
  accept: 'application/json',
};

/** A nock scope for the CallRail API that only matches requests carrying the right headers. */
export const callRailApi = () =>
  nock(CALLRAIL_API_BASE.replace(/\/v3$/, ''), { reqheaders: callRailHeaders });

export const accountPath = (path: string) => `/v3/a/${ACCOUNT_ID}/${path}`;

/** Zapier's runner reports app errors as JSON in the message; this reads them back. */
export const errorOf = async (
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; detail: Record<string, unknown> }> => {
  try {
    await promise;
  } catch (error) {
    const { name, message } = error as Error;
    let detail: Record<string, unknown>;
    try {
      detail = JSON.parse(message) as Record<string, unknown>;
    } catch {
      detail = { message };
    }
    return { name, message, detail };
  }
  throw new Error('Expected the operation to fail, but it succeeded.');
};

/** Freezes the clock (only Date) so date windows in requests are exact. */
export const freezeDate = (iso: string) => {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
};

/**
 * Runs `attempt` with a catch-all CallRail mock in place and returns how many requests reached
 * it, so a refusal can be shown to have sent nothing at all.
 */
export const requestsDuring = async (attempt: () => Promise<unknown>): Promise<number> => {
  let count = 0;
  const scope = callRailApi()
    .persist()
    .intercept(() => true, 'GET')
    .query(true)
    .reply(() => {
      count += 1;
      return [200, {}];
    });
  try {
    await attempt().catch(() => undefined);
  } finally {
    scope.persist(false);
    nock.cleanAll();
  }
  return count;
};

export const page = (key: string, items: unknown[]) => ({
  page: 1,
  per_page: 250,
  total_records: items.length,
  [key]: items,
});
