import type { Bundle, ZObject } from 'zapier-platform-core';

import {
  CALL_URL_PATTERN,
  CALLRAIL_ID_PATTERNS,
  LEGACY_NUMERIC_ID_PATTERN,
  type CallRailIdKind,
} from './callrailFacts';
import { checkUsCaPhoneNumber } from './phone';

/**
 * Every operation reads its inputs here, and only here is the "invalid input" error built: each
 * value is checked before any request, so bad input sends nothing. Messages name the field by
 * the label the user sees in the Zap editor.
 */

export const INVALID_INPUT = 'InvalidInput';

export const invalidInput = (z: ZObject, message: string): Error =>
  new z.errors.Error(message, INVALID_INPUT, 400);

type LabelledField = { key: string; label?: string; dynamic?: string; choices?: unknown };

const trimmed = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

const TRUE_WORDS = ['true', 'yes', '1', 'on'];
const FALSE_WORDS = ['false', 'no', '0', 'off'];

/** A real calendar day: `2026-02-31` is refused, not rolled over into March. */
const calendarDay = (text: string): string | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? text.slice(0, 10)
    : null;
};

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

/**
 * The reader for one operation's inputs: `required` values must be present and non-blank;
 * optional ones come back `undefined` when blank.
 */
export const inputsOf = <Fields extends readonly LabelledField[]>(
  z: ZObject,
  bundle: Bundle,
  fields: Fields,
) => {
  type Key = Fields[number]['key'];
  const fieldOf = (key: Key) => fields.find((field) => field.key === key);
  const labelOf = (key: Key): string => fieldOf(key)?.label ?? key;
  const missing = (key: Key): string => {
    const field = fieldOf(key);
    return field?.dynamic || field?.choices
      ? `Choose the ${labelOf(key)}, or map one from an earlier step.`
      : `${labelOf(key)} is empty: type or map a value.`;
  };
  const raw = (key: Key): unknown => (bundle.inputData as Record<string, unknown>)[key];

  function text(key: Key, options: { required: true }): string;
  function text(key: Key, options?: { required?: boolean }): string | undefined;
  function text(key: Key, options: { required?: boolean } = {}): string | undefined {
    const value = trimmed(raw(key));
    if (value) return value;
    if (options.required) throw invalidInput(z, missing(key));
    return undefined;
  }

  function id(key: Key, kind: CallRailIdKind, options: { required: true }): string;
  function id(key: Key, kind: CallRailIdKind, options?: { required?: boolean }): string | undefined;
  function id(key: Key, kind: CallRailIdKind, options: { required?: boolean } = {}) {
    const value = text(key, options);
    if (value === undefined) return undefined;
    if (CALLRAIL_ID_PATTERNS[kind].test(value) || LEGACY_NUMERIC_ID_PATTERN[kind]?.test(value)) {
      return value;
    }
    throw invalidInput(
      z,
      `${labelOf(key)} must be a CallRail ID such as ${ID_EXAMPLES[kind]}; "${value}" is not. Choose one from the dropdown or map an ID from an earlier step.`,
    );
  }

  /**
   * A call: its `CAL…` id, a legacy numeric id, or a link to the call copied from CallRail's web
   * app (people paste what they have open), from which the id is taken.
   */
  function callId(key: Key, options: { required: true }): string;
  function callId(key: Key, options?: { required?: boolean }): string | undefined;
  function callId(key: Key, options: { required?: boolean } = {}) {
    const value = text(key, options);
    if (value === undefined) return undefined;
    const candidate = CALL_URL_PATTERN.exec(value)?.[1] ?? value;
    if (
      CALLRAIL_ID_PATTERNS.call.test(candidate) ||
      LEGACY_NUMERIC_ID_PATTERN.call?.test(candidate)
    ) {
      return candidate;
    }
    throw invalidInput(
      z,
      `${labelOf(key)} must be a CallRail call ID such as ${ID_EXAMPLES.call}, or a link to the call copied from CallRail; "${value}" is neither. Choose a call from the dropdown or map its ID from an earlier step.`,
    );
  }

  function phone(key: Key, options: { required: true }): string;
  function phone(key: Key, options?: { required?: boolean }): string | undefined;
  function phone(key: Key, options: { required?: boolean } = {}) {
    const value = text(key, options);
    if (value === undefined) return undefined;
    const checked = checkUsCaPhoneNumber(value);
    if (!checked.ok) throw invalidInput(z, `${labelOf(key)} ${checked.problem}.`);
    return checked.e164;
  }

  const day = (key: Key): string | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    const parsed = calendarDay(value);
    if (!parsed)
      throw invalidInput(
        z,
        `${labelOf(key)} must be a date such as 2026-11-20; "${value}" is not.`,
      );
    return parsed;
  };

  /** A text that must match `pattern`, else an error saying it must be `what`. */
  const shaped = (key: Key, value: string | undefined, pattern: RegExp, what: string) => {
    if (value !== undefined && !pattern.test(value)) {
      throw invalidInput(z, `${labelOf(key)} must be ${what}; "${value}" is not.`);
    }
    return value;
  };

  function email(key: Key, options: { required: true }): string;
  function email(key: Key, options?: { required?: boolean }): string | undefined;
  function email(key: Key, options: { required?: boolean } = {}) {
    return shaped(key, text(key, options), /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address');
  }

  function url(key: Key, options: { required: true }): string;
  function url(key: Key, options?: { required?: boolean }): string | undefined;
  function url(key: Key, options: { required?: boolean } = {}) {
    return shaped(
      key,
      text(key, options),
      /^https?:\/\/[^\s]+$/i,
      'a web address starting with https://',
    );
  }

  /** A multi-select or a comma-separated list; each entry trimmed, blanks dropped. */
  const list = (key: Key): string[] => {
    const value = raw(key);
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
    return [...new Set(items.map(trimmed).filter(Boolean))];
  };

  return {
    text,
    list,
    /** A multi-select whose every entry must be one of `allowed`. */
    choices: <T extends string>(key: Key, allowed: readonly T[]): T[] => {
      const chosen = list(key);
      const unknown = chosen.filter((item) => !(allowed as readonly string[]).includes(item));
      if (unknown.length > 0) {
        throw invalidInput(
          z,
          `${labelOf(key)} may hold ${allowed.join(', ')}; "${unknown.join('", "')}" is not one of them.`,
        );
      }
      return chosen as T[];
    },
    id,
    callId,
    phone,
    day,
    /** Two days, the second not before the first. */
    dayRange: (fromKey: Key, toKey: Key) => {
      const from = day(fromKey);
      const to = day(toKey);
      if (from && to && to < from) {
        throw invalidInput(z, `${labelOf(toKey)} (${to}) is before ${labelOf(fromKey)} (${from}).`);
      }
      return { from, to };
    },
    choice: <T extends string>(key: Key, allowed: readonly T[]): T | undefined => {
      const value = text(key);
      if (value === undefined) return undefined;
      if ((allowed as readonly string[]).includes(value)) return value as T;
      throw invalidInput(
        z,
        `${labelOf(key)} must be one of ${allowed.join(', ')}; "${value}" is not.`,
      );
    },
    /**
     * A Zapier `dict` field (name → value), or a JSON object mapped from an earlier step; names
     * and values trimmed, blank ones dropped.
     */
    dict: (key: Key): Record<string, string> => {
      let value = raw(key);
      if (typeof value === 'string' && value.trim() !== '') {
        try {
          value = JSON.parse(value) as unknown;
        } catch {
          value = undefined;
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw invalidInput(
            z,
            `${labelOf(key)} must be pairs of field names and values, e.g. message: "Please call me back".`,
          );
        }
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .map(([name, item]): [string, string] => [
            name.trim(),
            typeof item === 'object' && item !== null
              ? JSON.stringify(item)
              : typeof item === 'boolean'
                ? String(item)
                : trimmed(item),
          ])
          .filter(([name, item]) => name !== '' && item !== ''),
      );
    },
    boolean: (key: Key): boolean | undefined => {
      const value = raw(key);
      if (typeof value === 'boolean') return value;
      const word = trimmed(value).toLowerCase();
      if (!word) return undefined;
      if (TRUE_WORDS.includes(word)) return true;
      if (FALSE_WORDS.includes(word)) return false;
      throw invalidInput(z, `${labelOf(key)} must be yes or no; "${word}" is not.`);
    },
    integer: (key: Key, { min = 0 }: { min?: number } = {}): number | undefined => {
      const value = text(key);
      if (value === undefined) return undefined;
      const number = Number(value);
      if (!Number.isInteger(number) || number < min) {
        throw invalidInput(
          z,
          `${labelOf(key)} must be a whole number of at least ${min}; "${value}" is not.`,
        );
      }
      return number;
    },
    /** An amount such as 350 or 350.00, sent as CallRail's decimal string. */
    amount: (key: Key): string | undefined => {
      const value = text(key);
      if (value === undefined) return undefined;
      const cleaned = value.replace(/^\$/, '').replace(/,/g, '');
      if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
        throw invalidInput(
          z,
          `${labelOf(key)} must be an amount such as 350.00; "${value}" is not.`,
        );
      }
      return cleaned;
    },
    email,
    url,
  };
};

export type InputReader = ReturnType<typeof inputsOf>;
