import type { Bundle, ZObject } from 'zapier-platform-core';

import App from '../index';
import { appTester } from './helpers';

type Group = 'triggers' | 'creates' | 'searches';
type Method = 'perform' | 'performList' | 'performSubscribe' | 'performUnsubscribe';
type Operation = { operation: Record<string, unknown> };

/**
 * An operation's function, taken from the app's public definition (what Zapier runs), never
 * from a private path; `R` is what the test expects it to return.
 */
export const operation = <R = Record<string, unknown>[]>(
  group: Group,
  key: string,
  method: Method = 'perform',
): ((z: ZObject, bundle: Bundle) => Promise<R>) => {
  const byKey = App[group] as unknown as Record<string, Operation> | undefined;
  const fn = byKey?.[key]?.operation[method];
  if (typeof fn !== 'function') throw new Error(`${group}.${key} has no ${method}.`);
  return fn as (z: ZObject, bundle: Bundle) => Promise<R>;
};

/** A field as the Zap editor receives it once Zapier has resolved the declaration. */
export type ResolvedField = { key: string; label?: string } & Record<string, unknown>;

/**
 * An operation's `inputFields` or `outputFields` as the Zap editor gets them: Zapier's runner
 * takes the declared list (plain fields and functions) and runs each function with the inputs
 * chosen so far. `clearCache` empties the runner's stand-in for `z.cache` first.
 */
export const resolveFields =
  (group: Group, key: string, which: 'inputFields' | 'outputFields') =>
  (bundle: Record<string, unknown>, clearCache = false): Promise<ResolvedField[]> => {
    const byKey = App[group] as unknown as Record<string, Operation> | undefined;
    const fields = byKey?.[key]?.operation[which];
    if (!Array.isArray(fields)) throw new Error(`${group}.${key} has no ${which}.`);
    // appTester finds the list in the app by identity and runs it as Zapier runs fields.
    const run = appTester as unknown as (
      list: unknown[],
      bundle: Record<string, unknown>,
      clearCache: boolean,
    ) => Promise<ResolvedField[]>;
    return run(fields, bundle, clearCache);
  };
