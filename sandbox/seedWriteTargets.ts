import type { SandboxStore } from './store';
import { DAY_MS } from './time';

/**
 * What writes act on besides calls: tags (one per tag name the seeded calls use, at the company
 * level, plus an account-wide "VIP"), outbound caller IDs (one verified and one pending for each
 * account's first company); users come from routes/users.ts. Runs after the calls, so the tags match them.
 */

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
  });
}
