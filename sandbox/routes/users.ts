import type { Handler } from '../http';
import { offsetPage } from '../pagination';

/** GET users.json: the account's users, with the companies each may see. */
export const listUsers: Handler = (ctx) => {
  const users = ctx.store.users.filter((u) => u.account_id === ctx.account.id);
  return offsetPage(ctx, users, 'users', (u) => ({
    id: u.id,
    email: u.email,
    first_name: u.first_name,
    last_name: u.last_name,
    name: `${u.first_name} ${u.last_name}`,
    role: u.role,
    accepted: true,
    created_at: u.created_at,
    companies: u.company_ids.map((id) => ({ id, name: ctx.store.company(id)?.name ?? null })),
  }));
};
