import { hex32, resourceId } from './ids';
import type { SandboxStore } from './store';
import { DAY_MS } from './time';

/**
 * What writes act on besides calls: tags (one per tag name the seeded calls use, at the company
 * level, plus an account-wide "VIP"), outbound caller IDs (one verified and one pending for each
 * account's first company) and users. Runs after the calls, so the tags match them.
 */

const FIRST = ['Gil', 'Maya', 'Owen', 'Priya'];
const LAST = ['Mendez', 'Okafor', 'Larsen', 'Shah'];

export function seedWriteTargets(store: SandboxStore, now: Date): void {
  const created = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  store.accounts.forEach((account, a) => {
    const companies = store.companies.filter((c) => c.account_id === account.id);
    store.tags.push({
      id: store.nextTagId(),
      account_id: account.id,
      name: 'VIP',
      company_id: null,
      color: 'purple1',
      status: 'enabled',
      created_at: created(300),
    });
    for (const company of companies) {
      const names = [
        ...new Set(store.calls.filter((c) => c.company_id === company.id).flatMap((c) => c.tags)),
      ].sort();
      for (const name of names) {
        store.tags.push({
          id: store.nextTagId(),
          account_id: account.id,
          name,
          company_id: company.id,
          color: 'gray1',
          status: 'enabled',
          created_at: created(200),
        });
      }
    }
    const first = companies[0];
    if (first) {
      [true, false].forEach((verified, v) => {
        store.callerIds.push({
          id: 5678 + a * 10 + v,
          account_id: account.id,
          company_id: first.id,
          name: verified ? 'Front Desk' : 'Owner Mobile',
          phone_number: `+1${verified ? '720' : '303'}55501${90 + a * 2 + v}`,
          verified,
          created_at: created(100),
        });
      });
    }
    FIRST.slice(0, 2 + a).forEach((firstName, u) => {
      const lastName = LAST[u] ?? 'Smith';
      store.users.push({
        id: resourceId('USR', `user:${a}:${u}`),
        account_id: account.id,
        email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@${hex32(account.id).slice(0, 6)}.example`,
        first_name: firstName,
        last_name: lastName,
        role: u === 0 ? 'admin' : 'manager',
        created_at: created(400 - u * 30),
        company_ids: companies.map((c) => c.id),
      });
    });
  });
}
