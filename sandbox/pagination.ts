import type { ApiResponse, RequestContext } from './http';
import { ApiError } from './http';
import type { Json } from './types';

/**
 * Offset pagination, CallRail's default for every list. `per_page` above the documented cap is
 * rejected rather than clamped, so an app that asks for too much finds out here, not in production.
 */

export const DEFAULT_PER_PAGE = 100;
export const MAX_PER_PAGE = 250;

/** Positive integers only; anything else falls back like Rails' `to_i` would leave it unusable. */
function positiveInt(raw: string | null, fallback: number): number {
  if (raw === null || !/^\d+$/.test(raw.trim())) return fallback;
  const value = Number(raw);
  return value >= 1 ? value : fallback;
}

export function perPage(ctx: RequestContext): number {
  const value = positiveInt(ctx.query.get('per_page'), DEFAULT_PER_PAGE);
  if (value > MAX_PER_PAGE)
    throw new ApiError(400, `per_page must be less than or equal to ${MAX_PER_PAGE}`);
  return value;
}

/** `{page, per_page, total_pages, total_records, <key>: [...]}` plus an RFC 5988 `Link: rel="next"`. */
export function offsetPage<T>(
  ctx: RequestContext,
  items: readonly T[],
  key: string,
  view: (item: T) => Json,
): ApiResponse {
  const size = perPage(ctx);
  const page = positiveInt(ctx.query.get('page'), 1);
  const totalPages = Math.ceil(items.length / size);
  const slice = items.slice((page - 1) * size, page * size);
  const headers: Record<string, string> = {};
  if (page < totalPages) {
    const next = new URL(ctx.url);
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  return {
    status: 200,
    headers,
    body: {
      page,
      per_page: size,
      total_pages: totalPages,
      total_records: items.length,
      [key]: slice.map(view),
    },
  };
}

export type SortOrder = 'asc' | 'desc';

/** `order=asc|desc`; anything else keeps the endpoint's default. */
export function sortOrder(ctx: RequestContext, fallback: SortOrder): SortOrder {
  const order = ctx.query.get('order')?.toLowerCase();
  return order === 'asc' || order === 'desc' ? order : fallback;
}

/** Compares strings case-insensitively, nulls last, for alphabetical sorts. */
export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}
