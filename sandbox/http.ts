import type { SandboxStore } from './store';
import type { AccountRecord, Json, JsonObject } from './types';
import type { WebhookSender } from './webhooks';

/** The plumbing every route shares: request context, responses, CallRail-style errors. */

export interface ApiResponse {
  status: number;
  /** undefined → no body at all (204) */
  body?: Json;
  headers?: Record<string, string>;
}

/** Thrown by route code; the server turns it into `{"error": message}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const NOT_FOUND = 'Not found';

export interface RequestContext {
  method: string;
  /** the full request URL, on the sandbox's own origin (for `next_page` links) */
  url: URL;
  query: URLSearchParams;
  body: unknown;
  store: SandboxStore;
  now: () => Date;
  /** the account in the path, for account-scoped routes */
  account: AccountRecord;
  /** every account the API key may see */
  visibleAccounts: AccountRecord[];
  webhooks: WebhookSender;
  /** fire-and-forget side effects (e.g. the "text sent" webhook) that should not delay the response */
  afterResponse: (task: () => Promise<unknown>) => void;
}

export type Handler = (ctx: RequestContext, params: string[]) => ApiResponse | Promise<ApiResponse>;

export const ok = (body: Json, status = 200): ApiResponse => ({ status, body });

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON body as an object; anything else reads as empty so "missing parameter" errors follow. */
export const bodyObject = (ctx: RequestContext): Record<string, unknown> =>
  isObject(ctx.body) ? ctx.body : {};

/** Rails' stock ParameterMissing message, which is what CallRail answers for absent params. */
export const missingParam = (name: string): ApiError =>
  new ApiError(400, `param is missing or the value is empty: ${name}`);

/** A required, non-blank string body parameter. */
export function requireString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw missingParam(name);
  return value;
}

export const errorBody = (message: string): JsonObject => ({ error: message });

/** Boolean query flags as CallRail (Rails) reads them. */
export const isTrue = (value: string | null): boolean => value === 'true' || value === '1';
