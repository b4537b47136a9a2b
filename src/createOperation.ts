import { defineCreate, type PlainInputField, type ThrottleObject } from 'zapier-platform-core';

import type { InputSpec } from './inputs';
import { operationOf, type OperationDeclaration } from './searchOperation';

/** A create: a declaration like a search's (`src/searchOperation.ts`), giving one item. */
export const createOperation = <
  const Key extends string,
  const Fields extends readonly PlainInputField[],
  S extends InputSpec,
  Item extends object,
>(
  declaration: OperationDeclaration<Key, Fields, S, Item, Item> & {
    /** Zapier holds tasks over this limit before perform runs, so nothing is sent twice. */
    throttle?: ThrottleObject;
  },
) =>
  defineCreate({
    key: declaration.key,
    noun: declaration.noun,
    display: declaration.display,
    operation: {
      ...operationOf(declaration),
      ...(declaration.throttle ? { throttle: declaration.throttle } : {}),
    },
  });
