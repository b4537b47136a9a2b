import type { Handler, RequestContext } from '../http';
import { ApiError, NOT_FOUND, ok } from '../http';
import { offsetPage } from '../pagination';
import { digitsOf } from '../phone';
import { trackerView } from '../serializers';
import type { JsonObject, TrackerRecord } from '../types';

const SMS_FLAGS = ['sms_supported', 'sms_enabled'] as const;

/**
 * A tracker with what `fields=` asked for. Every documented field is in the default payload,
 * except the texting flags when the store hides them (`trackerSmsFlagsOnRequest`); naming them
 * in `fields=` brings them back. Unknown names are ignored, as CallRail does.
 */
const trackerWithFields = (ctx: RequestContext) => {
  const asked = new Set((ctx.query.get('fields') ?? '').split(',').map((f) => f.trim()));
  return (tracker: TrackerRecord): JsonObject => {
    const view = trackerView(tracker, ctx.store);
    if (!ctx.store.trackerSmsFlagsOnRequest) return view;
    return Object.fromEntries(
      Object.entries(view).filter(
        ([key]) => !(SMS_FLAGS as readonly string[]).includes(key) || asked.has(key),
      ),
    );
  };
};

/** GET trackers.json: `company_id`, `status`, `type`, `search` (name or number), `fields`. */
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
  return offsetPage(ctx, trackers, 'trackers', trackerWithFields(ctx));
};

export const getTracker: Handler = (ctx, [, id]) => {
  const tracker = ctx.store.tracker(id ?? '');
  if (!tracker || tracker.account_id !== ctx.account.id) throw new ApiError(404, NOT_FOUND);
  return ok(trackerWithFields(ctx)(tracker));
};
