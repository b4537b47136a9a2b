/**
 * A resource's output is declared once, as a field table. From it come the normaliser (a REST
 * object or a webhook body → the one output shape), Zapier's `outputFields`, the REST `fields=`
 * list and the TypeScript output type, so a field is written in exactly one place.
 */

import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';

export type Raw = Record<string, unknown>;

/**
 * Output fields learned when the Zap is edited (a company's form field names), listed after the
 * static ones. It must never throw: the editor then shows the static fields only.
 */
export type DynamicOutputFields = (z: ZObject, bundle: Bundle) => Promise<PlainOutputField[]>;

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'datetime';

export interface FieldSpec {
  label: string;
  /** `string` unless given. */
  type?: FieldType;
  /** A list of names (tags, changes, media URLs): always an array, never null. */
  list?: true;
  /**
   * Structured data passed through as is: `object` (form fields, always an object) or `objects`
   * (nested items already in their own output shape, always an array).
   */
  nested?: 'object' | 'objects';
  /** The resource's key: always a string, and what Zapier dedupes polling results on. */
  primary?: true;
  /** Raw keys to read, the first present one wins; defaults to the field's own key. */
  from?: readonly string[];
  /** Reads a value the raw object does not hold under one key (nested, derived). */
  read?: (raw: Raw) => unknown;
  /** The name CallRail wants in `fields=` when the field is not in its default payload. */
  request?: string;
}

export type FieldTable = Readonly<Record<string, FieldSpec>>;

type ValueOf<F extends FieldSpec> = F extends { primary: true }
  ? string
  : F extends { nested: 'object' }
    ? Record<string, unknown>
    : F extends { nested: 'objects' }
      ? Record<string, unknown>[]
      : F extends { list: true }
        ? string[]
        : F extends { type: 'number' | 'integer' }
          ? number | null
          : F extends { type: 'boolean' }
            ? boolean | null
            : string | null;

/** The output type a field table describes. */
export type Output<T extends FieldTable> = { -readonly [K in keyof T]: ValueOf<T[K]> };

export interface OutputField {
  key: string;
  label: string;
  type?: FieldType;
  primary?: boolean;
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A nested object, or an empty one: webhook bodies and old payloads omit whole sections. */
export const recordOf = (value: unknown): Raw => (isRecord(value) ? value : {});

export const asText = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

/** CallRail sends booleans as `true`, `"true"` or `1` depending on the payload. */
export const asBoolean = (value: unknown): boolean | null => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1 || value === '1') return true;
  if (value === 'false' || value === 0 || value === '0') return false;
  return null;
};

/** Webhooks send numbers as strings (`"duration": "13"`). */
export const asNumber = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

/** Names from a list of strings or of `{name}` objects, or from one string. */
export const asNames = (value: unknown): string[] => {
  if (!Array.isArray(value)) return typeof value === 'string' && value ? [value] : [];
  return value
    .map((item: unknown) => (isRecord(item) ? item.name : item))
    .filter((item): item is string => typeof item === 'string' && item !== '');
};

/** The entries of an answer that hold a value, so they can complete what is already known. */
export const presentValues = (value: unknown): Raw =>
  Object.fromEntries(Object.entries(recordOf(value)).filter(([, item]) => present(item)));

const convert = (spec: FieldSpec, value: unknown): unknown => {
  if (spec.nested === 'object') return { ...recordOf(value) };
  if (spec.nested === 'objects') return Array.isArray(value) ? value.filter(isRecord) : [];
  if (spec.list) return asNames(value);
  if (spec.primary) return asText(value) ?? '';
  switch (spec.type) {
    case 'number':
    case 'integer':
      return asNumber(value);
    case 'boolean':
      return asBoolean(value);
    default:
      return asText(value);
  }
};

const rawValue = (key: string, spec: FieldSpec, raw: Raw): unknown => {
  if (spec.read) return spec.read(raw);
  const keys = spec.from ?? [key];
  return raw[keys.find((candidate) => present(raw[candidate])) ?? keys[0] ?? key];
};

export const normalizerOf =
  <T extends FieldTable>(table: T) =>
  (raw: Raw): Output<T> =>
    Object.fromEntries(
      Object.entries(table).map(([key, spec]) => [key, convert(spec, rawValue(key, spec, raw))]),
    ) as Output<T>;

export const outputFieldsOf = (table: FieldTable): OutputField[] =>
  Object.entries(table).map(([key, spec]) => ({
    key,
    label: spec.label,
    ...(spec.type ? { type: spec.type } : {}),
    ...(spec.primary ? { primary: true } : {}),
  }));

/** What to name in `fields=`, each once, in table order. */
export const requestedFieldsOf = (table: FieldTable): string[] => [
  ...new Set(
    Object.values(table).flatMap((spec) => (spec.request === undefined ? [] : [spec.request])),
  ),
];

/** Snake case to Title Case, for labels generated from keys. */
export const titleCase = (snake: string): string =>
  snake.replace(
    /(^|_)(\w)/g,
    (_match, gap: string, letter: string) => `${gap ? ' ' : ''}${letter.toUpperCase()}`,
  );

export interface Resource<T extends FieldTable> {
  noun: string;
  fields: T;
  normalize: (raw: Raw) => Output<T>;
  outputFields: OutputField[];
  /** Comma-joined `fields=` value, or undefined when the default payload has everything. */
  requestedFields: string | undefined;
  sample: Output<T>;
}

/**
 * One CallRail resource: its field table and everything derived from it. The sample is a raw
 * CallRail object run through the normaliser, so it always has exactly the output's keys.
 */
export const defineResource = <const T extends FieldTable>(definition: {
  noun: string;
  fields: T;
  rawSample: Raw;
  /** Runs once on each raw object before its fields are read (nested items normalised once). */
  prepare?: (raw: Raw) => Raw;
}): Resource<T> => {
  const { prepare } = definition;
  const byTable = normalizerOf(definition.fields);
  const normalize = prepare ? (raw: Raw) => byTable(prepare(raw)) : byTable;
  const requested = requestedFieldsOf(definition.fields);
  return {
    noun: definition.noun,
    fields: definition.fields,
    normalize,
    outputFields: outputFieldsOf(definition.fields),
    requestedFields: requested.length ? requested.join(',') : undefined,
    sample: normalize(definition.rawSample),
  };
};
