import type { Bundle, ZObject } from 'zapier-platform-core';

import { CALL_IN_PROGRESS_FIELDS } from '../callrailFacts';
import { callRail, itemsOf } from '../client';
import type { Raw } from '../fieldTable';
import { uniqueById } from '../listPage';
import type { ListPage } from '../polling';
import type { RecentItems } from '../recentItems';
import { callFilterParams, matchesCallFilters, type CallFilters } from './filters';
import { CALL_LIST_ENDPOINT, daysAgo } from './requests';
import { callResource, type CallOutput } from './resource';

/** How far back a poll looks for a sample: long enough to find one, short enough to be cheap. */
export const POLL_WINDOW_DAYS = 7;

type RelativePage = { has_next_page?: boolean; next_page?: string | null };

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
    items: itemsOf<Raw>(z, body, 'calls', CALL_LIST_ENDPOINT),
    next: next ? () => relativePage(z, bundle, { url: next }) : null,
  };
};

/** [INF] A call still ringing or in progress: `answered` or `duration` not known yet. */
const isCallSettled = (row: Raw): boolean =>
  CALL_IN_PROGRESS_FIELDS.every((key) => row[key] !== undefined && row[key] !== null);

/**
 * Newest calls first, through relative pagination (CallRail's recommended way to list calls),
 * with every field the call resource outputs. A poll holds a call in progress until it ends.
 */
export const recentCalls: RecentItems<CallFilters, CallOutput> = {
  what: 'calls',
  pageFrom: (z, bundle, filters, { pageSize, before, page }) =>
    relativePage(z, bundle, {
      params: {
        relative_pagination: true,
        per_page: pageSize,
        offset: page?.offset || undefined,
        sort: 'start_time',
        order: 'desc',
        start_date: daysAgo(POLL_WINDOW_DAYS),
        fields: callResource.requestedFields,
        ...callFilterParams(filters),
        end_date: before,
      },
    }),
  timeOf: (call) => Date.parse(String(call.start_time)),
  isSettled: isCallSettled,
  outputs: (rows, filters) =>
    uniqueById(rows.map(callResource.normalize)).filter((call) =>
      matchesCallFilters(call, filters),
    ),
};
