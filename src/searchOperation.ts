import {
  defineSearch,
  type Bundle,
  type PlainInputField,
  type PlainOutputField,
  type ZObject,
} from 'zapier-platform-core';

import { readInputs, type InputSpec, type InputValues } from './inputs';

/**
 * A search or a create is a declaration: its key, noun, display, input fields, the readers its
 * inputs go through, the resource it gives (sample and output fields from the resource's field
 * table), and a few lines of perform that get the inputs already read, typed and checked.
 */
export interface OperationDeclaration<
  Key extends string,
  Fields extends readonly PlainInputField[],
  S extends InputSpec,
  Item,
  Result,
> {
  key: Key;
  noun: string;
  display: { label: string; description: string };
  inputFields: Fields;
  /**
   * Input key → its reader (`src/readers/`), read once before perform sends anything. Declare it
   * beside `inputFields`: a generic reader call (`read.required(…)`, `read.choice(…)`) written
   * inline here would leave perform's input untyped.
   */
  inputs: S;
  /** Where the sample and output fields come from: a resource, or one extended with a file. */
  resource: { sample: Item; outputFields: readonly PlainOutputField[] };
  perform: (z: ZObject, bundle: Bundle, input: NoInfer<InputValues<S>>) => Promise<Result>;
}

/** The operation Zapier runs: inputs read in one call, then the declaration's perform. */
export const performOf =
  <S extends InputSpec, Result>(
    fields: readonly PlainInputField[],
    spec: S,
    perform: (z: ZObject, bundle: Bundle, input: InputValues<S>) => Promise<Result>,
  ) =>
  (z: ZObject, bundle: Bundle): Promise<Result> =>
    perform(z, bundle, readInputs(z, bundle, fields, spec as S & Record<string, never>));

/** A search: its perform gives the matches, best first (Zapier uses the first). */
export const searchOperation = <
  const Key extends string,
  const Fields extends readonly PlainInputField[],
  const S extends InputSpec,
  Item extends object,
>(
  declaration: OperationDeclaration<Key, Fields, S, Item, Item[]>,
) =>
  defineSearch({
    key: declaration.key,
    noun: declaration.noun,
    display: declaration.display,
    operation: {
      inputFields: [...declaration.inputFields],
      perform: performOf(declaration.inputFields, declaration.inputs, declaration.perform),
      sample: declaration.resource.sample as Record<string, unknown>,
      outputFields: [...declaration.resource.outputFields],
    },
  });
