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

export function createSandboxServer(deps: ServerDeps): Server {
  const { store, faults, limiter } = deps;
  let requestCount = 0;

  async function dispatch(req: IncomingMessage, url: URL, raw: string): Promise<ApiResponse> {
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = {};
    try {
      const route = ROUTES.find((r) => r.pattern.test(url.pathname));
      const match = route?.pattern.exec(url.pathname);
      if (!route || !match) throw new ApiError(404, NOT_FOUND);
      const handler = route.methods[method];
      if (!handler) {
        headers.allow = Object.keys(route.methods).join(', ');
        throw new ApiError(405, `Method ${method} not allowed`);
      }

      const key = parseToken(req.headers.authorization);
      const visibleIds = key === undefined ? undefined : store.visibleAccountIds(key);
      if (!visibleIds) {
        headers['www-authenticate'] = 'Token realm="Application"';
        throw new ApiError(401, ACCESS_DENIED);
      }
      const visibleAccounts = store.accounts.filter((a) => visibleIds.includes(a.id));
      const params = match.slice(1).map((p) => decodeURIComponent(p));
      let current: AccountRecord | undefined = visibleAccounts[0];
      if (route.scoped) {
        // An account the key cannot see answers exactly like one that does not exist.
        current = store.findAccount(params[0] ?? '');
        if (!current || !visibleIds.includes(current.id)) throw new ApiError(404, NOT_FOUND);
      }
      if (!current) throw new ApiError(404, NOT_FOUND);

      const bucket = route.scoped ? `general:${current.id}` : `general:key:${String(key)}`;
      const allowed = limiter.take(bucket, limiter.generalPerHour);
      headers['x-rate-limit-hourly-allowed'] = String(limiter.generalPerHour);
      headers['x-rate-limit-hourly-used'] = String(limiter.used(bucket));
      if (!allowed) throw new ApiError(429, RATE_LIMITED);
      if (
        route.texting &&
        method === 'POST' &&
        !limiter.take(`texts:${current.id}`, limiter.textsPerHour)
      ) {
        throw new ApiError(429, RATE_LIMITED);
      }
      if (
        route.outbound &&
        method === 'POST' &&
        !limiter.take(`outbound:${current.id}`, limiter.outboundCallsPerHour)
      ) {
        throw new ApiError(429, RATE_LIMITED);
      }

      let body: unknown = null;
      if (raw.trim() !== '') {
        try {
          body = JSON.parse(raw) as unknown;
        } catch {
          throw new ApiError(400, 'Error occurred while parsing request parameters');
        }
      }
      const ctx: RequestContext = {
        method,
        url,
        query: url.searchParams,
        body,
        store,
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', deps.origin());
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
    requestCount += 1;
    const requestId = hex32(`request:${requestCount}`);

    const fault = faults.take();
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      deps.onRequest?.(record);
      return;
    }

    let status: number;
    let contentType = 'application/json; charset=utf-8';
    let text: string | Buffer | undefined;
    let headers: Record<string, string> = {};
    const recording = RECORDING_PATH.exec(url.pathname);
    if (recording && !fault) {
      // A recording link stands for CallRail's S3 link: no API key, no JSON, and it expires.
      const call = store.call(decodeURIComponent(recording[1] ?? ''));
      const expires = Number(url.searchParams.get('expires'));
      status = !call?.recording ? 404 : expires > deps.now().getTime() ? 200 : 403;
      contentType = status === 200 ? 'audio/wav' : 'application/xml';
      text =
        status === 200
          ? recordingWav()
          : `<Error><Code>${status === 404 ? 'NoSuchKey' : 'AccessDenied'}</Code></Error>`;
    } else if (fault?.kind === 'nonJson') {
      status = 200;
      contentType = 'text/html; charset=utf-8';
      text = HTML_PAGE;
    } else {
      const response: ApiResponse =
        fault?.kind === 'fail'
          ? { status: fault.status, body: FAULT_BODIES[fault.status] }
          : await dispatch(req, faults.deviateRequest(url), raw);
      status = response.status;
      headers = response.headers ?? {};
      text =
        response.body === undefined || fault?.kind === 'emptyBody'
          ? undefined
          : JSON.stringify(faults.deviateAnswer(url.pathname, response.body));
    }
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
