/**
 * Switches that make the sandbox misbehave the way a real API sometimes does, so the app's
 * error handling can be exercised over real HTTP. Queued faults apply to the very next requests,
 * in the order they were asked for, before any routing, authentication or rate limiting.
 */

export type Fault =
  | { kind: 'fail'; status: 500 | 503 }
  | { kind: 'nonJson' }
  | { kind: 'drop' }
  | { kind: 'emptyBody' };

export interface SandboxFaults {
  /** delay every response by this many milliseconds (0 turns it off) */
  setLatency(ms: number): void;
  /** the next `count` requests answer `status` with a CallRail-like JSON error body */
  failNext(status: 500 | 503, count?: number): void;
  /** the next `count` requests answer 200 with an HTML page */
  nonJsonNext(count?: number): void;
  /** the next `count` requests get their socket destroyed without any response */
  dropNext(count?: number): void;
  /** the next `count` requests are carried out, but answered with their status and no body */
  emptyBodyNext(count?: number): void;
  /** from now on, integrations answer without `signing_key`, even when asked for it */
  omitSigningKey(): void;
  /** from now on, `calls.json` ignores `fields=` and answers the default payload */
  ignoreCallFields(): void;
  /** from now on, a list answers its items under `renamed` instead of `key` (e.g. "calls") */
  renameEnvelope(key: string, renamed: string): void;
  /** no latency, nothing queued, no lasting switch */
  reset(): void;
}

/**
 * Lasting switches that each change one answer the app relies on, so `npm run smoke` can be
 * seen to name the fact that no longer holds. They stay on until `reset()`.
 */
export interface Deviations {
  omitSigningKey: boolean;
  ignoreCallFields: boolean;
  renamedEnvelope: { key: string; renamed: string } | null;
}

const noDeviations = (): Deviations => ({
  omitSigningKey: false,
  ignoreCallFields: false,
  renamedEnvelope: null,
});

const INTEGRATION_PATH = /\/integrations(\/[^/]+)?\.json$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const withoutSigningKey = (value: unknown): unknown => {
  if (!isRecord(value)) return value;
  const { signing_key: _omitted, ...rest } = value;
  return rest;
};

export const FAULT_BODIES = {
  500: { error: 'Internal Server Error' },
  503: { error: 'Service Unavailable' },
} as const;

/** What a proxy or maintenance page looks like: 200, but not JSON. */
export const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>CallRail</title></head>' +
  "<body><h1>We'll be right back</h1><p>CallRail is undergoing scheduled maintenance.</p></body></html>\n";

function checkCount(count: number): number {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a positive integer, got ${count}`);
  return count;
}

export class FaultInjector implements SandboxFaults {
  latencyMs = 0;
  deviations: Deviations = noDeviations();
  private readonly queue: Fault[] = [];

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`latency must be a non-negative number, got ${ms}`);
    this.latencyMs = ms;
  }

  failNext(status: 500 | 503, count = 1): void {
    if (status !== 500 && status !== 503)
      throw new RangeError(`failNext supports 500 and 503, got ${String(status)}`);
    this.enqueue({ kind: 'fail', status }, count);
  }

  nonJsonNext(count = 1): void {
    this.enqueue({ kind: 'nonJson' }, count);
  }

  dropNext(count = 1): void {
    this.enqueue({ kind: 'drop' }, count);
  }

  emptyBodyNext(count = 1): void {
    this.enqueue({ kind: 'emptyBody' }, count);
  }

  omitSigningKey(): void {
    this.deviations.omitSigningKey = true;
  }

  ignoreCallFields(): void {
    this.deviations.ignoreCallFields = true;
  }

  renameEnvelope(key: string, renamed: string): void {
    if (!key || !renamed || key === renamed)
      throw new RangeError(`rename needs a list key and a new name, got ${key} ${renamed}`);
    this.deviations.renamedEnvelope = { key, renamed };
  }

  reset(): void {
    this.latencyMs = 0;
    this.queue.length = 0;
    this.deviations = noDeviations();
  }

  /** The request as the deviations have the server read it (`fields=` dropped on calls.json). */
  deviateRequest(url: URL): URL {
    if (!this.deviations.ignoreCallFields || !url.pathname.endsWith('/calls.json')) return url;
    const read = new URL(url);
    read.searchParams.delete('fields');
    return read;
  }

  /** A JSON answer body as the deviations change it. */
  deviateAnswer(pathname: string, body: unknown): unknown {
    const { omitSigningKey, renamedEnvelope } = this.deviations;
    let answer = body;
    if (omitSigningKey && INTEGRATION_PATH.test(pathname) && isRecord(answer)) {
      answer = Array.isArray(answer.integrations)
        ? { ...answer, integrations: answer.integrations.map(withoutSigningKey) }
        : withoutSigningKey(answer);
    }
    if (renamedEnvelope && isRecord(answer) && Array.isArray(answer[renamedEnvelope.key])) {
      const { [renamedEnvelope.key]: items, ...rest } = answer;
      answer = { ...rest, [renamedEnvelope.renamed]: items };
    }
    return answer;
  }

  /** The fault for the request now arriving, if any. */
  take(): Fault | undefined {
    return this.queue.shift();
  }

  get pending(): number {
    return this.queue.length;
  }

  private enqueue(fault: Fault, count: number): void {
    for (let i = checkCount(count); i > 0; i -= 1) this.queue.push(fault);
  }
}
