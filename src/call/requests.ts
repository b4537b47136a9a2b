import type { Bundle, ZObject } from 'zapier-platform-core';

import { RETENTION_MONTHS } from '../callrailFacts';
import { callRail, callRailResponse, itemsOf, segment } from '../client';
import type { Raw } from '../fieldTable';
import { readNewest, uniqueById, type ListPage } from '../polling';
import { callFilterParams, matchesCallFilters, type CallFilters } from './filters';
import { callResource, type CallOutput } from './resource';

/** How far back a poll looks for a sample: long enough to find one, short enough to be cheap. */
export const POLL_WINDOW_DAYS = 7;
/** Asking beyond CallRail's retention is an error, so searches stop a month short of it. */
export const SEARCH_WINDOW_MONTHS = RETENTION_MONTHS - 1;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
export const daysAgo = (days: number) => isoDate(new Date(Date.now() - days * 86_400_000));
export const monthsAgo = (months: number) => {
  const date = new Date(Date.now());
  date.setUTCMonth(date.getUTCMonth() - months);
  return isoDate(date);
};

type RelativePage = { has_next_page?: boolean; next_page?: string | null };

const LIST_ENDPOINT = 'the call list (calls.json)';

const relativePage = async (
  z: ZObject,
  bundle: Bundle,
  request: { params?: Record<string, string | number | boolean | undefined>; url?: string },
): Promise<ListPage<Raw>> => {
  const body = await callRail<RelativePage>(z, bundle, {
    ...(request.url ? { url: request.url } : { path: 'calls.json', params: request.params }),
    context: { action: 'list recent calls' },
  });
  const next = body.has_next_page && body.next_page ? body.next_page : null;
  return {
    items: itemsOf<Raw>(z, body, 'calls', LIST_ENDPOINT),
    next: next ? () => relativePage(z, bundle, { url: next }) : null,
  };
};

export interface RecentCallsOptions {
  filters: CallFilters;
  pageSize: number;
  /** Follow further pages while a whole page is still inside the look-back window. */
  followBursts: boolean;
  /** Relative pagination's page number (0-based), for dropdowns that page. */
  offset?: number;
}

/**
 * Newest calls first, through relative pagination (CallRail's recommended way to list calls),
 * with every field the call resource outputs.
 */
export const fetchRecentCalls = async (
  z: ZObject,
  bundle: Bundle,
  { filters, pageSize, followBursts, offset }: RecentCallsOptions,
): Promise<CallOutput[]> => {
  const first = await relativePage(z, bundle, {
    params: {
      relative_pagination: true,
      per_page: pageSize,
      offset: offset || undefined,
      sort: 'start_time',
      order: 'desc',
      start_date: daysAgo(POLL_WINDOW_DAYS),
      fields: callResource.requestedFields,
      ...callFilterParams(filters),
    },
  });
  const calls = await readNewest(z, first, {
    timeOf: (call) => Date.parse(String(call.start_time)),
    pageSize,
    followBursts,
    what: 'calls',
  });
  return uniqueById(calls.map(callResource.normalize)).filter((call) =>
    matchesCallFilters(call, filters),
  );
};

/** One call by id, or null when CallRail has no such call. */
export const fetchCall = async (
  z: ZObject,
  bundle: Bundle,
  callId: string,
): Promise<CallOutput | null> => {
  const found = await callRailResponse<Raw>(z, bundle, {
    path: `calls/${segment(callId)}.json`,
    params: { fields: callResource.requestedFields },
    context: { action: 'find the call' },
    allowStatuses: [404],
  });
  return found.status === 404 ? null : callResource.normalize(found.data);
};

/** Calls whose customer number is `digits`, newest first. */
export const searchCallsByPhone = async (
  z: ZObject,
  bundle: Bundle,
  {
    digits,
    companyId,
    from,
    to,
    limit,
  }: { digits: string; companyId?: string; from?: string; to?: string; limit: number },
): Promise<CallOutput[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'calls.json',
    params: {
      search: digits,
      company_id: companyId,
      start_date: from ?? monthsAgo(SEARCH_WINDOW_MONTHS),
      end_date: to,
      sort: 'start_time',
      order: 'desc',
      per_page: limit,
      fields: callResource.requestedFields,
    },
    context: { action: 'search calls' },
  });
  // `search` also matches names and notes; keep calls whose customer number is this number.
  return itemsOf<Raw>(z, body, 'calls', LIST_ENDPOINT)
    .map(callResource.normalize)
    .filter((call) =>
      String(call.customer_phone_number ?? '')
        .replace(/\D/g, '')
        .endsWith(digits),
    );
};
