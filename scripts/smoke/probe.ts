import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';

import App from '../../index';
import { callRail, callRailResponse, itemsOf, type QueryValue } from '../../src/client';
import type { Raw } from '../../src/fieldTable';

type Perform<T> = (z: ZObject, bundle: Bundle) => Promise<T>;

/** What a failed run of app code said: Zapier's runner carries app errors as JSON. */
export interface Failure {
  name: string;
  code: string | undefined;
  message: string;
}

export const failureOf = (error: unknown): Failure => {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  try {
    const parsed = JSON.parse(message) as { message?: unknown; code?: unknown };
    return {
      name,
      code: typeof parsed.code === 'string' ? parsed.code : undefined,
      message: typeof parsed.message === 'string' ? parsed.message : message,
    };
  } catch {
    return { name, code: undefined, message };
  }
};

/** Failures that say nothing about a fact: CallRail was down, slow or throttling. */
export const isPassing = (failure: Failure): boolean =>
  failure.name === 'ThrottledError' ||
  ['CallRailUnavailable', 'CallRailUnreachable', 'CallRailNotJson'].includes(failure.code ?? '');

export const queryOf = (params: Record<string, QueryValue>): string => {
  const shown = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${String(value)}`);
  return shown.length ? `?${shown.join('&')}` : '';
};

/**
 * Runs the app's own code (its client, middleware, field tables and normalisers) with the `z`
 * and bundle of one execution of Zapier's runner, one request at a time.
 */
export class Probe {
  constructor(
    private readonly z: ZObject,
    private readonly bundle: Bundle,
  ) {}

  /** Runs app code; with `accountId`, as if connected with that form of the account id. */
  run<T>(perform: Perform<T>, accountId?: string): Promise<T> {
    const { bundle } = this;
    return perform(
      this.z,
      accountId === undefined
        ? bundle
        : { ...bundle, authData: { ...bundle.authData, account_id: accountId } },
    );
  }

  /** A GET through the app's client; `path` as the client takes it (account-relative). */
  get<T = Raw>(path: string, params: Record<string, QueryValue> = {}, accountId?: string) {
    return this.run(
      (z, bundle) => callRail<T>(z, bundle, { path, params, context: { action: `read ${path}` } }),
      accountId,
    );
  }

  /** A list's items as the app reads them (`itemsOf`): an answer without the list fails. */
  itemsIn(body: unknown, key: string, endpoint: string): Promise<Raw[]> {
    return this.run((z) => Promise.resolve(itemsOf<Raw>(z, body, key, endpoint)));
  }

  /** A GET that returns these statuses instead of failing on them. */
  getAllowing(path: string, params: Record<string, QueryValue>, allowStatuses: number[]) {
    return this.run((z, bundle) =>
      callRailResponse<unknown>(z, bundle, {
        path,
        params,
        context: { action: `read ${path}` },
        allowStatuses,
      }),
    );
  }

  /** A GET of a full URL CallRail handed out (relative pagination's `next_page`). */
  follow<T = Raw>(url: string) {
    return this.run((z, bundle) =>
      callRail<T>(z, bundle, { url, context: { action: 'read the next page' } }),
    );
  }
}

/**
 * Runs `work` inside one execution of Zapier's runner (the app's middleware included), with
 * the connection under test as `authData`. What `work` throws comes out as thrown: the runner
 * would wrap it in its own account of the run.
 */
export const withProbe = async (
  connection: { apiKey: string; accountId: string },
  work: (probe: Probe) => Promise<void>,
): Promise<void> => {
  const bundle = {
    authData: { api_key: connection.apiKey, account_id: connection.accountId },
    inputData: {},
  };
  let thrown: { error: unknown } | undefined;
  await zapier.createAppTester(App)(async (z: ZObject, given: Bundle) => {
    try {
      await work(new Probe(z, given));
    } catch (error) {
      thrown = { error };
    }
  }, bundle);
  if (thrown) throw thrown.error;
};
