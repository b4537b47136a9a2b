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
  /** no latency, nothing queued */
  reset(): void;
}

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

  reset(): void {
    this.latencyMs = 0;
    this.queue.length = 0;
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
