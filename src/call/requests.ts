import type { Bundle, ZObject } from 'zapier-platform-core';

import { FIRST_TIME_CALLERS_PARAM, OUTBOUND_CALL_LIMITS, RETENTION_MONTHS } from '../callrailFacts';
import { callRail, callRailResponse, itemsOf, segment } from '../client';
import { asNames, presentValues, recordOf, type Raw } from '../fieldTable';
import { tagBodyOf, type TagEdit } from '../tag/changes';
import { callResource, type CallOutput } from './resource';

/** Asking beyond CallRail's retention is an error, so searches stop a month short of it. */
export const SEARCH_WINDOW_MONTHS = RETENTION_MONTHS - 1;

export const CALL_LIST_ENDPOINT = 'the call list (calls.json)';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
export const daysAgo = (days: number) => isoDate(new Date(Date.now() - days * 86_400_000));
export const monthsAgo = (months: number) => {
  const date = new Date(Date.now());
  date.setUTCMonth(date.getUTCMonth() - months);
  return isoDate(date);
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
    firstTimeOnly,
    limit,
  }: {
    digits: string;
    companyId?: string;
    from?: string;
    to?: string;
    firstTimeOnly?: boolean;
    limit: number;
  },
): Promise<CallOutput[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'calls.json',
    params: {
      search: digits,
      company_id: companyId,
      start_date: from ?? monthsAgo(SEARCH_WINDOW_MONTHS),
      end_date: to,
      ...(firstTimeOnly ? { [FIRST_TIME_CALLERS_PARAM]: true } : {}),
      sort: 'start_time',
      order: 'desc',
      per_page: limit,
      fields: callResource.requestedFields,
    },
    context: { action: 'search calls' },
  });
  // `search` also matches names and notes; keep calls whose customer number is this number.
  return itemsOf<Raw>(z, body, 'calls', CALL_LIST_ENDPOINT)
    .map(callResource.normalize)
    .filter(
      (call) =>
        String(call.customer_phone_number ?? '')
          .replace(/\D/g, '')
          .endsWith(digits) &&
        (!firstTimeOnly || call.first_call === true),
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
