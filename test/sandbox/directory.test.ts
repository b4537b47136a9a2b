import nock from 'nock';

import type { Sandbox } from '../../sandbox';
import type { Page } from './helpers';
import { call, seeded, startFixed } from './helpers';

describe('sandbox directory: company and tracker search, tracker fields, users', () => {
  let sandbox: Sandbox;
  let base: string;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed();
    base = `/a/${seeded(sandbox).summit.id}`;
  });
  afterAll(() => sandbox.close());
  afterEach(() => {
    sandbox.store.trackerSmsFlagsOnRequest = false;
  });

  it('searches companies by name, in any case, active and disabled alike', async () => {
    const found = await call<Page<'companies'>>(
      sandbox,
      `${base}/companies.json?search=SUMMIT%20DENTAL`,
    );
    expect(found.body.companies.map((c) => [c.name, c.status])).toEqual([
      ['Summit Dental - Downtown Denver', 'active'],
      ['Summit Dental - Lakewood', 'disabled'],
      ['Summit Dental - Phoenix', 'active'],
    ]);
  });

  it('searches trackers by name or by the digits of a number, within the account', async () => {
    const { downtown, tracker } = seeded(sandbox);
    const byName = await call<Page<'trackers'>>(
      sandbox,
      `${base}/trackers.json?search=google%20ads`,
    );
    expect(byName.body.trackers.map((t) => t.id)).toEqual([tracker(downtown, 'Google Ads').id]);
    const number = tracker(downtown, 'Website Pool').tracking_numbers[2] ?? '';
    const byDigits = await call<Page<'trackers'>>(
      sandbox,
      `${base}/trackers.json?search=${number.slice(2)}`,
    );
    expect(byDigits.body.trackers.map((t) => t.id)).toEqual([tracker(downtown, 'Website Pool').id]);
    const otherAccount = await call<Page<'trackers'>>(sandbox, `${base}/trackers.json?search=bing`);
    expect(otherAccount.body.trackers).toEqual([]);
  });

  it('sends the texting flags by default, or only through fields= when told to hide them', async () => {
    const { downtown, tracker } = seeded(sandbox);
    const id = tracker(downtown, 'Google Ads').id;
    const plain = await call(sandbox, `${base}/trackers/${id}.json`);
    expect(plain.body).toMatchObject({ sms_supported: true, sms_enabled: true });
    sandbox.store.trackerSmsFlagsOnRequest = true;
    const hidden = await call<Page<'trackers'>>(
      sandbox,
      `${base}/trackers.json?company_id=${downtown.id}`,
    );
    expect(
      hidden.body.trackers.every((t) => !('sms_enabled' in t) && !('sms_supported' in t)),
    ).toBe(true);
    expect(hidden.body.trackers[0]).toHaveProperty('tracking_numbers');
    const asked = await call(sandbox, `${base}/trackers/${id}.json?fields=sms_enabled,nonsense`);
    expect(asked.body).toMatchObject({ sms_enabled: true });
    expect(asked.body).not.toHaveProperty('sms_supported');
    expect(asked.body).not.toHaveProperty('nonsense');
  });

  it('lists users with the CallRail envelope, sorted, paged and searchable', async () => {
    const all = await call<Page<'users'>>(sandbox, `${base}/users.json?sort=email`);
    expect(all.body).toMatchObject({ page: 1, per_page: 100, total_pages: 1, total_records: 5 });
    expect(all.body.users.map((u) => u.email)).toEqual([
      'dana.whitfield@summitdental.example',
      'elena@summitdental.example',
      'Marcus.Lee@summitdental.example',
      'priya.raman@summitdental.example',
      'tom.okafor@summitdental.example',
    ]);
    expect(all.body.users[0]).toEqual({
      id: expect.stringMatching(/^USR[0-9a-f]{32}$/),
      email: 'dana.whitfield@summitdental.example',
      first_name: 'Dana',
      last_name: 'Whitfield',
      name: 'Dana Whitfield',
      role: 'admin',
      accepted: true,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-0[45]:00$/),
    });
    const second = await call<Page<'users'>>(
      sandbox,
      `${base}/users.json?sort=email&per_page=2&page=2`,
    );
    expect(second.body.users.map((u) => u.first_name)).toEqual(['Marcus', 'Priya']);
    expect(second.headers.get('link')).toMatch(/page=3>; rel="next"$/);
    const search = await call<Page<'users'>>(sandbox, `${base}/users.json?search=marcus.LEE`);
    expect(search.body.users.map((u) => u.name)).toEqual(['Marcus Lee']);
    const byLastName = await call<Page<'users'>>(sandbox, `${base}/users.json?search=okafor`);
    expect(byLastName.body.users).toEqual([expect.objectContaining({ accepted: false })]);
  });

  it('keeps each account’s users to itself, and the same on every run', async () => {
    const { harbor } = seeded(sandbox);
    const harborUsers = await call<Page<'users'>>(sandbox, `/a/${harbor.id}/users.json`);
    expect(harborUsers.body.users.map((u) => u.email)).not.toContain(
      'dana.whitfield@summitdental.example',
    );
    const again = await startFixed();
    try {
      const first = await call<Page<'users'>>(sandbox, `${base}/users.json`);
      const second = await call<Page<'users'>>(again, `${base}/users.json`);
      expect(second.body.users).toEqual(first.body.users);
    } finally {
      await again.close();
    }
  });
});
