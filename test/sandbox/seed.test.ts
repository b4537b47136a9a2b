import { startSandbox } from '../../sandbox';
import { FIXED_NOW, startFixed } from './helpers';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;
const E164 = /^\+1[2-9]\d{2}[2-9]\d{6}$/;

describe('sandbox seed data', () => {
  it('is identical on every run with the same clock', async () => {
    const [a, b] = await Promise.all([startFixed(), startFixed()]);
    try {
      expect(JSON.stringify(b.store)).toBe(JSON.stringify(a.store));
      expect(b.accounts).toEqual(a.accounts);
      expect(b.keys).toEqual(a.keys);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps ids, callers and structure when only the clock moves', async () => {
    const later = new Date(FIXED_NOW.getTime() + 3 * 86_400_000 + 5 * 3_600_000);
    const [a, b] = await Promise.all([startFixed(), startSandbox({ now: () => later })]);
    try {
      const shape = (s: typeof a) =>
        s.store.calls.map((c) => [
          c.id,
          c.legacy_id,
          c.customer_phone_number,
          c.tracker_id,
          c.duration,
        ]);
      expect(shape(b)).toEqual(shape(a));
      expect(b.accounts).toEqual(a.accounts);
      const offsets = (s: typeof a, now: Date) =>
        s.store.calls.map((c) => now.getTime() - Date.parse(c.start_time));
      expect(offsets(b, later)).toEqual(offsets(a, FIXED_NOW));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('seeds two accounts, five companies and a few hundred calls in CallRail’s formats', async () => {
    const sandbox = await startFixed();
    try {
      const { store, accounts } = sandbox;
      expect(accounts.map((a) => [a.name, a.companies.length])).toEqual([
        ['Summit Dental Group', 3],
        ['Harbor Home Services', 2],
      ]);
      for (const account of store.accounts) {
        expect(account.id).toMatch(/^ACC[0-9a-f]{32}$/);
        expect(String(account.numeric_id)).toMatch(/^\d{9}$/);
      }
      for (const company of store.companies) {
        expect(company.id).toMatch(/^COM[0-9a-f]{32}$/);
        expect(company.signing_key).toMatch(/^[0-9a-f]{32}$/);
      }
      const disabled = store.companies.filter((c) => c.status === 'disabled');
      expect(disabled).toHaveLength(1);
      expect(disabled[0]?.disabled_at).not.toBeNull();
      for (const tracker of store.trackers) {
        expect(tracker.id).toMatch(/^TRK[0-9a-f]{32}$/);
        for (const n of tracker.tracking_numbers) expect(n).toMatch(E164);
      }
      expect(store.trackers.some((t) => t.sms_enabled && t.status === 'active')).toBe(true);
      expect(store.trackers.some((t) => !t.sms_supported)).toBe(true);
      expect(new Set(store.trackers.map((t) => t.type))).toEqual(new Set(['source', 'session']));

      expect(store.calls.length).toBeGreaterThanOrEqual(300);
      const oldest = FIXED_NOW.getTime() - 28 * 86_400_000;
      for (const c of store.calls) {
        expect(c.id).toMatch(/^CAL[0-9a-f]{32}$/);
        expect(c.start_time).toMatch(ISO_WITH_OFFSET);
        expect(c.customer_phone_number).toMatch(E164);
        const start = Date.parse(c.start_time);
        expect(start).toBeGreaterThanOrEqual(oldest);
        expect(start).toBeLessThan(FIXED_NOW.getTime() - 4 * 60_000);
      }
      const lakewood = disabled[0];
      const lakewoodCalls = store.calls.filter((c) => c.company_id === lakewood?.id);
      expect(lakewoodCalls.length).toBeGreaterThan(0);
      expect(
        lakewoodCalls.every(
          (c) => Date.parse(c.start_time) < Date.parse(lakewood?.disabled_at ?? ''),
        ),
      ).toBe(true);

      // Legacy ids grow with time, like CallRail's.
      const legacy = store.calls.map((c) => c.legacy_id);
      expect(legacy).toEqual([...legacy].sort((x, y) => x - y));
      const kinds = new Set(store.calls.map((c) => `${c.direction}:${c.answered}:${c.voicemail}`));
      expect(kinds).toEqual(
        new Set([
          'inbound:true:false',
          'inbound:false:false',
          'inbound:false:true',
          'outbound:true:false',
          'outbound:false:false',
        ]),
      );
      expect(new Set(store.calls.map((c) => c.lead_status))).toEqual(
        new Set(['good_lead', 'not_a_lead', 'previously_marked_good_lead', null]),
      );
      expect(store.calls.some((c) => c.customer_country === 'CA')).toBe(true);
      expect(store.calls.some((c) => c.customer_name === null)).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it('works out caller history: first_call, prior_calls and total_calls', async () => {
    const sandbox = await startFixed();
    try {
      const byCaller = new Map<string, number>();
      for (const c of sandbox.store.calls) {
        const key = `${c.company_id}|${c.customer_phone_number}`;
        const prior = byCaller.get(key) ?? 0;
        expect([c.prior_calls, c.first_call, c.total_calls]).toEqual([
          prior,
          prior === 0,
          prior + 1,
        ]);
        byCaller.set(key, prior + 1);
      }
      const repeat = sandbox.store.calls.find(
        (c) => c.lead_status === 'previously_marked_good_lead',
      );
      const original = sandbox.store.calls.find((c) => c.legacy_id === repeat?.good_lead_call_id);
      expect(original).toMatchObject({
        lead_status: 'good_lead',
        customer_phone_number: repeat?.customer_phone_number,
      });
      expect(repeat?.person_id).toBe(original?.person_id);
    } finally {
      await sandbox.close();
    }
  });

  it('binds 127.0.0.1 on the port asked for, and fails cleanly when it is taken', async () => {
    const first = await startSandbox();
    const port = Number(new URL(first.baseUrl).port);
    try {
      expect(first.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
      await expect(startSandbox({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
