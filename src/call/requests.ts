import type { Bundle, ZObject } from 'zapier-platform-core';

import { OUTBOUND_CALL_LIMITS, RETENTION_MONTHS } from '../callrailFacts';
import { callRail, callRailResponse, itemsOf, segment } from '../client';
import { asNames, presentValues, recordOf, type Raw } from '../fieldTable';
import { readNewest, uniqueById, type ListPage } from '../polling';
import { tagBodyOf, type TagEdit } from '../tag/changes';
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
  const params = {
    relative_pagination: true,
    per_page: pageSize,
    offset: offset || undefined,
    sort: 'start_time',
    order: 'desc',
    start_date: daysAgo(POLL_WINDOW_DAYS),
    fields: callResource.requestedFields,
    ...callFilterParams(filters),
  };
  const calls = await readNewest(
    z,
    bundle,
    (before) => relativePage(z, bundle, { params: { ...params, end_date: before } }),
    {
      timeOf: (call) => Date.parse(String(call.start_time)),
      pageSize,
      followBursts,
      what: 'calls',
    },
  );
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

/** What Update Call changes; anything left out stays as it is. */
export interface CallUpdate {
  tags: TagEdit;
  /** `""` clears the note: CallRail's way, and only ever from the explicit Clear Note choice. */
  note?: string;
  lead_status?: 'good_lead' | 'not_a_lead';
  customer_name?: string;
  spam?: true;
  value?: string;
}

const CALL_NOT_FOUND_HINT =
  'Choose the call from the dropdown, or map its ID (CAL…) from an earlier step of this Zap.';

/** The call's tags now: one read, needed only to remove tags (CallRail cannot remove one). */
const currentTags = async (z: ZObject, bundle: Bundle, callId: string): Promise<string[]> => {
  const call = await callRail<unknown>(z, bundle, {
    path: `calls/${segment(callId)}.json`,
    params: { fields: 'tags' },
    context: {
      action: "read the call's tags",
      resource: `call ${callId}`,
      notFoundHint: CALL_NOT_FOUND_HINT,
    },
  });
  return asNames(recordOf(call).tags);
};

/**
 * One PUT, sent once (never retried: CallRail has no idempotency keys), after at most one read.
 * The output is what was sent, completed by CallRail's answer, so an empty answer still yields
 * the call as far as it is known.
 */
export const updateCall = async (
  z: ZObject,
  bundle: Bundle,
  callId: string,
  update: CallUpdate,
): Promise<CallOutput> => {
  const { tags, ...fields } = update;
  const tagBody = await tagBodyOf(tags, () => currentTags(z, bundle, callId));
  const body = { ...tagBody, ...fields };
  const answer = await callRail<unknown>(z, bundle, {
    method: 'PUT',
    path: `calls/${segment(callId)}.json`,
    params: { fields: callResource.requestedFields },
    body,
    context: {
      action: 'update the call',
      resource: `call ${callId}`,
      isWrite: true,
      notFoundHint: CALL_NOT_FOUND_HINT,
    },
  });
  // With `append_tags` and a bare answer, the tags known are only the ones added.
  return callResource.normalize({ id: callId, ...body, ...presentValues(answer) });
};

/** An outbound call to place: numbers in E.164, the caller ID as the decision in callrailFacts. */
export interface OutboundCall {
  companyId: string;
  callerId: string;
  customerNumber: string;
  businessNumber: string;
  agentId?: string | undefined;
  recordingEnabled?: boolean | undefined;
  greetingText?: string | undefined;
}

/** POST calls.json: CallRail rings the business number, then the customer. Sent once. */
export const placeOutboundCall = async (
  z: ZObject,
  bundle: Bundle,
  call: OutboundCall,
): Promise<CallOutput> => {
  const answer = await callRail<unknown>(z, bundle, {
    method: 'POST',
    path: 'calls.json',
    params: { fields: callResource.requestedFields },
    body: {
      caller_id: call.callerId,
      customer_phone_number: call.customerNumber,
      business_phone_number: call.businessNumber,
      ...(call.agentId === undefined ? {} : { agent_id: call.agentId }),
      ...(call.recordingEnabled === undefined ? {} : { recording_enabled: call.recordingEnabled }),
      ...(call.greetingText === undefined ? {} : { outbound_greeting_text: call.greetingText }),
    },
    context: {
      action: 'place the call',
      resource: `caller ID ${call.callerId} or agent ${call.agentId ?? '(none)'}`,
      isWrite: true,
      notFoundHint: "Choose the caller ID and agent from the dropdowns, after the call's company.",
      forbiddenHint:
        "The API key's user may not place calls: ask a CallRail admin to check the user's role, or connect with an admin's key.",
      throttleHint: `CallRail allows ${OUTBOUND_CALL_LIMITS.perHour} outbound calls an hour and ${OUTBOUND_CALL_LIMITS.perDay.toLocaleString('en-US')} a day per account`,
    },
  });
  return callResource.normalize({
    direction: 'outbound',
    company_id: call.companyId,
    tracking_phone_number: call.callerId,
    customer_phone_number: call.customerNumber,
    business_phone_number: call.businessNumber,
    ...presentValues(answer),
  });
};
