import type { ThrottleObject } from 'zapier-platform-core';

import { OUTBOUND_CALL_LIMITS, SMS_LIMITS, SMS_MAX_LENGTH } from './callrailFacts';

/**
 * Zapier holds a task over these limits before its perform runs, and runs it later (`retry`):
 * nothing is sent and then retried. Scoped to the connection (`auth`), which is one CallRail
 * account; an hour's window like CallRail's limits.
 */

const HOUR = 60 * 60;

/** Split Long Messages sends at most this many texts in one step. */
export const MAX_TEXTS_PER_SEND = 3;
export const MAX_SPLIT_LENGTH = MAX_TEXTS_PER_SEND * SMS_MAX_LENGTH;

/** Steps of Send SMS an hour: even all split to the most texts, within CallRail's texts an hour. */
export const SMS_THROTTLE = {
  window: HOUR,
  limit: Math.floor(SMS_LIMITS.perHour / MAX_TEXTS_PER_SEND),
  key: 'callrail_texts',
  scope: ['auth'],
  retry: true,
} satisfies ThrottleObject;

export const OUTBOUND_CALL_THROTTLE = {
  window: HOUR,
  limit: OUTBOUND_CALL_LIMITS.perHour,
  key: 'callrail_outbound_calls',
  scope: ['auth'],
  retry: true,
} satisfies ThrottleObject;
