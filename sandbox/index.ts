import type { AddressInfo } from 'node:net';
import type { SandboxFaults } from './faults';
import { FaultInjector } from './faults';
import type { RateLimitOptions } from './rateLimits';
import { RateLimiter } from './rateLimits';
import { API_KEYS, seedStore } from './seed';
import { createSandboxServer } from './server';
import type {
  SimulateCallOptions,
  SimulateFormSubmissionOptions,
  SimulateOutboundTextOptions,
  SimulateTextOptions,
} from './simulation';
import { Simulator } from './simulation';
import type { SandboxStore } from './store';
import type { CallRecord, RecordedRequest, SeedAccount, WebhookDelivery } from './types';
import { WebhookSender, type WebhookQueryString } from './webhooks';

/**
 * A local stand-in for CallRail's API v3: the app under test talks real HTTP to it, and tests
 * steer it (faults, limits, simulated calls and texts) and inspect what it received.
 */

export { signWebhookBody } from './webhooks';
export type { WebhookQueryString } from './webhooks';
export type { SandboxFaults } from './faults';
export type { RateLimitOptions } from './rateLimits';
export type {
  SimulateCallOptions,
  SimulateFormSubmissionOptions,
  SimulateInboundTextOptions,
  SimulateOutboundTextOptions,
  SimulateTextOptions,
} from './simulation';
export type { SandboxStore } from './store';
export type * from './types';
export { WEBHOOK_CONFIG_KEYS } from './types';

export interface SandboxOptions {
  /** default 0 = a free port; the sandbox always binds 127.0.0.1 */
  port?: number;
  /** the clock; seed data is placed relative to it at start. Default: the real time */
  now?: () => Date;
  /** per-account hourly limits; defaults 1000 (general), 150 (texts) and 100 (outbound calls) */
  limits?: RateLimitOptions;
  /** how long a webhook receiver may take to answer; default 5000 ms */
  webhookTimeoutMs?: number;
  /**
   * Makes integration writes race like a busy real server's: each PUT reads the stored record,
   * waits a random 0..N ms, then stores its body's config; reads answer after 0..N/2 ms with what
   * was stored when they arrived. Concurrent read-merge-write subscribers then clobber one
   * another, as on CallRail, which has no compare-and-set. Default 0 (no waiting).
   */
  integrationWriteDelayMs?: number;
  /** called once per request when it has been answered (or dropped) */
  onRequest?: (request: RecordedRequest) => void;
}

export interface Sandbox {
  /** e.g. `http://127.0.0.1:43121/v3` */
  baseUrl: string;
  /** `agency` sees both seeded accounts, `single` only the first */
  keys: { agency: string; single: string };
  /** what was seeded: ids, numeric ids, names, companies, trackers, … */
  accounts: SeedAccount[];
  /** the live data */
  store: SandboxStore;
  /** every request received, oldest first */
  requests: RecordedRequest[];
  resetRequests(): void;
  /** every webhook delivery attempted (simulations and the "text sent" event), oldest first */
  deliveries: WebhookDelivery[];
  faults: SandboxFaults;
  /**
   * What webhook deliveries do with a subscriber URL's query string: kept (default), dropped, or
   * with CallRail's legacy attributes appended after a second `?`.
   */
  setWebhookQueryString(mode: WebhookQueryString): void;
  /** forget the rate-limit history */
  resetRateLimits(): void;
  /** adds a call and POSTs the event's payload to the company's subscribers */
  simulateCall(options: SimulateCallOptions): Promise<WebhookDelivery[]>;
  /** a customer texts the company; POSTs `sms_received_webhook` */
  simulateInboundText(options: SimulateTextOptions): Promise<WebhookDelivery[]>;
  /** someone at the company texts a customer from CallRail's app; POSTs `sms_sent_webhook` */
  simulateOutboundText(options: SimulateOutboundTextOptions): Promise<WebhookDelivery[]>;
  /** a visitor submits a form on the company's site; POSTs `form_captured_webhook` */
  simulateFormSubmission(options: SimulateFormSubmissionOptions): Promise<WebhookDelivery[]>;
  /** a burst of inbound calls ending "just now", `secondsApart` (default 1) apart, oldest first, without webhooks */
  addCalls(companyId: string, count: number, secondsApart?: number): CallRecord[];
  /** a call ringing since `secondsAgo`, listed in progress until `endCall` (no webhook) */
  startCall(companyId: string, secondsAgo?: number): CallRecord;
  endCall(callId: string, outcome: { answered: boolean; duration: number }): CallRecord;
  /** resolves once background work (webhooks fired by API calls) has finished */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? (() => new Date());
  const { store, worlds } = seedStore(now());
  store.integrationWriteDelayMs = Math.max(0, options.integrationWriteDelayMs ?? 0);
  const faults = new FaultInjector();
  const limiter = new RateLimiter(now, options.limits);
  const webhooks = new WebhookSender(store, options.webhookTimeoutMs);
  const simulator = new Simulator(store, worlds, webhooks, now);
  const requests: RecordedRequest[] = [];
  const background = new Set<Promise<unknown>>();
  let origin = 'http://127.0.0.1';

  const server = createSandboxServer({
    store,
    faults,
    limiter,
    webhooks,
    requests,
    now,
    origin: () => origin,
    track: (work) => {
      const settled = work.catch(() => undefined).finally(() => background.delete(settled));
      background.add(settled);
    },
    onRequest: options.onRequest,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: `${origin}/v3`,
    keys: { ...API_KEYS },
    accounts: store.summary(),
    store,
    requests,
    resetRequests: () => {
      requests.length = 0;
    },
    deliveries: webhooks.log,
    faults,
    setWebhookQueryString: (mode) => {
      webhooks.queryString = mode;
    },
    resetRateLimits: () => limiter.reset(),
    simulateCall: (o) => simulator.simulateCall(o),
    simulateInboundText: (o) => simulator.simulateInboundText(o),
    simulateOutboundText: (o) => simulator.simulateOutboundText(o),
    simulateFormSubmission: (o) => simulator.simulateFormSubmission(o),
    addCalls: (companyId, count, secondsApart) =>
      simulator.addCalls(companyId, count, secondsApart),
    startCall: (companyId, secondsAgo) => simulator.startCall(companyId, secondsAgo),
    endCall: (callId, outcome) => simulator.endCall(callId, outcome),
    idle: async () => {
      while (background.size > 0) await Promise.all([...background]);
    },
    close: async () => {
      await Promise.all([...background]);
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold close() open until they time out.
        server.closeAllConnections();
      });
    },
  };
}
