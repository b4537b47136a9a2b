/**
 * One pure reader per kind of value: it takes the input field (for its label) and the raw value
 * Zapier sent, and gives the value or a problem, worded for the user by the field's label.
 * Blank reads as `undefined` (a list as `[]`, a dict as `{}`); `required` refuses blank.
 * `src/inputs.ts` turns a problem into the one "invalid input" error.
 */

export interface InputField {
  key: string;
  label?: string;
  dynamic?: string;
  choices?: unknown;
}

export type Read<T> = { value: T } | { problem: string };
export type Reader<T> = (field: InputField, raw: unknown) => Read<T>;

export const labelOf = (field: InputField): string => field.label ?? field.key;

export const trimmed = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

/** A reader of a non-blank text that checks it further with `check`. */
export const checked =
  <T>(check: (text: string, label: string) => Read<T>): Reader<T | undefined> =>
  (field, raw) => {
    const value = trimmed(raw);
    return value ? check(value, labelOf(field)) : { value: undefined };
  };

export const text: Reader<string | undefined> = checked((value) => ({ value }));

/** Refuses blank, saying how to fill the field in. */
export const required =
  <T>(reader: Reader<T | undefined>): Reader<T> =>
  (field, raw) => {
    const read = reader(field, raw);
    if ('problem' in read || read.value !== undefined) return read as Read<T>;
    return {
      problem:
        field.dynamic || field.choices
          ? `Choose the ${labelOf(field)}, or map one from an earlier step.`
          : `${labelOf(field)} is empty: type or map a value.`,
    };
  };
