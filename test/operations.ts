import type { Bundle, ZObject } from 'zapier-platform-core';

import App from '../index';

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
