import type { ZObject } from 'zapier-platform-core';

import { DEFAULT_THROTTLE_DELAY_SECONDS, GENERAL_LIMITS } from './callrailFacts';

/**
 * The one mapping from CallRail's answer (or its absence) to the Zapier error a user sees: the
 * middleware uses it for error statuses, the client for requests that got no answer.
 */

/** What a request was for, so a failure can tell the user what to fix. */
export interface RequestContext {
  /** Completes "CallRail could not …", e.g. "send the text". */
  action: string;
  /** What a 404 means, e.g. "the call CAL…". */
  resource?: string;
  /** Writes are never retried automatically: CallRail has no idempotency keys. */
  isWrite?: boolean;
  /** Replaces the generic advice for a 403. */
  forbiddenHint?: string;
  /** Replaces the generic advice for a 404. */
  notFoundHint?: string;
  /** Names the limit behind a 429, e.g. CallRail's texting limit. */
  throttleHint?: string;
}

/** Where a CallRail user creates an API key; every help text and message uses this wording. */
export const API_KEY_MENU = 'Settings > Integrations > API Keys';
export const API_KEY_BUTTON = 'Create API V3 Key';
export const CREATE_API_KEY = `in CallRail open ${API_KEY_MENU} and choose ${API_KEY_BUTTON}`;

export type CallRailFailure =
  | { kind: 'auth'; message: string }
  | { kind: 'throttled'; message: string; delaySeconds: number }
  | { kind: 'user'; message: string; status: number }
  | { kind: 'server'; message: string; status: number };

export interface FailedResponse {
  status: number;
  content: string;
  retryAfter?: string | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** CallRail answers `{"error": "…"}`; Rails validation may answer `{"errors": {field: [..]}}`. */
export const callRailErrorText = (content: string): string | null => {
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    return null;
  }
  if (!isRecord(body)) return null;
  const parts: string[] = [];
  if (typeof body.error === 'string' && body.error.trim()) parts.push(body.error.trim());
  if (typeof body.message === 'string' && body.message.trim()) parts.push(body.message.trim());
  if (Array.isArray(body.errors)) parts.push(...body.errors.map(String));
  else if (isRecord(body.errors)) {
    for (const [field, problem] of Object.entries(body.errors)) {
      parts.push(`${field} ${Array.isArray(problem) ? problem.join(', ') : String(problem)}`);
    }
  }
  // CallRail's sentences end in a period; ours add their own.
  return parts.length > 0 ? parts.join('; ').replace(/\.+$/, '') : null;
};

const retryDelaySeconds = (retryAfter: string | undefined): number => {
  const seconds = retryAfter === undefined ? NaN : Number.parseInt(retryAfter, 10);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_THROTTLE_DELAY_SECONDS;
};

const withDetail = (sentence: string, detail: string | null): string =>
  detail ? `${sentence}: ${detail}` : sentence;

const throttled = (response: FailedResponse, context: RequestContext): CallRailFailure => ({
  kind: 'throttled',
  delaySeconds: retryDelaySeconds(response.retryAfter),
  message:
    `CallRail's rate limit was reached (${context.throttleHint ?? `CallRail allows ${GENERAL_LIMITS.perHour.toLocaleString('en-US')} requests an hour per account, shared by every Zap and tool using it`}). ` +
    'Zapier will try again later.',
});

/** A write that met a server error may have gone through: say so, so nothing happens twice. */
const serverTrouble = (status: number, context: RequestContext): CallRailFailure => ({
  kind: 'server',
  status,
  message: `CallRail is having trouble (HTTP ${status}) and could not ${context.action}.${
    context.isWrite
      ? ' It is unclear whether it went through: check in CallRail before running this step again, so nothing happens twice.'
      : ' Try again in a few minutes; status.callrail.com shows outages.'
  }`,
});

/** Turns a CallRail error response into a message the user can act on. */
export const describeFailure = (
  response: FailedResponse,
  context: RequestContext,
): CallRailFailure => {
  const { status } = response;
  const detail = callRailErrorText(response.content);
  const couldNot = `CallRail could not ${context.action}`;

  if (status === 401) {
    return {
      kind: 'auth',
      message:
        'CallRail rejected the API key: it is wrong, was deleted, or its user was removed from ' +
        `the account. Create a new API v3 key (${CREATE_API_KEY}) and reconnect CallRail in Zapier.`,
    };
  }
  if (status === 429) return throttled(response, context);
  if (status === 403) {
    const advice =
      context.forbiddenHint ??
      "The API key's user is not allowed to do this in this account: ask a CallRail admin to check the user's role, or connect with an admin's key.";
    return { kind: 'user', status, message: `${withDetail(couldNot, detail)}. ${advice}` };
  }
  if (status === 404) {
    const missing = context.resource
      ? `CallRail found no ${context.resource}`
      : 'CallRail found nothing there';
    const advice =
      context.notFoundHint ?? 'Check that it exists and belongs to the connected CallRail account.';
    return { kind: 'user', status, message: `${couldNot}: ${missing}. ${advice}` };
  }
  if (status === 400 || status === 406 || status === 422) {
    return {
      kind: 'user',
      status,
      message: `${withDetail(couldNot, detail ?? `it rejected the request (HTTP ${status})`)}.`,
    };
  }
  if (status >= 500) return serverTrouble(status, context);
  return {
    kind: 'user',
    status,
    message: `${withDetail(`${couldNot} (HTTP ${status})`, detail)}.`,
  };
};

/** Defence in depth: no message leaves the app with a secret in it. */
export const redact = (message: string, secrets: readonly string[]): string =>
  secrets
    .filter((secret) => secret.length >= 4)
    .reduce((text, secret) => text.split(secret).join('[redacted]'), message);

/** A described failure as the Zapier error the platform understands, with no secret in it. */
export const zapierErrorFor = (
  z: ZObject,
  failure: CallRailFailure,
  secrets: readonly string[],
) => {
  const message = redact(failure.message, secrets);
  switch (failure.kind) {
    case 'auth':
      return new z.errors.ExpiredAuthError(message);
    case 'throttled':
      return new z.errors.ThrottledError(message, failure.delaySeconds);
    case 'user':
      return new z.errors.Error(message, 'CallRailRequestFailed', failure.status);
    case 'server':
      return new z.errors.Error(message, 'CallRailUnavailable', failure.status);
  }
};

/**
 * Failures while connecting (no server at the address, no such host, no route): the request was
 * never written, so it provably did not reach CallRail. A timeout or a reset may come after
 * CallRail got the request.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** A request CallRail never answered, as an error saying whether running it again is safe. */
export const unreachableError = (
  z: ZObject,
  error: unknown,
  context: RequestContext,
  secrets: readonly string[],
) => {
  if (!(error instanceof Error) || !['FetchError', 'AbortError'].includes(error.name)) return null;
  const outcome = !context.isWrite
    ? ' Try again in a few minutes.'
    : NOT_SENT_CODES.has(String((error as Error & { code?: unknown }).code))
      ? ' Nothing was sent: the request never reached CallRail, so running this step again is safe.'
      : ' It may have gone through: check in CallRail before running this step again, so nothing happens twice.';
  const reason = redact(error.message.replace(/^request to \S+ failed, reason: /, ''), secrets);
  return new z.errors.Error(
    `Could not reach CallRail to ${context.action} (${reason}).${outcome}`,
    'CallRailUnreachable',
    502,
  );
};
