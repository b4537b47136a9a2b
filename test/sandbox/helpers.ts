import type { Sandbox, SandboxOptions } from '../../sandbox';
import { startSandbox } from '../../sandbox';

/** A fixed clock so seeded dates, "today" and rate-limit windows are the same on every run. */
export const FIXED_NOW = new Date('2026-11-20T19:00:00.000Z');

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export const tokenHeader = (key: string): Record<string, string> => ({
  Authorization: `Token token="${key}"`,
});

export async function startFixed(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ now: () => FIXED_NOW, ...options });
}

/** Calls the sandbox with the agency key unless told otherwise; parses JSON bodies when there are any. */
export async function call<T = Record<string, unknown>>(
  sandbox: Sandbox,
  path: string,
  init: {
    method?: string;
    key?: string | null;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply<T>> {
  const key = init.key === undefined ? sandbox.keys.agency : init.key;
  const headers: Record<string, string> = {
    ...(key === null ? {} : tokenHeader(key)),
    ...init.headers,
  };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: (isJson && text ? JSON.parse(text) : text) as T,
  };
}

export type Page<K extends string, T = Record<string, unknown>> = {
  page: number;
  per_page: number;
  total_pages: number;
  total_records: number;
} & Record<K, T[]>;

/** The first account's active companies, trackers and the like, looked up by name. */
export function seeded(sandbox: Sandbox) {
  const [summit, harbor] = sandbox.accounts;
  if (!summit || !harbor) throw new Error('expected two seeded accounts');
  const company = (accountIndex: 0 | 1, name: string) => {
    const found = sandbox.accounts[accountIndex]?.companies.find((c) => c.name.includes(name));
    if (!found) throw new Error(`no company ${name}`);
    return found;
  };
  const downtown = company(0, 'Downtown');
  const phoenix = company(0, 'Phoenix');
  const lakewood = company(0, 'Lakewood');
  const plumbing = company(1, 'Plumbing');
  const tracker = (c: typeof downtown, name: string) => {
    const found = c.trackers.find((t) => t.name === name);
    if (!found) throw new Error(`no tracker ${name}`);
    return found;
  };
  return { summit, harbor, downtown, phoenix, lakewood, plumbing, tracker };
}
