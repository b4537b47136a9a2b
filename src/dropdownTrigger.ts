import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';

import { readChosenCompanies } from './fields';
import { oneCompanyOf } from './readers';
import type { CallRailPage } from './recentItems';

/**
 * Every hidden `*_list` trigger (what a dropdown shows) is built here. Zapier asks for page 0,
 * then 1, 2… as the user scrolls (`bundle.meta.page`); this is the one place that turns it into
 * CallRail's page. A dropdown declares which list it reads and how an item is shown.
 */

/** One dropdown entry: `id` is what the input receives, `name` what the user reads. */
export interface Choice {
  id: string;
  /** null only when CallRail sent no name */
  name: string | null;
  [extra: string]: unknown;
}

export interface DropdownDefinition<Q, T> {
  key: string;
  noun: string;
  label: string;
  description: string;
  /** The inputs the list depends on (a company), or `noInputs`. */
  read: (z: ZObject, bundle: Bundle) => Q;
  /** One page of items; an empty list when an input it needs is missing. */
  list: (z: ZObject, bundle: Bundle, query: Q, page: CallRailPage) => Promise<readonly T[]>;
  /** How an item is offered: one entry, or several (a tracker's numbers), or none. */
  choice: (item: T) => Choice | readonly Choice[];
}

/** For a list that depends on no input. */
export const noInputs = (): Record<string, never> => ({});

/** The company a dropdown's list belongs to, when one is chosen (several: every company's). */
export const chosenCompany = (z: ZObject, bundle: Bundle) => ({
  companyId: oneCompanyOf(readChosenCompanies(z, bundle)),
});

/** Zapier's 0-based page as CallRail's: 1-based `page`, or the 0-based `offset` of calls. */
export const callRailPageOf = (bundle: Bundle): CallRailPage => {
  const zapierPage = bundle.meta?.page ?? 0;
  return { number: zapierPage + 1, offset: zapierPage };
};

export const dropdownTrigger = <Q, T>(definition: DropdownDefinition<Q, T>) =>
  defineTrigger({
    key: definition.key,
    noun: definition.noun,
    display: { label: definition.label, description: definition.description, hidden: true },
    operation: {
      type: 'polling',
      canPaginate: true,
      perform: async (z: ZObject, bundle: Bundle): Promise<Choice[]> => {
        const query = definition.read(z, bundle);
        const items = await definition.list(z, bundle, query, callRailPageOf(bundle));
        return items.flatMap((item) => definition.choice(item));
      },
    },
  });
