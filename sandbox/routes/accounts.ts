import type { Handler } from '../http';
import { ok } from '../http';
import { compareText, offsetPage, sortOrder } from '../pagination';
import { accountView } from '../serializers';

/** `numeric_id` is opt-in (`fields=numeric_id`), as in CallRail's docs example. */
const wantsNumericId = (fields: string | null): boolean =>
  (fields ?? '').split(',').some((f) => f.trim() === 'numeric_id');

/**
 * GET /v3/a.json: the accounts this key can see, oldest first unless `sort=name` (the only
 * sortable field).
 */
export const listAccounts: Handler = (ctx) => {
  const accounts = [...ctx.visibleAccounts];
  if (ctx.query.get('sort') === 'name') {
    const sign = sortOrder(ctx, 'asc') === 'asc' ? 1 : -1;
    accounts.sort((a, b) => compareText(a.name, b.name) * sign);
  }
  const withNumeric = wantsNumericId(ctx.query.get('fields'));
  return offsetPage(ctx, accounts, 'accounts', (a) => accountView(a, withNumeric));
};

/** GET /v3/a/{account}.json, by `ACC…` or numeric id. */
export const getAccount: Handler = (ctx) =>
  ok(accountView(ctx.account, wantsNumericId(ctx.query.get('fields'))));
