import type { Bundle, ZObject } from 'zapier-platform-core';

/** What a poll keeps for the next one, per Zap, in Zapier's cache. */

/** How long a poll's state is kept for the next poll. */
const STATE_TTL_SECONDS = 24 * 60 * 60;

/** An item held for longer than this is given up: every poll would otherwise read back to it. */
export const WAITING_MAX_HOURS = 24;

/**
 * What a poll remembers for the next one (per Zap): the newest item it returned, what a burst
 * left unread (the items before `before`, back to `since`), and when the oldest item it holds
 * back because it is not settled yet happened (`waiting`).
 */
export interface PollState {
  newest?: number;
  backlog?: { before: string; since: number };
  waiting?: number;
}

/** One record per Zap (and its inputs): two Zaps never share what is left to read. */
export const stateKey = (bundle: Bundle, what: string) =>
  `poll:${what}:${String(bundle.meta?.zap?.id ?? '')}:${JSON.stringify(bundle.inputData ?? {})}`;

export const readState = async (z: ZObject, key: string): Promise<PollState> => {
  const stored = ((await z.cache.get(key)) ?? {}) as PollState;
  const { backlog, waiting } = stored;
  return {
    ...(typeof stored.newest === 'number' ? { newest: stored.newest } : {}),
    ...(typeof backlog?.before === 'string' && typeof backlog.since === 'number'
      ? { backlog: { before: backlog.before, since: backlog.since } }
      : {}),
    ...(typeof waiting === 'number' && waiting >= Date.now() - WAITING_MAX_HOURS * 3_600_000
      ? { waiting }
      : {}),
  };
};

export const writeState = (z: ZObject, key: string, state: PollState) =>
  z.cache.set(key, state, STATE_TTL_SECONDS, ['auth']);
