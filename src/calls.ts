import type { Bundle, ZObject } from 'zapier-platform-core';

import { callFilterParams, matchesCallFilters, type CallFilters } from './callFilters';
import { normalizeCall, type NormalizedCall } from './callPayload';
import { EXTRA_CALL_FIELDS } from './callrailFacts';
import type { Call } from './callrailTypes';
import { callRail } from './client';

/** How far back a poll looks: long enough to find a sample, bounded so a poll stays cheap. */
export const POLL_WINDOW_DAYS = 7;
export const POLL_PAGE_SIZE = 100;
/** A burst is a full page of calls all started within this window: more pages are followed. */
export const BURST_WINDOW_MINUTES = 60;
export const POLL_MAX_PAGES = 5;
export const SAMPLE_PAGE_SIZE = 10;

type RelativePage = { calls: Call[]; has_next_page?: boolean; next_page?: string | null };

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
export const daysAgo = (days: number) => isoDate(new Date(Date.now() - days * 86_400_000));
export const monthsAgo = (months: number) => {
  const date = new Date(Date.now());
  date.setUTCMonth(date.getUTCMonth() - months);
  return isoDate(date);
};

const startedSince = (call: Call, since: number) => {
  const started = Date.parse(call.start_time);
  return Number.isFinite(started) && started >= since;
};

export interface RecentCallsOptions {
  filters: CallFilters;
  pageSize: number;
  /** Follow further pages while a whole page came in within the burst window. */
  followBursts: boolean;
  /** Relative pagination's page number (0-based), for dropdowns that page. */
  offset?: number;
}

/**
 * Newest calls first, through relative pagination (CallRail's recommended way to list calls),
 * with the extra fields users filter and map on.
 */
export const fetchRecentCalls = async (
  z: ZObject,
  bundle: Bundle,
  { filters, pageSize, followBursts, offset }: RecentCallsOptions,
): Promise<NormalizedCall[]> => {
  const burstStart = Date.now() - BURST_WINDOW_MINUTES * 60_000;
  const calls: Call[] = [];
  let page = await callRail<RelativePage>(z, bundle, {
    path: 'calls.json',
    params: {
      relative_pagination: true,
      per_page: pageSize,
      offset: offset || undefined,
      sort: 'start_time',
      order: 'desc',
      start_date: daysAgo(POLL_WINDOW_DAYS),
      fields: EXTRA_CALL_FIELDS.join(','),
      ...callFilterParams(filters),
    },
    context: { action: 'list recent calls' },
  });
  for (let pages = 1; ; pages += 1) {
    calls.push(...page.calls);
    const burst =
      page.calls.length >= pageSize && page.calls.every((call) => startedSince(call, burstStart));
    if (
      !followBursts ||
      !burst ||
      !page.has_next_page ||
      !page.next_page ||
      pages >= POLL_MAX_PAGES
    )
      break;
    page = await callRail<RelativePage>(z, bundle, {
      url: page.next_page,
      context: { action: 'list recent calls' },
    });
  }
  const seen = new Set<string>();
  return calls
    .map(normalizeCall)
    .filter((call) => !seen.has(call.id) && seen.add(call.id) && matchesCallFilters(call, filters));
};
