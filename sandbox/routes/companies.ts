import type { Handler } from '../http';
import { ApiError, NOT_FOUND, ok } from '../http';
import { compareText, offsetPage, sortOrder } from '../pagination';
import { companyView } from '../serializers';

/** GET companies.json: `status`, `search` (name), `sort=name|id`, `order`. */
export const listCompanies: Handler = (ctx) => {
  const status = ctx.query.get('status');
  const search = ctx.query.get('search')?.trim().toLowerCase();
  const sortBy = ctx.query.get('sort') === 'id' ? 'id' : 'name';
  const direction = sortOrder(ctx, 'asc') === 'asc' ? 1 : -1;
  const companies = ctx.store.companies
    .filter((c) => c.account_id === ctx.account.id)
    .filter((c) => !status || c.status === status)
    .filter((c) => !search || c.name.toLowerCase().includes(search))
    .sort((a, b) => compareText(a[sortBy], b[sortBy]) * direction);
  return offsetPage(ctx, companies, 'companies', companyView);
};

export const getCompany: Handler = (ctx, [, id]) => {
  const company = ctx.store.companyIn(ctx.account.id, id ?? '');
  if (!company) throw new ApiError(404, NOT_FOUND);
  return ok(companyView(company));
};
