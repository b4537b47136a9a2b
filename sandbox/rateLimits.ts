import { HOUR_MS } from './time';

/**
 * CallRail's per-account hourly limits as rolling windows on the sandbox clock, so a test can
 * exhaust a tiny limit and then move the clock on an hour instead of waiting.
 */

export interface RateLimitOptions {
  /** every request, per account; CallRail's default is 1,000/hour */
  generalPerHour?: number;
  /** POST text-messages, per account; CallRail's default is 150/hour */
  textsPerHour?: number;
  /** POST calls.json (outbound calls), per account; CallRail's default is 100/hour */
  outboundCallsPerHour?: number;
}

export const DEFAULT_LIMITS = {
  generalPerHour: 1000,
  textsPerHour: 150,
  outboundCallsPerHour: 100,
} as const;

export class RateLimiter {
  readonly generalPerHour: number;
  readonly textsPerHour: number;
  readonly outboundCallsPerHour: number;
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly now: () => Date,
    options: RateLimitOptions = {},
  ) {
    this.generalPerHour = options.generalPerHour ?? DEFAULT_LIMITS.generalPerHour;
    this.textsPerHour = options.textsPerHour ?? DEFAULT_LIMITS.textsPerHour;
    this.outboundCallsPerHour = options.outboundCallsPerHour ?? DEFAULT_LIMITS.outboundCallsPerHour;
  }

  /** Requests counted in the last hour for a bucket ("general:ACC…", "texts:ACC…"). */
  used(bucket: string): number {
    return this.recent(bucket).length;
  }

  /** Counts one request if the bucket has room; false means answer 429. Refused requests do not count. */
  take(bucket: string, limit: number): boolean {
    const hits = this.recent(bucket);
    if (hits.length >= limit) return false;
    hits.push(this.now().getTime());
    return true;
  }

  reset(): void {
    this.windows.clear();
  }

  private recent(bucket: string): number[] {
    const cutoff = this.now().getTime() - HOUR_MS;
    const hits = (this.windows.get(bucket) ?? []).filter((t) => t > cutoff);
    this.windows.set(bucket, hits);
    return hits;
  }
}
