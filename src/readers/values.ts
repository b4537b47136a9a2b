import {
  CALL_URL_PATTERN,
  CALLRAIL_ID_PATTERNS,
  LEGACY_NUMERIC_ID_PATTERN,
  type CallRailIdKind,
} from '../callrailFacts';
import { checkUsCaPhoneNumber, searchDigits } from '../phone';

import { checked, labelOf, type InputField, type Read, type Reader } from './read';

const ID_EXAMPLES: Record<CallRailIdKind, string> = {
  company: 'COM8154748ae6bd4e278a7cddd38a662f4f',
  call: 'CAL8154748ae6bd4e278a7cddd38a662f4f',
  tracker: 'TRK8154748ae6bd4e278a7cddd38a662f4f',
  form_submission: 'FRM8154748ae6bd4e278a7cddd38a662f4f',
  user: 'USR8154748ae6bd4e278a7cddd38a662f4f',
  tag: '7886733',
  caller_id: '5678',
  conversation: 'k8mc8',
};

const isId = (kind: CallRailIdKind, value: string): boolean =>
  CALLRAIL_ID_PATTERNS[kind].test(value) || LEGACY_NUMERIC_ID_PATTERN[kind]?.test(value) === true;

export const id = (kind: CallRailIdKind): Reader<string | undefined> =>
  checked((value, label) =>
    isId(kind, value)
      ? { value }
      : {
          problem: `${label} must be a CallRail ID such as ${ID_EXAMPLES[kind]}; "${value}" is not. Choose one from the dropdown or map an ID from an earlier step.`,
        },
  );

/**
 * A call: its `CAL…` id, a legacy numeric id, or a link to the call copied from CallRail's web
 * app (people paste what they have open), from which the id is taken.
 */
export const callId: Reader<string | undefined> = checked((value, label) => {
  const candidate = CALL_URL_PATTERN.exec(value)?.[1] ?? value;
  return isId('call', candidate)
    ? { value: candidate }
    : {
        problem: `${label} must be a CallRail call ID such as ${ID_EXAMPLES.call}, or a link to the call copied from CallRail; "${value}" is neither. Choose a call from the dropdown or map its ID from an earlier step.`,
      };
});

/** A US or Canadian number, as E.164. */
export const phone: Reader<string | undefined> = checked((value, label) => {
  const result = checkUsCaPhoneNumber(value);
  return result.ok ? { value: result.e164 } : { problem: `${label} ${result.problem}.` };
});

/** Digits to search for a phone number by, written any way; too few to find one is refused. */
export const phoneDigits: Reader<string | undefined> = checked((value, label) => {
  const digits = searchDigits(value);
  return digits.length >= 7
    ? { value: digits }
    : { problem: `${label} "${value}" has too few digits to search for.` };
});

/** A text that must match `pattern`, else a problem saying it must be `what`. */
const shaped = (pattern: RegExp, what: string) =>
  checked((value, label) =>
    pattern.test(value) ? { value } : { problem: `${label} must be ${what}; "${value}" is not.` },
  );

export const email = shaped(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address');
export const url = shaped(/^https?:\/\/[^\s]+$/i, 'a web address starting with https://');

/** A real calendar day: `2026-02-31` is refused, not rolled over into March. */
const calendarDay = (value: string): string | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (!match) return null;
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCFullYear() === year &&
    parsed.getUTCMonth() === month - 1 &&
    parsed.getUTCDate() === date
    ? value.slice(0, 10)
    : null;
};

export const day: Reader<string | undefined> = checked((value, label) => {
  const parsed = calendarDay(value);
  return parsed
    ? { value: parsed }
    : { problem: `${label} must be a date such as 2026-11-20; "${value}" is not.` };
});

/** Inputs read together: a reader across several fields (a range of days). */
export interface Across<T> {
  keys: readonly [string, string];
  read: (fields: readonly [InputField, InputField], raws: readonly [unknown, unknown]) => Read<T>;
}

/** Two days, the second not before the first. */
export const dayRange = (
  fromKey: string,
  toKey: string,
): Across<{ from: string | undefined; to: string | undefined }> => ({
  keys: [fromKey, toKey],
  read: ([fromField, toField], [rawFrom, rawTo]) => {
    const from = day(fromField, rawFrom);
    if ('problem' in from) return from;
    const to = day(toField, rawTo);
    if ('problem' in to) return to;
    if (from.value && to.value && to.value < from.value) {
      return {
        problem: `${labelOf(toField)} (${to.value}) is before ${labelOf(fromField)} (${from.value}).`,
      };
    }
    return { value: { from: from.value, to: to.value } };
  },
});

/** An amount such as 350 or 350.00, as CallRail's decimal string. */
export const amount: Reader<string | undefined> = checked((value, label) => {
  const cleaned = value.replace(/^\$/, '').replace(/,/g, '');
  return /^\d+(\.\d{1,2})?$/.test(cleaned)
    ? { value: cleaned }
    : { problem: `${label} must be an amount such as 350.00; "${value}" is not.` };
});

export const integer = ({ min = 0 }: { min?: number } = {}): Reader<number | undefined> =>
  checked((value, label) => {
    const number = Number(value);
    return Number.isInteger(number) && number >= min
      ? { value: number }
      : { problem: `${label} must be a whole number of at least ${min}; "${value}" is not.` };
  });
