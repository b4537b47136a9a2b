import type { Handler } from '../http';
import { ApiError, missingParam, NOT_FOUND } from '../http';
import { offsetPage } from '../pagination';

/** GET caller_ids.json: needs `company_id` (400 without, 404 for another account's company). */
export const listCallerIds: Handler = (ctx) => {
  const companyId = ctx.query.get('company_id');
  if (!companyId) throw missingParam('company_id');
  if (!ctx.store.companyIn(ctx.account.id, companyId)) throw new ApiError(404, NOT_FOUND);
  const callerIds = ctx.store.callerIds.filter((c) => c.company_id === companyId);
  return offsetPage(ctx, callerIds, 'caller_ids', (c) => ({
    id: c.id,
    name: c.name,
    phone_number: c.phone_number,
    verified: c.verified,
    validation_code: null,
    created_at: c.created_at,
  }));
};
