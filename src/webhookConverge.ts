import type { Bundle, ZObject } from 'zapier-platform-core';

import type { Integration } from './callrailTypes';
import { findIntegration, readIntegration } from './webhookRequests';

/**
 * CallRail has no compare-and-set: every subscriber reads the config, merges its URLs and PUTs
 * the whole config back, so a Zap that read a moment before our write can store a config without
 * our URL. Such a competing write lands about one round trip after its read, so after each write
 * we wait longer than that (a settle delay scaled from this run's slowest request, jittered so
 * that racing Zaps drift apart), then read again: what that read shows is what stays. If our
 * change is not there, it is merged into that fresh config and written again, within bounds.
 */
export const webhookTiming = {
  /** How long to wait after a write before reading it back, given the slowest request so far. */
  settleMs: (slowestMs: number): number => {
    const base = Math.min(Math.max(3 * slowestMs, 100), 3_000);
    return base + Math.random() * base;
  },
  /** Writes at most, per subscribe or unsubscribe. */
  maxWrites: 8,
  /** No further write is started when it could not be verified within this. */
  maxTotalMs: 20_000,
  sleep: (ms: number): Promise<void> =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
};

/** Times every request of one subscribe or unsubscribe, for the settle delay and the deadline. */
export const stopwatch = () => {
  const started = Date.now();
  let slowest = 0;
  return {
    time: async <T>(request: Promise<T>): Promise<T> => {
      const sent = Date.now();
      try {
        return await request;
      } finally {
        slowest = Math.max(slowest, Date.now() - sent);
      }
    },
    settleMs: () => webhookTiming.settleMs(slowest),
    /** Whether another write, its settle delay and its read fit in the time left. */
    hasTimeFor: (settleMs: number) =>
      Date.now() - started + settleMs + 2 * slowest <= webhookTiming.maxTotalMs,
  };
};

type Stopwatch = ReturnType<typeof stopwatch>;

/** One write of a converge loop: what it wrote, or (nothing written) the integration to retry on. */
type Written = { written: Integration } | { retry: Integration | undefined };

interface Convergence<R> {
  companyId: string | undefined;
  /** Writes the change into this integration's config (or creates one when there is none). */
  write: (integration: Integration | undefined) => Promise<Written>;
  /** The result when the read-back shows the change kept, else undefined. */
  kept: (current: Integration | undefined, written: Integration) => R | undefined;
}

/**
 * Write, settle, read back; while the read-back lacks the change, write it again into that fresh
 * config, up to `webhookTiming.maxWrites` writes within `webhookTiming.maxTotalMs`. Undefined
 * when the change did not stick in that time.
 */
export const converge = async <R>(
  z: ZObject,
  bundle: Bundle,
  watch: Stopwatch,
  first: Integration | undefined,
  { companyId, write, kept }: Convergence<R>,
): Promise<R | undefined> => {
  let integration = first;
  for (let writes = 1; writes <= webhookTiming.maxWrites; writes += 1) {
    const attempt = await write(integration);
    if ('retry' in attempt) {
      integration = attempt.retry;
      continue;
    }
    await webhookTiming.sleep(watch.settleMs());
    const current = await watch.time(readIntegration(z, bundle, attempt.written.id));
    // Gone: found again by company, if one is known.
    integration =
      current.status !== 404
        ? current.data
        : companyId
          ? await watch.time(findIntegration(z, bundle, companyId))
          : undefined;
    const result = kept(integration, attempt.written);
    if (result !== undefined) return result;
    if (!watch.hasTimeFor(watch.settleMs())) break;
  }
  return undefined;
};
