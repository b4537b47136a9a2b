import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE } from '../callrailFacts';
import type { Tracker } from '../callrailTypes';
import { callRail, itemsOf } from '../client';

/**
 * One page (0-based) of a company's active trackers. CallRail ignores filters it does not know,
 * so each tracker's own company and status are checked as well.
 */
export const listActiveTrackers = async (
  z: ZObject,
  bundle: Bundle,
  { companyId, page = 0 }: { companyId: string; page?: number },
): Promise<Tracker[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'trackers.json',
    params: { company_id: companyId, status: 'active', per_page: MAX_PER_PAGE, page: page + 1 },
    context: { action: "list the company's trackers", resource: `company ${companyId}` },
  });
  return itemsOf<Tracker>(z, body, 'trackers', 'the tracker list (trackers.json)').filter(
    (tracker) =>
      tracker.status === 'active' &&
      (tracker.company?.id === undefined || tracker.company.id === companyId),
  );
};
