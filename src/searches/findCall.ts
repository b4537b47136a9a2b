import {
  defineInputFields,
  defineSearch,
  type Bundle,
  type SearchPerform,
  type ZObject,
} from 'zapier-platform-core';

import { normalizeCall, type NormalizedCall } from '../callPayload';
import { CALL_ID_PATTERN, EXTRA_CALL_FIELDS, RETENTION_MONTHS } from '../callrailFacts';
import type { Call, Page } from '../callrailTypes';
import { monthsAgo } from '../calls';
import { callRailResponse, segment } from '../client';
import { optionalCompanyField } from '../fields';
import { searchDigits } from '../phone';
import { sampleCall } from '../samples/call';
import { callOutputFields } from '../triggers/newCall';

/** Asking beyond CallRail's retention is an error, so stop a month short of it. */
const SEARCH_WINDOW_MONTHS = RETENTION_MONTHS - 1;
const MAX_MATCHES = 25;

export const inputFields = defineInputFields([
  {
    key: 'call_id',
    label: 'Call',
    required: false,
    dynamic: 'call_list.id.name',
    helpText:
      'A CallRail call ID (`CAL…`), e.g. from a trigger. Leave empty to search by phone number.',
  },
  {
    key: 'customer_phone_number',
    label: 'Customer Phone Number',
    required: false,
    helpText: 'Finds calls from or to this number, written any common way, e.g. (770) 555-0199.',
  },
  optionalCompanyField,
  {
    key: 'start_date',
    label: 'From Date',
    type: 'datetime',
    required: false,
    helpText: 'Only calls on or after this day.',
  },
  {
    key: 'end_date',
    label: 'To Date',
    type: 'datetime',
    required: false,
    helpText: 'Only calls on or before this day.',
  },
]);

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const invalid = (z: ZObject, message: string) => new z.errors.Error(message, 'InvalidInput', 400);

const dayOf = (z: ZObject, label: string, value: unknown): string | undefined => {
  const raw = text(value);
  if (!raw) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(raw)?.[0];
  if (!day || Number.isNaN(Date.parse(day)))
    throw invalid(z, `${label} must be a date such as 2026-11-20; "${raw}" is not.`);
  return day;
};

const byId = async (z: ZObject, bundle: Bundle, callId: string): Promise<NormalizedCall[]> => {
  if (!CALL_ID_PATTERN.test(callId) && !/^\d{1,12}$/.test(callId)) {
    throw invalid(
      z,
      `Call must be a CallRail call ID such as CAL8154748ae6bd4e278a7cddd38a662f4f; "${callId}" is not.`,
    );
  }
  const found = await callRailResponse<Call>(z, bundle, {
    path: `calls/${segment(callId)}.json`,
    params: { fields: EXTRA_CALL_FIELDS.join(',') },
    context: { action: 'find the call' },
    allowStatuses: [404],
  });
  return found.status === 404 ? [] : [normalizeCall(found.data)];
};

const byPhoneNumber = async (
  z: ZObject,
  bundle: Bundle,
  phone: string,
): Promise<NormalizedCall[]> => {
  const digits = searchDigits(phone);
  if (digits.length < 7)
    throw invalid(z, `Customer Phone Number "${phone}" has too few digits to search for.`);
  const companyId = text(bundle.inputData.company_id);
  const found = await callRailResponse<Page & { calls: Call[] }>(z, bundle, {
    path: 'calls.json',
    params: {
      search: digits,
      company_id: companyId || undefined,
      start_date:
        dayOf(z, 'From Date', bundle.inputData.start_date) ?? monthsAgo(SEARCH_WINDOW_MONTHS),
      end_date: dayOf(z, 'To Date', bundle.inputData.end_date),
      sort: 'start_time',
      order: 'desc',
      per_page: MAX_MATCHES,
      fields: EXTRA_CALL_FIELDS.join(','),
    },
    context: { action: 'search calls' },
  });
  // `search` also matches names and notes; keep calls whose customer number is this number.
  return found.data.calls.map(normalizeCall).filter((call) =>
    String(call.customer_phone_number ?? '')
      .replace(/\D/g, '')
      .endsWith(digits),
  );
};

export const perform = (async (z, bundle) => {
  const callId = text(bundle.inputData.call_id);
  const phone = text(bundle.inputData.customer_phone_number);
  if (callId) return byId(z, bundle, callId);
  if (phone) return byPhoneNumber(z, bundle, phone);
  throw invalid(z, 'Give a Call ID or a Customer Phone Number to search for.');
}) satisfies SearchPerform<typeof inputFields, NormalizedCall>;

export default defineSearch({
  key: 'find_call',
  noun: 'Call',
  display: {
    label: 'Find Call',
    description:
      'Finds a call by its CallRail ID, or the newest calls with a customer phone number.',
  },
  operation: { inputFields, perform, sample: sampleCall, outputFields: callOutputFields },
});
