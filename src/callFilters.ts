import type { Bundle, ZObject } from 'zapier-platform-core';

import type { NormalizedCall } from './callPayload';

/** The optional filters a user sets on a call trigger, read from input of any type. */
export interface CallFilters {
  company_id?: string;
  tracker_id?: string;
  direction?: 'inbound' | 'outbound';
  answer_status?: 'answered' | 'missed' | 'voicemail';
  min_duration?: number;
}

const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

const oneOf = <T extends string>(
  z: ZObject,
  label: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined => {
  const chosen = optionalText(value);
  if (chosen === undefined) return undefined;
  if ((allowed as readonly string[]).includes(chosen)) return chosen as T;
  throw new z.errors.Error(
    `${label} must be one of ${allowed.join(', ')}; "${chosen}" is not.`,
    'InvalidInput',
    400,
  );
};

export const readCallFilters = (z: ZObject, bundle: Bundle): CallFilters => {
  const input = bundle.inputData;
  const minimum = optionalText(input.min_duration);
  const minDuration = minimum === undefined ? undefined : Number(minimum);
  if (minDuration !== undefined && !(Number.isInteger(minDuration) && minDuration >= 0)) {
    throw new z.errors.Error(
      `Minimum Duration must be a whole number of seconds; "${minimum}" is not.`,
      'InvalidInput',
      400,
    );
  }
  const filters: CallFilters = {
    company_id: optionalText(input.company_id),
    tracker_id: optionalText(input.tracker_id),
    direction: oneOf(z, 'Direction', input.direction, ['inbound', 'outbound'] as const),
    answer_status: oneOf(z, 'Answered, Missed or Voicemail', input.answer_status, [
      'answered',
      'missed',
      'voicemail',
    ] as const),
    min_duration: minDuration,
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as CallFilters;
};

/** What CallRail filters itself (it silently ignores filters it does not know). */
export const callFilterParams = (filters: CallFilters) => ({
  company_id: filters.company_id,
  tracker_id: filters.tracker_id,
  direction: filters.direction,
  answer_status: filters.answer_status,
});

const answerStatusOf = (call: NormalizedCall): CallFilters['answer_status'] =>
  call.answered === true ? 'answered' : call.voicemail === true ? 'voicemail' : 'missed';

/** Applied to every call too, so a filter CallRail ignored still holds. */
export const matchesCallFilters = (call: NormalizedCall, filters: CallFilters): boolean =>
  (filters.company_id === undefined || call.company_id === filters.company_id) &&
  (filters.tracker_id === undefined || call.tracker_id === filters.tracker_id) &&
  (filters.direction === undefined || call.direction === filters.direction) &&
  (filters.answer_status === undefined || answerStatusOf(call) === filters.answer_status) &&
  (filters.min_duration === undefined ||
    (typeof call.duration === 'number' && call.duration >= filters.min_duration));
