import {
  defineTrigger,
  type PollingTriggerPerform,
  type ZObject,
  type Bundle,
} from 'zapier-platform-core';

import { MAX_PER_PAGE } from '../callrailFacts';
import type { Page, Tracker } from '../callrailTypes';
import { callRail } from '../client';

/** One page of a company's active trackers; an empty list until a company is chosen. */
export const activeTrackers = async (z: ZObject, bundle: Bundle): Promise<Tracker[]> => {
  const companyId =
    typeof bundle.inputData.company_id === 'string' ? bundle.inputData.company_id.trim() : '';
  if (!companyId) return [];
  const result = await callRail<Page & { trackers: Tracker[] }>(z, bundle, {
    path: 'trackers.json',
    params: {
      company_id: companyId,
      status: 'active',
      per_page: MAX_PER_PAGE,
      page: (bundle.meta.page ?? 0) + 1,
    },
    context: { action: "list the company's trackers", resource: `company ${companyId}` },
  });
  return result.trackers.filter((tracker) => tracker.status === 'active');
};

export const perform = (async (z, bundle) =>
  (await activeTrackers(z, bundle)).map((tracker) => ({
    id: tracker.id,
    name: tracker.tracking_numbers.length
      ? `${tracker.name} (${tracker.tracking_numbers.join(', ')})`
      : tracker.name,
  }))) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'tracker_list',
  noun: 'Tracker',
  display: {
    label: 'List Trackers',
    description: "Lists a company's active trackers for dropdowns.",
    hidden: true,
  },
  operation: { type: 'polling', canPaginate: true, perform },
});
