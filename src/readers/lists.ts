import { checked, labelOf, trimmed, type Reader } from './read';

const TRUE_WORDS = ['true', 'yes', '1', 'on'];
const FALSE_WORDS = ['false', 'no', '0', 'off'];

export const boolean: Reader<boolean | undefined> = (field, raw) => {
  if (typeof raw === 'boolean') return { value: raw };
  const word = trimmed(raw).toLowerCase();
  if (!word || TRUE_WORDS.includes(word) || FALSE_WORDS.includes(word)) {
    return { value: word ? TRUE_WORDS.includes(word) : undefined };
  }
  return { problem: `${labelOf(field)} must be yes or no; "${word}" is not.` };
};

export const choice = <T extends string>(allowed: readonly T[]): Reader<T | undefined> =>
  checked((value, label) =>
    (allowed as readonly string[]).includes(value)
      ? { value: value as T }
      : { problem: `${label} must be one of ${allowed.join(', ')}; "${value}" is not.` },
  );

/** A multi-select or a comma-separated list; each entry trimmed, blanks and repeats dropped. */
export const list: Reader<string[]> = (_field, raw) => {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
  return { value: [...new Set(items.map(trimmed).filter(Boolean))] };
};

/** A multi-select whose every entry must be one of `allowed`. */
export const choices =
  <T extends string>(allowed: readonly T[]): Reader<T[]> =>
  (field, raw) => {
    const chosen = (list(field, raw) as { value: string[] }).value;
    const unknown = chosen.filter((item) => !(allowed as readonly string[]).includes(item));
    return unknown.length === 0
      ? { value: chosen as T[] }
      : {
          problem: `${labelOf(field)} may hold ${allowed.join(', ')}; "${unknown.join('", "')}" is not one of them.`,
        };
  };

/**
 * A Zapier `dict` field (name → value), or a JSON object mapped from an earlier step; names and
 * values trimmed, blank ones dropped.
 */
export const dict: Reader<Record<string, string>> = (field, raw) => {
  const value = typeof raw === 'string' && raw.trim() !== '' ? parsedObject(raw) : raw;
  if (value === null) {
    return {
      problem: `${labelOf(field)} must be pairs of field names and values, e.g. message: "Please call me back".`,
    };
  }
  if (!isObject(value)) return { value: {} };
  const pairs = Object.entries(value).map(([name, item]): [string, string] => [
    name.trim(),
    isObject(item) || Array.isArray(item)
      ? JSON.stringify(item)
      : typeof item === 'boolean'
        ? String(item)
        : trimmed(item),
  ]);
  return { value: Object.fromEntries(pairs.filter(([name, item]) => name !== '' && item !== '')) };
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON object, or null when the text is not one. */
const parsedObject = (text: string): Record<string, unknown> | null => {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
};
