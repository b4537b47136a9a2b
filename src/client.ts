import type { Bundle, HttpMethod, ZObject } from 'zapier-platform-core';

import { INVALID_ACCOUNT_ID_MESSAGE, normalizeAccountId } from './accountId';
import { resolveApiBase } from './apiBase';
import { CREATE_API_KEY, unreachableError, type RequestContext } from './errors';

export type QueryValue = string | number | boolean | undefined;

export interface CallRailRequest {
  method?: HttpMethod;
  /**
   * Relative to the connected account (`calls.json` → `/v3/a/{account}/calls.json`); a leading
   * `/` makes it relative to the API base instead (`/a.json`).
   */
  path?: string;
  /** A full URL CallRail gave us (relative pagination's `next_page`); must be under the base. */
  url?: string;
  params?: Record<string, QueryValue>;
  body?: Record<string, unknown>;
  context: RequestContext;
  /** Statuses the caller handles itself (a 404 that means "nothing found"), returned as-is. */
  allowStatuses?: readonly number[];
}

export interface CallRailResponse<T> {
  status: number;
  data: T;
}

/** Path segments built from user input are escaped, so an id can never reach another route. */
export const segment = (value: string): string => encodeURIComponent(value);

const userError = (z: ZObject, message: string, code = 'InvalidInput') =>
  new z.errors.Error(message, code, 400);

export type ApiKeyCheck =
  | { ok: true; apiKey: string }
  | { ok: false; code: 'MissingApiKey' | 'InvalidApiKey'; message: string };

/**
 * The API key as it goes into the header: trimmed (keys are often pasted with a space or a line
 * break around them). A key with a control character inside, or any character a header cannot
 * carry, is refused before anything is sent; the message never repeats the key.
 */
export const checkApiKey = (raw: unknown): ApiKeyCheck => {
  const apiKey = typeof raw === 'string' ? raw.trim() : '';
  if (apiKey === '') {
    return {
      ok: false,
      code: 'MissingApiKey',
      message: `The CallRail connection has no API key. Reconnect CallRail in Zapier with an API v3 key: ${CREATE_API_KEY}.`,
    };
  }
  // Printable ASCII only: anything else would make the HTTP header itself fail.
  if (!/^[\x20-\x7e]+$/.test(apiKey)) {
    return {
      ok: false,
      code: 'InvalidApiKey',
      message:
        'The CallRail API key contains a line break, tab or other character an API key never has, ' +
        `so nothing was sent. Reconnect CallRail in Zapier and paste the key again (${CREATE_API_KEY}).`,
    };
  }
  return { ok: true, apiKey };
};

/** Every secret a message could contain: the key as stored, and as sent. */
export const secretsOf = (bundle: Bundle): string[] => {
  const raw: unknown = bundle.authData.api_key;
  return typeof raw === 'string' ? [raw, raw.trim()] : [];
};

export const accountIdOf = (z: ZObject, bundle: Bundle): string => {
  const accountId = normalizeAccountId(bundle.authData.account_id);
  if (!accountId) throw userError(z, INVALID_ACCOUNT_ID_MESSAGE, 'InvalidAccountId');
  return accountId;
};

const apiBaseOrThrow = (z: ZObject): string => {
  try {
    return resolveApiBase();
  } catch (error) {
    throw userError(z, (error as Error).message, 'InvalidApiBase');
  }
};

const urlFor = (z: ZObject, bundle: Bundle, request: CallRailRequest): string => {
  const base = apiBaseOrThrow(z);
  if (request.url !== undefined) {
    if (!request.url.startsWith(`${base}/`)) {
      throw userError(
        z,
        `CallRail pointed to an unexpected address; refusing to follow it.`,
        'UnexpectedUrl',
      );
    }
    return request.url;
  }
  const path = request.path ?? '';
  return path.startsWith('/')
    ? `${base}${path}`
    : `${base}/a/${segment(accountIdOf(z, bundle))}/${path}`;
};

const definedParams = (params: Record<string, QueryValue> = {}): Record<string, string> =>
  Object.fromEntries(
    Object.entries(params)
      .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );

/**
 * The one way this app talks to CallRail. The API key check, auth, `Request-From` and the
 * mapping of CallRail's errors happen once per request, in middleware (src/middleware.ts), so
 * that they also cover requests made by the platform; a request that never got an answer is
 * mapped here, by the same module (src/errors.ts).
 * Nothing here retries: CallRail has no idempotency keys, so a retried write could text or dial
 * twice.
 */
export const callRailResponse = async <T>(
  z: ZObject,
  bundle: Bundle,
  request: CallRailRequest,
): Promise<CallRailResponse<T>> => {
  const url = urlFor(z, bundle, request);
  try {
    const response = await z.request<T>({
      url,
      method: request.method ?? 'GET',
      params: definedParams(request.params),
      ...(request.body === undefined ? {} : { body: request.body }),
      headers: request.body === undefined ? {} : { 'Content-Type': 'application/json' },
      middlewareData: { callrail: request.context, allowStatuses: request.allowStatuses ?? [] },
    });
    return { status: response.status, data: response.data };
  } catch (error) {
    throw unreachableError(z, error, request.context, secretsOf(bundle)) ?? error;
  }
};

export const callRail = async <T>(
  z: ZObject,
  bundle: Bundle,
  request: CallRailRequest,
): Promise<T> => (await callRailResponse<T>(z, bundle, request)).data;

/**
 * A list endpoint's items under `key`. A body without that list (an outage page, `{}`,
 * `"calls": null`) is an error that names the endpoint, and items without an id are dropped:
 * Zapier dedupes on the id, so an item without one would fire on every poll.
 */
export const itemsOf = <T extends { id?: unknown }>(
  z: ZObject,
  body: unknown,
  key: string,
  endpoint: string,
): T[] => {
  const items =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(items)) {
    throw new z.errors.Error(
      `CallRail answered ${endpoint} without its "${key}" list, which it always sends. This is usually a passing fault at CallRail: try again in a few minutes.`,
      'CallRailUnexpectedResponse',
      502,
    );
  }
  return items.filter(
    (item): item is T =>
      typeof item === 'object' &&
      item !== null &&
      ['id', 'resource_id'].some((idKey) => {
        const id = (item as Record<string, unknown>)[idKey];
        return (typeof id === 'string' && id !== '') || typeof id === 'number';
      }),
  );
};
