import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';

import App from '../../index';
import { callRail, callRailResponse, type QueryValue } from '../../src/client';
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
 * Runs the app's own code (its client, middleware, field tables and normalisers) through
 * Zapier's runner, one request at a time, with the connection under test as `authData`.
 */
export class Probe {
  private readonly tester = zapier.createAppTester(App);
  constructor(
    readonly apiKey: string,
    readonly accountId: string,
  ) {}

  run<T>(perform: Perform<T>, accountId = this.accountId): Promise<T> {
    const bundle = { authData: { api_key: this.apiKey, account_id: accountId }, inputData: {} };
    return this.tester(perform, bundle) as Promise<T>;
  }

  /** A GET through the app's client; `path` as the client takes it (account-relative). */
  get<T = Raw>(path: string, params: Record<string, QueryValue> = {}, accountId?: string) {
    return this.run(
      (z, bundle) => callRail<T>(z, bundle, { path, params, context: { action: `read ${path}` } }),
      accountId,
    );
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
