import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE } from './callrailFacts';
import { readState, stateKey, writeState, type PollState } from './pollState';

/**
 * How every polling trigger reads "what is new": newest first, a full page at a time, following
 * further pages while they still hold items inside the look-back window, so a burst larger than
 * a page is not cut off. Zapier dedupes on the id, so returning items it has seen costs nothing.
 */

/** Longer than Zapier's slowest polling interval (15 minutes), with room for a late poll. */
export const LOOK_BACK_MINUTES = 60;
export const POLL_PAGE_SIZE = MAX_PER_PAGE;
/** 24 pages of 250: a burst of 6,000 items in one poll, well inside Zapier's 30 seconds. */
export const POLL_MAX_PAGES = 24;
/** Sample loading and dropdowns want a few recent items, not a burst. */
export const SAMPLE_PAGE_SIZE = 10;

export interface ListPage<T> {
  items: T[];
  /** The request for the following page, or null on the last one. */
  next: (() => Promise<ListPage<T>>) | null;
}

export interface PollOptions<T> {
  /** When the item happened, in epoch milliseconds (NaN when unknown). */
  timeOf: (item: T) => number;
  pageSize: number;
  /** Follow pages at all (off for samples and dropdowns). */
  followBursts: boolean;
  /** What is listed, for the log line and the catch-up record. */
  what: string;
  /**
   * Whether an item is done (default: every item is). One that is not yet (a call still in
   * progress) is held: left out of the poll, and read back to by every later poll until it is.
   */
  isSettled?: (item: T) => boolean;
}

/** The first page of the newest items; with `before`, of the items that happened before it. */
export type PageFrom<T> = (before?: string) => Promise<ListPage<T>>;

/** Zapier stops a poll after 30 seconds; leave room for the rest of the run. */
export const POLL_TIME_BUDGET_MS = 20_000;

/**
 * Items are listed late (a call once it ends), so a poll reads back this far past the newest item
 * the previous poll returned; Zapier drops the repeats.
 */
export const RELISTED_MINUTES = 15;

const isInsideWindow = (time: number, since: number) => !Number.isFinite(time) || time >= since;

export const isLoadingSample = (bundle: Bundle): boolean => bundle.meta?.isLoadingSample === true;

interface Followed<T> {
  items: T[];
  pages: number;
  /** Stopped by the page budget or the time limit while items inside the window remained. */
  cut: boolean;
}

const follow = async <T>(
  first: ListPage<T>,
  { since, deadline, maxPages }: { since: number; deadline: number; maxPages: number },
  { timeOf, pageSize }: PollOptions<T>,
): Promise<Followed<T>> => {
  const items: T[] = [];
  let page = first;
  for (let pages = 1; ; pages += 1) {
    items.push(...page.items);
    const oldest = page.items[page.items.length - 1];
    const pageIsNew =
      page.items.length >= pageSize &&
      oldest !== undefined &&
      isInsideWindow(timeOf(oldest), since);
    if (!pageIsNew || !page.next) return { items, pages, cut: false };
    if (pages >= maxPages || Date.now() >= deadline) return { items, pages, cut: true };
    page = await page.next();
  }
};

const timesOf = <T>(items: readonly T[], timeOf: (item: T) => number) =>
  items.map(timeOf).filter(Number.isFinite);

/** How far back this poll reads: past the newest item returned, and back to any item held. */
const sinceOf = ({ newest, waiting }: PollState): number =>
  Math.min(
    Math.max(
      Date.now() - LOOK_BACK_MINUTES * 60_000,
      (newest ?? -Infinity) - RELISTED_MINUTES * 60_000,
    ),
    waiting ?? Infinity,
  );

const backlogBefore = (time: number) =>
  new Date(Number.isFinite(time) ? time : Date.now()).toISOString();

/**
 * This poll's pages: the new ones back to `since`, then, with the pages left, what an earlier
 * burst left unread. What is still unread after them is the backlog for the next poll.
 */
const readPolled = async <T>(
  first: ListPage<T>,
  pageFrom: PageFrom<T>,
  state: PollState,
  options: PollOptions<T>,
): Promise<{ items: T[]; backlog: PollState['backlog'] }> => {
  const deadline = Date.now() + POLL_TIME_BUDGET_MS;
  const since = sinceOf(state);
  // A backlog gets half the pages of every poll until it is read.
  const freshPages = state.backlog ? Math.ceil(POLL_MAX_PAGES / 2) : POLL_MAX_PAGES;
  const fresh = await follow(first, { since, deadline, maxPages: freshPages }, options);
  const { backlog } = state;
  if (fresh.cut) {
    const oldest = Math.min(...timesOf(fresh.items, options.timeOf));
    const backlogSince = Math.min(backlog?.since ?? since, since);
    return { items: fresh.items, backlog: { before: backlogBefore(oldest), since: backlogSince } };
  }
  if (!backlog) return { items: fresh.items, backlog: undefined };
  const older = await follow(
    await pageFrom(backlog.before),
    { since: backlog.since, deadline, maxPages: POLL_MAX_PAGES - fresh.pages },
    options,
  );
  const oldest = Math.min(...timesOf(older.items, options.timeOf));
  return {
    items: [...fresh.items, ...older.items],
    backlog:
      older.cut && Number.isFinite(oldest)
        ? { before: new Date(oldest).toISOString(), since: backlog.since }
        : undefined,
  };
};

/**
 * Items newest first, across as many pages as a burst needs: back to what the previous poll
 * already returned (or the look-back window, or the oldest item still held), up to
 * POLL_MAX_PAGES pages and the time budget. What a burst leaves unread is kept, and the next
 * polls read it with the pages their own newest items leave over, so nothing is dropped. Items
 * not settled yet are held back until a later poll finds them settled.
 */
export const readNewest = async <T>(
  z: ZObject,
  bundle: Bundle,
  pageFrom: PageFrom<T>,
  options: PollOptions<T>,
): Promise<T[]> => {
  const first = await pageFrom();
  if (!options.followBursts) return first.items;
  const key = stateKey(bundle, options.what);
  const state = await readState(z, key);
  const { items, backlog } = await readPolled(first, pageFrom, state, options);
  const isSettled = options.isSettled ?? (() => true);
  const settled = items.filter(isSettled);
  const held = items.filter((item) => !isSettled(item));
  // A held item the backlog has not reached yet is still waited for.
  const waiting = Math.min(
    ...timesOf(held, options.timeOf),
    backlog ? (state.waiting ?? Infinity) : Infinity,
  );
  const newest = Math.max(state.newest ?? -Infinity, ...timesOf(settled, options.timeOf));
  if (backlog) {
    z.console.log(
      `Read ${items.length} ${options.what}; the ones before ${backlog.before} are read by the next poll.`,
    );
  }
  if (held.length > 0) {
    z.console.log(
      `Held ${held.length} of the ${options.what} listed, not finished yet, for a later poll.`,
    );
  }
  const next: PollState = {
    ...(Number.isFinite(newest) ? { newest } : {}),
    ...(backlog ? { backlog } : {}),
    ...(Number.isFinite(waiting) ? { waiting } : {}),
  };
  await writeState(z, key, next);
  return settled;
};
