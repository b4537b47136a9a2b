import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE } from './callrailFacts';

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
