import {
  defineSearch,
  type Bundle,
  type PlainInputField,
  type PlainOutputField,
  type ZObject,
} from 'zapier-platform-core';

import type { DynamicOutputFields } from './fieldTable';
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
  /** Output fields learned when the Zap is edited, after the resource's. */
  dynamicOutputFields?: DynamicOutputFields;
  perform: (z: ZObject, bundle: Bundle, input: NoInfer<InputValues<S>>) => Promise<Result>;
}

/** Every input field has a reader and every reader a field: a typo fails on loading the app. */
export const checkInputs = (key: string, fields: readonly { key: string }[], spec: InputSpec) => {
  const read = Object.entries(spec).flatMap(([name, reader]) =>
    typeof reader === 'function' ? [name] : [...reader.keys],
  );
  const declared = fields.map((field) => field.key);
  const unmatched = [
    ...read.filter((name) => !declared.includes(name)),
    ...declared.filter((name) => !read.includes(name)),
  ];
  if (unmatched.length > 0) {
    throw new Error(`${key}: inputs ${unmatched.join(', ')} need both a field and a reader.`);
  }
};

/** What Zapier runs: inputs read in one call, then the declaration's perform. */
export const operationOf = <S extends InputSpec, Item, Result>(
  declaration: OperationDeclaration<string, readonly PlainInputField[], S, Item, Result>,
) => {
  checkInputs(declaration.key, declaration.inputFields, declaration.inputs);
  return {
    inputFields: [...declaration.inputFields],
    perform: (z: ZObject, bundle: Bundle): Promise<Result> =>
      declaration.perform(
        z,
        bundle,
        readInputs(
          z,
          bundle,
          declaration.inputFields,
          declaration.inputs as S & Record<string, never>,
        ),
      ),
    sample: declaration.resource.sample as Record<string, unknown>,
    outputFields: [
      ...declaration.resource.outputFields,
      ...(declaration.dynamicOutputFields ? [declaration.dynamicOutputFields] : []),
    ],
  };
};

/** A search: its perform gives the matches, best first (Zapier uses the first). */
export const searchOperation = <
  const Key extends string,
  const Fields extends readonly PlainInputField[],
  S extends InputSpec,
  Item extends object,
>(
  declaration: OperationDeclaration<Key, Fields, S, Item, Item[]>,
) =>
  defineSearch({
    key: declaration.key,
    noun: declaration.noun,
    display: declaration.display,
    operation: operationOf(declaration),
  });
