import type { Bundle, ZObject } from 'zapier-platform-core';

import type { Across, InputField, Read, Reader } from './readers';

/**
 * Every operation reads its inputs here, once, before any request, and only here is the
 * "invalid input" error built: a reader's problem (`src/readers/`) or an operation's own check
 * across inputs becomes it, so bad input sends nothing. Messages name the field by the label the
 * user sees in the Zap editor.
 */

export const INVALID_INPUT = 'InvalidInput';

export const invalidInput = (z: ZObject, message: string): Error =>
  new z.errors.Error(message, INVALID_INPUT, 400);

/** What an operation reads: input key → its reader, or a name → a reader across inputs. */
export type InputSpec = Record<string, Reader<unknown> | Across<unknown>>;

/** The typed values an `InputSpec` reads. */
export type InputValues<S extends InputSpec> = {
  [Name in keyof S]: S[Name] extends Reader<infer T>
    ? T
    : S[Name] extends Across<infer T>
      ? T
      : never;
};

/** Holds a spec's plain readers to keys the operation's input fields have. */
type KnownKeys<S extends InputSpec, Key extends string> = {
  [Name in keyof S]: S[Name] extends Across<unknown> ? S[Name] : Name extends Key ? S[Name] : never;
};

/** Pure: the values, or the first problem in the spec's order. */
export const readValues = <S extends InputSpec>(
  fields: readonly InputField[],
  inputData: Record<string, unknown>,
  spec: S,
): Read<InputValues<S>> => {
  const fieldOf = (key: string): InputField => fields.find((field) => field.key === key) ?? { key };
  const values: Record<string, unknown> = {};
  for (const [name, reader] of Object.entries(spec)) {
    const read =
      typeof reader === 'function'
        ? reader(fieldOf(name), inputData[name])
        : reader.read(
            [fieldOf(reader.keys[0]), fieldOf(reader.keys[1])],
            [inputData[reader.keys[0]], inputData[reader.keys[1]]],
          );
    if ('problem' in read) return read;
    values[name] = read.value;
  }
  return { value: values as InputValues<S> };
};

/**
 * An operation's inputs, read in one call into a typed object; the first problem is thrown as
 * the "invalid input" error.
 */
export const readInputs = <const Fields extends readonly InputField[], S extends InputSpec>(
  z: ZObject,
  bundle: Bundle,
  fields: Fields,
  spec: S & KnownKeys<S, Fields[number]['key']>,
): InputValues<S> => {
  const read = readValues(fields, (bundle.inputData ?? {}) as Record<string, unknown>, spec);
  if ('problem' in read) throw invalidInput(z, read.problem);
  return read.value;
};
