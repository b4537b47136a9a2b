/**
 * North American numbers. CallRail only texts and calls the US and Canada, and the rest of the
 * +1 plan (the Caribbean, Bermuda) is a classic trap: a valid +1 number that CallRail still refuses.
 */

/** NANP area codes that belong to neither the US (incl. territories) nor Canada. */
const NON_US_CA_AREA_CODES = new Set(
  '242 246 264 268 284 345 441 473 649 658 664 721 758 767 784 809 829 849 868 869 876'.split(' '),
);

export const digitsOf = (value: string): string => value.replace(/\D/g, '');

/**
 * The E.164 form of a US/Canadian number, or null. Accepts what a user might type
 * ("(404) 555-8514", "14045558514", "+1 404 555 8514") but nothing outside +1.
 */
export function normalizeUsCaNumber(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  let digits = digitsOf(trimmed);
  if (trimmed.startsWith('+') && !digits.startsWith('1')) return null;
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return null;
  if (NON_US_CA_AREA_CODES.has(digits.slice(0, 3))) return null;
  return `+1${digits}`;
}

/** `+14045558514` → `404-555-8514`, CallRail's `formatted_*` style. */
export function formatNumber(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : e164;
}
