import type { PhoneNumber } from 'libphonenumber-js/core';

import { MASKED_NUMBER_PATTERN, SUPPORTED_SMS_COUNTRIES } from './callrailFacts';

type Parse = (text: string) => PhoneNumber | undefined;
let parse: Parse | undefined;

/**
 * The parser and its metadata take a while to set up: they are loaded on the first number read
 * (from the bundle, see src/phoneParser.ts), so operations that read none never pay for it.
 */
const parseUsCa = (text: string): PhoneNumber | undefined => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parse ??= (require('./phoneParser') as { parseNorthAmericanDefault: Parse })
    .parseNorthAmericanDefault;
  return parse(text);
};

export type PhoneCheck =
  { ok: true; e164: string; nationalDigits: string } | { ok: false; problem: string };

// Building Intl.DisplayNames loads ICU's region names (about 15 ms): only an error needs them.
let countryNames: Intl.DisplayNames | undefined;
const countryName = (country: string): string | undefined =>
  (countryNames ??= new Intl.DisplayNames(['en'], { type: 'region' })).of(country);
const isSupported = (country: string | undefined): boolean =>
  SUPPORTED_SMS_COUNTRIES.some((supported) => supported === country);

/** Reads a phone number written any common way, defaulting to North America. */
export const checkUsCaPhoneNumber = (raw: unknown): PhoneCheck => {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { ok: false, problem: 'is empty' };
  const parsed = parseUsCa(text);
  if (!parsed || !parsed.isValid()) {
    return { ok: false, problem: `"${text}" is not a valid US or Canadian phone number` };
  }
  if (!isSupported(parsed.country)) {
    const where = parsed.country ? ` (${countryName(parsed.country)})` : '';
    return {
      ok: false,
      problem: `${parsed.number} is outside the US and Canada${where}, and CallRail only texts and calls US and Canadian numbers`,
    };
  }
  return { ok: true, e164: parsed.number, nationalDigits: String(parsed.nationalNumber) };
};

/** Digits for CallRail's `search`: the 10-digit national number when it parses, else the digits typed. */
export const searchDigits = (raw: string): string => {
  const parsed = parseUsCa(raw.trim());
  return parsed?.isValid() ? String(parsed.nationalNumber) : raw.replace(/\D/g, '');
};

/**
 * A number CallRail sent us in E.164, or null when it cannot honestly be known: masked numbers
 * (`***3312`) and anything that does not parse stay null rather than being guessed.
 */
export const e164Of = (raw: unknown): string | null => {
  if (typeof raw !== 'string' || raw.trim() === '' || MASKED_NUMBER_PATTERN.test(raw)) return null;
  // North American numbers as CallRail sends them (E.164, or 770-555-5555) need no parser.
  const nanp = /^(?:\+1)?\(?([2-9]\d{2})\)?[-. ]?([2-9]\d{2})[-. ]?(\d{4})$/.exec(raw.trim());
  if (nanp) return `+1${nanp.slice(1).join('')}`;
  const parsed = parseUsCa(raw.trim());
  return parsed?.isValid() ? parsed.number : null;
};
