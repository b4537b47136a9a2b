import nock from 'nock';

import { callRailApi } from '../helpers';

/**
 * Runs `attempt` with a catch-all CallRail mock in place and returns how many requests reached
 * it, so a refusal can be shown to have sent nothing at all.
 */
export const requestsDuring = async (attempt: () => Promise<unknown>): Promise<number> => {
  let count = 0;
  const scope = callRailApi()
    .persist()
    .intercept(() => true, 'GET')
    .query(true)
    .reply(() => {
      count += 1;
      return [200, {}];
    });
  try {
    await attempt().catch(() => undefined);
  } finally {
    scope.persist(false);
    nock.cleanAll();
  }
  return count;
};

export const page = (key: string, items: unknown[]) => ({
  page: 1,
  per_page: 250,
  total_records: items.length,
  [key]: items,
});
