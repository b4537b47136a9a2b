import type { Handler } from '../http';
import { ApiError, NOT_FOUND, ok } from '../http';
import { offsetPage } from '../pagination';
import { digitsOf } from '../phone';
import { trackerView } from '../serializers';

/** GET trackers.json: `company_id`, `status`, `type`, `search` (name or number). */
export const listTrackers: Handler = (ctx) => {
  const companyId = ctx.query.get('company_id');
  const status = ctx.query.get('status');
  const type = ctx.query.get('type');
  const search = ctx.query.get('search')?.trim().toLowerCase();
  const searchDigits = search ? digitsOf(search) : '';
  const trackers = ctx.store.trackers
    .filter((t) => t.account_id === ctx.account.id)
    .filter((t) => !companyId || t.company_id === companyId)
    .filter((t) => !status || t.status === status)
    .filter((t) => !type || t.type === type)
    .filter(
      (t) =>
        !search ||
        t.name.toLowerCase().includes(search) ||
        (searchDigits !== '' && t.tracking_numbers.some((n) => digitsOf(n).includes(searchDigits))),
    );
  return offsetPage(ctx, trackers, 'trackers', (t) => trackerView(t, ctx.store));
};

export const getTracker: Handler = (ctx, [, id]) => {
  const tracker = ctx.store.tracker(id ?? '');
  if (!tracker || tracker.account_id !== ctx.account.id) throw new ApiError(404, NOT_FOUND);
  return ok(trackerView(tracker, ctx.store));
};
