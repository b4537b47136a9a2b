import type { Bundle, ZObject } from 'zapier-platform-core';

import { FIRST_TIME_CALLERS_PARAM } from '../callrailFacts';
import {
  answerStatusField,
  directionField,
  firstTimeCallersField,
  minDurationField,
  companiesField,
  trackerFilterField,
} from '../fields';
import { readInputs } from '../inputs';
import * as read from '../readers';
import type { CallOutput } from './resource';

/** The optional filters a user sets on a call trigger. */
export interface CallFilters {
  /** Only calls of these companies; every company when undefined. */
  companies?: readonly string[];
  tracker_id?: string;
  direction?: 'inbound' | 'outbound';
  answer_status?: 'answered' | 'missed' | 'voicemail';
  min_duration?: number;
  first_time_callers?: boolean;
}

/** The filter inputs of every call trigger, in the order the Zap editor shows them. */
export const callFilterFields = [
  companiesField({
    required: false,
    helpText:
      'Only calls of these companies: one, several, or All Companies (also when left empty).',
  }),
  trackerFilterField,
  directionField,
  answerStatusField,
  minDurationField,
  firstTimeCallersField,
] as const;

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

/** How each filter input is read. */
export const callFilterInputs = {
  company_id: read.companies(),
  tracker_id: read.id('tracker'),
  direction: read.choice(['inbound', 'outbound'] as const),
  answer_status: read.choice(['answered', 'missed', 'voicemail'] as const),
  min_duration: read.integer(),
  first_time_callers: read.boolean,
};

export const readCallFilters = (z: ZObject, bundle: Bundle): CallFilters => {
  const { company_id: selection, ...filters } = readInputs(
    z,
    bundle,
    callFilterFields,
    callFilterInputs,
  );
  return defined({ ...filters, companies: read.companyIdsOf(selection) });
};

/** What CallRail filters itself (it silently ignores filters it does not know). */
export const callFilterParams = (filters: CallFilters) => ({
  company_id: read.oneCompanyOf(filters.companies),
  tracker_id: filters.tracker_id,
  direction: filters.direction,
  answer_status: filters.answer_status,
  [FIRST_TIME_CALLERS_PARAM]: filters.first_time_callers || undefined,
});

const answerStatusOf = (call: CallOutput): CallFilters['answer_status'] =>
  call.answered === true ? 'answered' : call.voicemail === true ? 'voicemail' : 'missed';

/** Applied to every call too, so a filter CallRail ignored still holds. */
export const matchesCallFilters = (call: CallOutput, filters: CallFilters): boolean =>
  (filters.companies === undefined || filters.companies.includes(call.company_id ?? '')) &&
  (filters.tracker_id === undefined || call.tracker_id === filters.tracker_id) &&
  (filters.direction === undefined || call.direction === filters.direction) &&
  (filters.answer_status === undefined || answerStatusOf(call) === filters.answer_status) &&
  (!filters.first_time_callers || call.first_call === true) &&
  (filters.min_duration === undefined ||
    (typeof call.duration === 'number' && call.duration >= filters.min_duration));
