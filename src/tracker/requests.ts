import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE } from '../callrailFacts';
import { callRail, itemsOf } from '../client';
import type { Raw } from '../fieldTable';
import { trackerResource, type TrackerOutput } from './resource';

const LIST_ENDPOINT = 'the tracker list (trackers.json)';

/**
 * One page (CallRail's, 1-based) of a company's active trackers. CallRail ignores filters it does not know,
 * so each tracker's own company and status are checked as well: a tracker of another company
 * never reaches a dropdown.
 */
export const listActiveTrackers = async (
  z: ZObject,
  bundle: Bundle,
  { companyId, page = 1 }: { companyId: string; page?: number },
): Promise<TrackerOutput[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'trackers.json',
    params: { company_id: companyId, status: 'active', per_page: MAX_PER_PAGE, page },
    context: { action: "list the company's trackers", resource: `company ${companyId}` },
  });
  return itemsOf<Raw>(z, body, 'trackers', LIST_ENDPOINT)
    .map(trackerResource.normalize)
    .filter(
      (tracker) =>
        tracker.status === 'active' &&
        (tracker.company_id === null || tracker.company_id === companyId),
    );
};

/**
 * Trackers, active and disabled, that CallRail's `search` matches, optionally of one company
 * (re-checked on each row, as above): one request of up to 250.
 */
export const searchTrackers = async (
  z: ZObject,
  bundle: Bundle,
  { search, companyId }: { search: string; companyId?: string },
): Promise<TrackerOutput[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'trackers.json',
    params: { search, company_id: companyId, per_page: MAX_PER_PAGE },
    context: { action: 'search your trackers' },
  });
  return itemsOf<Raw>(z, body, 'trackers', LIST_ENDPOINT)
    .map(trackerResource.normalize)
    .filter(
      (tracker) => !companyId || tracker.company_id === null || tracker.company_id === companyId,
    );
};
