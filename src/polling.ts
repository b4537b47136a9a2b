import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE } from './callrailFacts';
import { callRail, itemsOf, type QueryValue } from './client';

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
}

/** The first page of the newest items; with `before`, of the items that happened before it. */
export type PageFrom<T> = (before?: string) => Promise<ListPage<T>>;

/** Zapier stops a poll after 30 seconds; leave room for the rest of the run. */
export const POLL_TIME_BUDGET_MS = 20_000;
/** How long a poll's state is kept for the next poll. */
const STATE_TTL_SECONDS = 24 * 60 * 60;

/**
 * What a poll remembers for the next one (per Zap): the newest item it returned, and what a burst
 * left unread (the items before `before`, back to `since`).
 */
interface PollState {
  newest?: number;
  backlog?: { before: string; since: number };
}

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

/** One record per Zap (and its inputs): two Zaps never share what is left to read. */
const stateKey = (bundle: Bundle, what: string) =>
  `poll:${what}:${String(bundle.meta?.zap?.id ?? '')}:${JSON.stringify(bundle.inputData ?? {})}`;

const readState = async (z: ZObject, key: string): Promise<PollState> => {
  const stored = ((await z.cache.get(key)) ?? {}) as PollState;
  const backlog = stored.backlog;
  return {
    ...(typeof stored.newest === 'number' ? { newest: stored.newest } : {}),
    ...(typeof backlog?.before === 'string' && typeof backlog.since === 'number'
      ? { backlog: { before: backlog.before, since: backlog.since } }
      : {}),
  };
};

/**
 * Items newest first, across as many pages as a burst needs: back to what the previous poll
 * already returned (or the look-back window), up to POLL_MAX_PAGES pages and the time budget.
 * What a burst leaves unread is kept, and the next polls read it with the pages their own
 * newest items leave over, so nothing is dropped.
 */
export const readNewest = async <T>(
  z: ZObject,
  bundle: Bundle,
  pageFrom: PageFrom<T>,
  options: PollOptions<T>,
): Promise<T[]> => {
  const first = await pageFrom();
  if (!options.followBursts) return first.items;
  const deadline = Date.now() + POLL_TIME_BUDGET_MS;
  const key = stateKey(bundle, options.what);
  const state = await readState(z, key);
  const since = Math.max(
    Date.now() - LOOK_BACK_MINUTES * 60_000,
    (state.newest ?? -Infinity) - RELISTED_MINUTES * 60_000,
  );
  // A backlog gets half the pages of every poll until it is read.
  const freshPages = state.backlog ? Math.ceil(POLL_MAX_PAGES / 2) : POLL_MAX_PAGES;
  const fresh = await follow(first, { since, deadline, maxPages: freshPages }, options);
  let items = fresh.items;
  let backlog = state.backlog;
  if (fresh.cut) {
    const oldest = Math.min(...timesOf(fresh.items, options.timeOf));
    backlog = {
      before: new Date(Number.isFinite(oldest) ? oldest : Date.now()).toISOString(),
      since: Math.min(backlog?.since ?? since, since),
    };
  } else if (backlog) {
    const older = await follow(
      await pageFrom(backlog.before),
      { since: backlog.since, deadline, maxPages: POLL_MAX_PAGES - fresh.pages },
      options,
    );
    items = [...items, ...older.items];
    const oldest = Math.min(...timesOf(older.items, options.timeOf));
    backlog =
      older.cut && Number.isFinite(oldest)
        ? { before: new Date(oldest).toISOString(), since: backlog.since }
        : undefined;
  }
  if (backlog) {
    z.console.log(
      `Read ${items.length} ${options.what}; the ones before ${backlog.before} are read by the next poll.`,
    );
  }
  const newest = Math.max(state.newest ?? -Infinity, ...timesOf(items, options.timeOf));
  const next: PollState = {
    ...(Number.isFinite(newest) ? { newest } : {}),
    ...(backlog ? { backlog } : {}),
  };
  await z.cache.set(key, next, STATE_TTL_SECONDS, ['auth']);
  return items;
};

/** Drops repeats: relative pagination can overlap when items arrive between pages. */
export const uniqueById = <T extends { id: string }>(items: T[]): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => item.id !== '' && !seen.has(item.id) && Boolean(seen.add(item.id)));
};

/**
 * One page of an offset-paginated list (every list but calls), with the request for the next
 * page while CallRail says there is one (`total_pages`, or a full page when it does not say).
 */
export const offsetListPage = async <T extends { id?: unknown }>(
  z: ZObject,
  bundle: Bundle,
  list: {
    path: string;
    key: string;
    endpoint: string;
    action: string;
    params: Record<string, QueryValue>;
    pageSize: number;
    page?: number;
  },
): Promise<ListPage<T>> => {
  const page = list.page ?? 1;
  const body = await callRail<{ total_pages?: unknown }>(z, bundle, {
    path: list.path,
    params: { ...list.params, per_page: list.pageSize, page: page > 1 ? page : undefined },
    context: { action: list.action },
  });
  const items = itemsOf<T>(z, body, list.key, list.endpoint);
  const totalPages = typeof body.total_pages === 'number' ? body.total_pages : undefined;
  const more = totalPages === undefined ? items.length >= list.pageSize : page < totalPages;
  return {
    items,
    next: more ? () => offsetListPage<T>(z, bundle, { ...list, page: page + 1 }) : null,
  };
};

/** Up to `maxPages` pages from the first, for searches that match rows themselves. */
export const readPages = async <T>(first: ListPage<T>, maxPages: number): Promise<T[]> => {
  const items = [...first.items];
  let page = first;
  for (let pages = 1; pages < maxPages && page.next; pages += 1) {
    page = await page.next();
    items.push(...page.items);
  }
  return items;
};
