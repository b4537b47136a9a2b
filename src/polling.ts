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
  /** What is listed, for the log line when a poll stops short of the window. */
  what: string;
}

const isInsideWindow = (time: number, since: number) => !Number.isFinite(time) || time >= since;

export const isLoadingSample = (bundle: Bundle): boolean => bundle.meta?.isLoadingSample === true;

/** Items newest first, across as many pages as the burst needs. */
export const readNewest = async <T>(
  z: ZObject,
  first: ListPage<T>,
  { timeOf, pageSize, followBursts, what }: PollOptions<T>,
): Promise<T[]> => {
  const since = Date.now() - LOOK_BACK_MINUTES * 60_000;
  const items: T[] = [];
  let page = first;
  for (let pages = 1; ; pages += 1) {
    items.push(...page.items);
    const oldest = page.items[page.items.length - 1];
    const pageIsNew =
      page.items.length >= pageSize &&
      oldest !== undefined &&
      isInsideWindow(timeOf(oldest), since);
    if (!followBursts || !pageIsNew || !page.next) break;
    if (pages >= POLL_MAX_PAGES) {
      z.console.log(
        `Read ${items.length} ${what} in ${pages} pages and stopped: older ones in the last ${LOOK_BACK_MINUTES} minutes were not read in this poll.`,
      );
      break;
    }
    page = await page.next();
  }
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
