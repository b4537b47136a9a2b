import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { FaultInjector } from './faults';
import { FAULT_BODIES, HTML_PAGE } from './faults';
import type { ApiResponse, Handler, RequestContext } from './http';
import { ApiError, errorBody, NOT_FOUND } from './http';
import { hex32 } from './ids';
import type { RateLimiter } from './rateLimits';
import { getAccount, listAccounts } from './routes/accounts';
import { recordingWav } from './audio';
import { createOutboundCall, getCall, getRecording, listCalls, updateCall } from './routes/calls';
import { listCallerIds } from './routes/callerIds';
import { callSummary, callTimeseries } from './routes/callSummaries';
import { getCompany, listCompanies } from './routes/companies';
import {
  createIntegration,
  disableIntegration,
  getIntegration,
  listIntegrations,
  updateIntegration,
} from './routes/integrations';
import {
  createFormSubmission,
  getFormSubmission,
  listFormSubmissions,
  updateFormSubmission,
} from './routes/formSubmissions';
import { getConversation, listConversations, sendText } from './routes/textMessages';
import { createTag, deleteTag, listTags, updateTag } from './routes/tags';
import { getTracker, listTrackers } from './routes/trackers';
import { listUsers } from './routes/users';
import type { SandboxStore } from './store';
import type { AccountRecord, RecordedRequest } from './types';
import type { WebhookSender } from './webhooks';

/** Routing and the request pipeline: faults → route → auth → account → rate limits → handler. */

type Route = {
  pattern: RegExp;
  /** the first capture is an account id that must be visible to the key */
  scoped: boolean;
  methods: Partial<Record<string, Handler>>;
  /** POSTs here also count against the texting limit */
  texting?: boolean;
  /** POSTs here are outbound calls and also count against that limit */
  outbound?: boolean;
};

const account = '/v3/a/([^/]+)';
const id = '([^/]+)';
const ROUTES: Route[] = [
  { pattern: /^\/v3\/a\.json$/, scoped: false, methods: { GET: listAccounts } },
  { pattern: new RegExp(`^${account}\\.json$`), scoped: true, methods: { GET: getAccount } },
  {
    pattern: new RegExp(`^${account}/companies\\.json$`),
    scoped: true,
    methods: { GET: listCompanies },
  },
  {
    pattern: new RegExp(`^${account}/companies/${id}\\.json$`),
    scoped: true,
    methods: { GET: getCompany },
  },
  {
    pattern: new RegExp(`^${account}/trackers\\.json$`),
    scoped: true,
    methods: { GET: listTrackers },
  },
  {
    pattern: new RegExp(`^${account}/trackers/${id}\\.json$`),
    scoped: true,
    methods: { GET: getTracker },
  },
  { pattern: new RegExp(`^${account}/users\\.json$`), scoped: true, methods: { GET: listUsers } },
  {
    pattern: new RegExp(`^${account}/calls\\.json$`),
    scoped: true,
    methods: { GET: listCalls, POST: createOutboundCall },
    outbound: true,
  },
  // Before `calls/{id}.json`, which would otherwise take `summary` for an id.
  {
    pattern: new RegExp(`^${account}/calls/summary\\.json$`),
    scoped: true,
    methods: { GET: callSummary },
  },
  {
    pattern: new RegExp(`^${account}/calls/timeseries\\.json$`),
    scoped: true,
    methods: { GET: callTimeseries },
  },
  {
    pattern: new RegExp(`^${account}/calls/${id}\\.json$`),
    scoped: true,
    methods: { GET: getCall, PUT: updateCall },
  },
  {
    pattern: new RegExp(`^${account}/calls/${id}/recording\\.json$`),
    scoped: true,
    methods: { GET: getRecording },
  },
  {
    pattern: new RegExp(`^${account}/tags\\.json$`),
    scoped: true,
    methods: { GET: listTags, POST: createTag },
  },
  {
    pattern: new RegExp(`^${account}/tags/${id}\\.json$`),
    scoped: true,
    methods: { PUT: updateTag, DELETE: deleteTag },
  },
  {
    pattern: new RegExp(`^${account}/caller_ids\\.json$`),
    scoped: true,
    methods: { GET: listCallerIds },
  },
  { pattern: new RegExp(`^${account}/users\\.json$`), scoped: true, methods: { GET: listUsers } },
  {
    pattern: new RegExp(`^${account}/text-messages\\.json$`),
    scoped: true,
    methods: { GET: listConversations, POST: sendText },
    texting: true,
  },
  {
    pattern: new RegExp(`^${account}/text-messages/${id}\\.json$`),
    scoped: true,
    methods: { GET: getConversation },
  },
  {
    pattern: new RegExp(`^${account}/form_submissions\\.json$`),
    scoped: true,
    methods: { GET: listFormSubmissions, POST: createFormSubmission },
  },
  {
    pattern: new RegExp(`^${account}/form_submissions/${id}\\.json$`),
    scoped: true,
    methods: { GET: getFormSubmission, PUT: updateFormSubmission },
  },
  {
    pattern: new RegExp(`^${account}/integrations\\.json$`),
    scoped: true,
    methods: { GET: listIntegrations, POST: createIntegration },
  },
  {
    pattern: new RegExp(`^${account}/integrations/${id}\\.json$`),
    scoped: true,
    methods: { GET: getIntegration, PUT: updateIntegration, DELETE: disableIntegration },
  },
];

/** Where recording links point: outside the API, like CallRail's temporary S3 links. */
const RECORDING_PATH = /^\/recordings\/([^/]+)\.wav$/;

/** Rails' token auth message, the same for a missing and a wrong key. */
export const ACCESS_DENIED = 'HTTP Token: Access denied';
export const RATE_LIMITED = 'Rate limit exceeded';

/** `Token token="KEY"` or `Token token=KEY`; nothing else (no Bearer, no bare key). */
export function parseToken(header: string | undefined): string | undefined {
  const match = /^Token\s+token=(?:"([^"]*)"|([^\s,"]+))/i.exec(header ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

export interface ServerDeps {
  store: SandboxStore;
  faults: FaultInjector;
  limiter: RateLimiter;
  webhooks: WebhookSender;
  requests: RecordedRequest[];
  now: () => Date;
  /** `http://127.0.0.1:PORT`, known once listening */
  origin: () => string;
  /** keeps track of work that continues after a response (webhooks) */
  track: (work: Promise<unknown>) => void;
  onRequest?: (request: RecordedRequest) => void;
}

function parseRecordedBody(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function flatten(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

/** The route a path matches and its captures, or CallRail's 404 / 405. */
function findRoute(
  url: URL,
  method: string,
  headers: Record<string, string>,
): { route: Route; handler: Handler; params: string[] } {
  const route = ROUTES.find((r) => r.pattern.test(url.pathname));
  const match = route?.pattern.exec(url.pathname);
  if (!route || !match) throw new ApiError(404, NOT_FOUND);
  const handler = route.methods[method];
  if (!handler) {
    headers.allow = Object.keys(route.methods).join(', ');
    throw new ApiError(405, `Method ${method} not allowed`);
  }
  return { route, handler, params: match.slice(1).map((p) => decodeURIComponent(p)) };
}

/** The key's accounts and the one the path names (or its first, unscoped), or 401 / 404. */
function authorize(
  store: SandboxStore,
  req: IncomingMessage,
  route: Route,
  params: string[],
  headers: Record<string, string>,
) {
  const key = parseToken(req.headers.authorization);
  const visibleIds = key === undefined ? undefined : store.visibleAccountIds(key);
  if (!visibleIds) {
    headers['www-authenticate'] = 'Token realm="Application"';
    throw new ApiError(401, ACCESS_DENIED);
  }
  const visibleAccounts = store.accounts.filter((a) => visibleIds.includes(a.id));
  let current: AccountRecord | undefined = visibleAccounts[0];
  if (route.scoped) {
    // An account the key cannot see answers exactly like one that does not exist.
    current = store.findAccount(params[0] ?? '');
    if (!current || !visibleIds.includes(current.id)) throw new ApiError(404, NOT_FOUND);
  }
  if (!current) throw new ApiError(404, NOT_FOUND);
  return { key, current, visibleAccounts };
}

/** The hourly limits: general per account (or per key, unscoped), texts and outbound calls. */
function takeRateLimits(
  limiter: RateLimiter,
  route: Route,
  method: string,
  bucket: string,
  accountId: string,
  headers: Record<string, string>,
): void {
  const allowed = limiter.take(bucket, limiter.generalPerHour);
  headers['x-rate-limit-hourly-allowed'] = String(limiter.generalPerHour);
  headers['x-rate-limit-hourly-used'] = String(limiter.used(bucket));
  if (!allowed) throw new ApiError(429, RATE_LIMITED);
  if (
    route.texting &&
    method === 'POST' &&
    !limiter.take(`texts:${accountId}`, limiter.textsPerHour)
  ) {
    throw new ApiError(429, RATE_LIMITED);
  }
  if (
    route.outbound &&
    method === 'POST' &&
    !limiter.take(`outbound:${accountId}`, limiter.outboundCallsPerHour)
  ) {
    throw new ApiError(429, RATE_LIMITED);
  }
}

function parseRequestBody(raw: string): unknown {
  if (raw.trim() === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ApiError(400, 'Error occurred while parsing request parameters');
  }
}

/** An API request through the pipeline: route → auth → account → rate limits → handler. */
async function dispatch(
  deps: ServerDeps,
  req: IncomingMessage,
  url: URL,
  raw: string,
): Promise<ApiResponse> {
  const method = req.method ?? 'GET';
  const headers: Record<string, string> = {};
  try {
    const { route, handler, params } = findRoute(url, method, headers);
    const { key, current, visibleAccounts } = authorize(deps.store, req, route, params, headers);
    const bucket = route.scoped ? `general:${current.id}` : `general:key:${String(key)}`;
    takeRateLimits(deps.limiter, route, method, bucket, current.id, headers);
    const ctx: RequestContext = {
      method,
      url,
      query: url.searchParams,
      body: parseRequestBody(raw),
      store: deps.store,
      now: deps.now,
      account: current,
      visibleAccounts,
      webhooks: deps.webhooks,
      afterResponse: (task) => deps.track(task()),
    };
    const response = await handler(ctx, params);
    return { ...response, headers: { ...headers, ...response.headers } };
  } catch (error) {
    if (error instanceof ApiError)
      return { status: error.status, body: errorBody(error.message), headers };
    return { status: 500, body: errorBody('Internal Server Error'), headers };
  }
}

function recordRequest(deps: ServerDeps, req: IncomingMessage, url: URL, raw: string) {
  const record: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: queryObject(url.searchParams),
    headers: flatten(req.headers),
    body: parseRecordedBody(raw),
    status: null,
    at: deps.now().toISOString(),
  };
  deps.requests.push(record);
  return record;
}

type Reply = {
  status: number;
  contentType: string;
  text: string | Buffer | undefined;
  headers: Record<string, string>;
};

/** A recording link stands for CallRail's S3 link: no API key, no JSON, and it expires. */
function recordingReply(deps: ServerDeps, url: URL, callId: string): Reply {
  const call = deps.store.call(decodeURIComponent(callId));
  const expires = Number(url.searchParams.get('expires'));
  const status = !call?.recording ? 404 : expires > deps.now().getTime() ? 200 : 403;
  return {
    status,
    contentType: status === 200 ? 'audio/wav' : 'application/xml',
    text:
      status === 200
        ? recordingWav()
        : `<Error><Code>${status === 404 ? 'NoSuchKey' : 'AccessDenied'}</Code></Error>`,
    headers: {},
  };
}

/** What to answer: a recording, a fault's answer, or the API's. */
async function replyTo(
  deps: ServerDeps,
  req: IncomingMessage,
  url: URL,
  raw: string,
  fault: ReturnType<FaultInjector['take']>,
): Promise<Reply> {
  const recording = RECORDING_PATH.exec(url.pathname);
  if (recording && !fault) return recordingReply(deps, url, recording[1] ?? '');
  if (fault?.kind === 'nonJson') {
    return { status: 200, contentType: 'text/html; charset=utf-8', text: HTML_PAGE, headers: {} };
  }
  const response: ApiResponse =
    fault?.kind === 'fail'
      ? { status: fault.status, body: FAULT_BODIES[fault.status] }
      : await dispatch(deps, req, deps.faults.deviateRequest(url), raw);
  return {
    status: response.status,
    contentType: 'application/json; charset=utf-8',
    headers: response.headers ?? {},
    text:
      response.body === undefined || fault?.kind === 'emptyBody'
        ? undefined
        : JSON.stringify(deps.faults.deviateAnswer(url.pathname, response.body)),
  };
}

export function createSandboxServer(deps: ServerDeps): Server {
  let requestCount = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', deps.origin());
    const record = recordRequest(deps, req, url, raw);
    requestCount += 1;
    const requestId = hex32(`request:${requestCount}`);

    const fault = deps.faults.take();
    if (deps.faults.latencyMs > 0) await delay(deps.faults.latencyMs);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      deps.onRequest?.(record);
      return;
    }

    const { status, contentType, text, headers } = await replyTo(deps, req, url, raw, fault);
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader('x-request-id', requestId);
    if (text !== undefined) {
      res.setHeader('content-type', contentType);
      res.setHeader('content-length', Buffer.byteLength(text));
    }
    record.status = status;
    deps.onRequest?.(record);
    res.end(text);
  }

  return createServer((req, res) => {
    handle(req, res).catch(() => {
      // A client that hangs up mid-request leaves nothing to answer.
      if (!res.headersSent) res.destroy();
    });
  });
}
