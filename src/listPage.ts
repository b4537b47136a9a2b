import type { Bundle, ZObject } from 'zapier-platform-core';

import { callRail, itemsOf, type QueryValue } from './client';
import type { ListPage } from './polling';

/** Paging shared by every list: one page of an offset-paginated list, repeats dropped. */

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
