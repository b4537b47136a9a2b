import type { Bundle, ZObject } from 'zapier-platform-core';

import type { Raw } from './fieldTable';
import type { ListPage } from './polling';
import { readNewest, SAMPLE_PAGE_SIZE } from './polling';

/**
 * Which of CallRail's pages a dropdown asks for: `number` for offset pagination (1-based
 * `page`), `offset` for the relative pagination of calls (0-based). Only the dropdown builder
 * makes one, from Zapier's `bundle.meta.page`.
 */
export interface CallRailPage {
  number: number;
  offset: number;
}

export interface PageRequest {
  pageSize: number;
  /** Only items that happened before this time (a poll reading what a burst left). */
  before?: string | undefined;
  page?: CallRailPage | undefined;
}

/**
 * A resource's "recent items" request, declared once in its `requests.ts` and used by its
 * polling trigger, its instant trigger's samples and its dropdown. `Q` is what the trigger's
 * inputs ask for (filters, a company).
 */
export interface RecentItems<Q, O> {
  /** What is listed, for log lines and the poll's record. */
  what: string;
  /** One page of raw rows, newest first. */
  pageFrom: (z: ZObject, bundle: Bundle, query: Q, request: PageRequest) => Promise<ListPage<Raw>>;
  /** When a row happened, in epoch milliseconds (NaN when unknown). */
  timeOf: (row: Raw) => number;
  /** Whether a row is done; a poll holds the others back until it is (default: every row is). */
  isSettled?: (row: Raw) => boolean;
  /** Rows to outputs: normalised, each once, newest first, filters CallRail may ignore re-checked. */
  outputs: (rows: Raw[], query: Q) => O[];
}

export interface RecentRequest {
  pageSize: number;
  /** Follow further pages while a whole page is still new (polls only). */
  followBursts: boolean;
  page?: CallRailPage;
}

/** What samples and the polling twins of instant triggers read: a few recent items. */
export const SAMPLE_REQUEST: RecentRequest = { pageSize: SAMPLE_PAGE_SIZE, followBursts: false };

/** The one recent-items fetch: polls, samples and dropdowns of every resource that has one. */
export const fetchRecent = async <Q, O>(
  z: ZObject,
  bundle: Bundle,
  recent: RecentItems<Q, O>,
  query: Q,
  { pageSize, followBursts, page }: RecentRequest,
): Promise<O[]> => {
  const rows = await readNewest(
    z,
    bundle,
    (before) => recent.pageFrom(z, bundle, query, { pageSize, before, page }),
    {
      timeOf: recent.timeOf,
      pageSize,
      followBursts,
      what: recent.what,
      ...(recent.isSettled ? { isSettled: recent.isSettled } : {}),
    },
  );
  return recent.outputs(rows, query);
};
