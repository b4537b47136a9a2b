import {
  defineTrigger,
  type Bundle,
  type PlainInputField,
  type ZObject,
} from 'zapier-platform-core';

import type { DynamicOutputFields, FieldTable, Output, Raw, Resource } from './fieldTable';
import { isLoadingSample, POLL_PAGE_SIZE, SAMPLE_PAGE_SIZE } from './polling';
import { fetchRecent, type RecentItems } from './recentItems';

/**
 * Every polling trigger is built here: the recent-items fetch (one request per poll, following
 * a burst page by page, holding items not settled yet), a few items for samples, filters
 * re-checked on what CallRail returns, the sample and output fields from the resource. A
 * trigger only declares what differs.
 */

/** Every polled item has an id: Zapier dedupes on it. */
type Item<T extends FieldTable> = Output<T> & { id: string };

export interface PollingTriggerDefinition<T extends FieldTable, Q, E extends object> {
  key: string;
  noun: string;
  display: { label: string; description: string };
  resource: Resource<T>;
  inputFields: readonly PlainInputField[];
  /** The Zap's inputs as the query of `recent` (its filters, its company). */
  read: (z: ZObject, bundle: Bundle) => Q;
  /** The resource's recent-items request. */
  recent: RecentItems<Q, Item<T>>;
  /** Outputs a field table cannot hold (a hydrated file), added to every item, listed and sent. */
  extend?: {
    item: (z: ZObject, item: Item<T>) => Item<T> & E;
    outputFields: readonly { key: string; label: string; type: 'file' }[];
    sample: Raw;
  };
  /** Output fields learned when the Zap is edited, after the resource's. */
  dynamicOutputFields?: DynamicOutputFields;
}

export const pollingTrigger = <T extends FieldTable, Q, E extends object = object>(
  definition: PollingTriggerDefinition<T, Q, E>,
) => {
  const { resource, extend } = definition;

  /** One request per poll; more only when a burst filled whole pages since the last. */
  const perform = async (z: ZObject, bundle: Bundle): Promise<Item<T>[]> => {
    const sample = isLoadingSample(bundle);
    const items = await fetchRecent(z, bundle, definition.recent, definition.read(z, bundle), {
      pageSize: sample ? SAMPLE_PAGE_SIZE : POLL_PAGE_SIZE,
      followBursts: !sample,
    });
    return extend ? items.map((item) => extend.item(z, item)) : items;
  };

  return defineTrigger({
    key: definition.key,
    noun: definition.noun,
    display: definition.display,
    operation: {
      type: 'polling',
      inputFields: [...definition.inputFields],
      perform,
      sample: { ...resource.sample, ...extend?.sample },
      outputFields: [
        ...resource.outputFields,
        ...(extend?.outputFields ?? []),
        ...(definition.dynamicOutputFields ? [definition.dynamicOutputFields] : []),
      ],
    },
  });
};
