import { operation } from '../operations';
import { appTester, authFor, failureOf, useSandbox } from './harness';

const findCompany = operation('searches', 'find_company');
const findTracker = operation('searches', 'find_tracker');
const findUser = operation('searches', 'find_user');
const userList = operation('triggers', 'user_list');
const trackingNumberList = operation('triggers', 'tracking_number_list');

const sandbox = useSandbox({ now: () => new Date('2026-11-20T19:00:00Z') });
const auth = () => authFor(sandbox());
const company = (name: string) => {
  const found = sandbox().accounts[0]?.companies.find((c) => c.name.includes(name));
  if (!found) throw new Error(`No company ${name}.`);
  return found;
};
const tracker = (companyName: string, name: string) => {
  const found = company(companyName).trackers.find((t) => t.name === name);
  if (!found) throw new Error(`No tracker ${name}.`);
  return found;
};

describe('directory searches and dropdowns against the sandbox', () => {
  beforeEach(() => sandbox().resetRequests());
  afterEach(() => {
    sandbox().store.trackerSmsFlagsOnRequest = false;
  });

  it('Find Company: exact name first, in one request', async () => {
    const found = await appTester(findCompany, {
      authData: auth(),
      inputData: { name: 'summit dental - phoenix' },
    });
    expect(found.map((c) => c.id)).toEqual([company('Phoenix').id]);
    expect(found[0]).toMatchObject({
      name: 'Summit Dental - Phoenix',
      status: 'active',
      time_zone: 'America/Phoenix',
    });
    expect(
      sandbox().requests.map((r) => [r.method, r.path.replace(/ACC\w+/, 'ACC'), r.query]),
    ).toEqual([
      [
        'GET',
        '/v3/a/ACC/companies.json',
        { search: 'summit dental - phoenix', sort: 'name', order: 'asc', per_page: '250' },
      ],
    ]);
  });

  it('Find Company: partial names, active before disabled; [] when nothing matches', async () => {
    const found = await appTester(findCompany, { authData: auth(), inputData: { name: 'Summit' } });
    expect(found.map((c) => c.name)).toEqual([
      'Summit Dental - Downtown Denver',
      'Summit Dental - Phoenix',
      'Summit Dental - Lakewood',
    ]);
    await expect(
      appTester(findCompany, { authData: auth(), inputData: { name: 'Harbor' } }),
    ).resolves.toEqual([]);
  });

  it('Find Tracker: by a number written any way, or by name', async () => {
    const pool = tracker('Downtown', 'Website Pool');
    const number = pool.tracking_numbers[1] ?? '';
    const written = number.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
    const byNumber = await appTester(findTracker, {
      authData: auth(),
      inputData: { tracking_number: written },
    });
    expect(byNumber).toEqual([
      expect.objectContaining({
        id: pool.id,
        tracking_numbers: pool.tracking_numbers,
        company_id: company('Downtown').id,
        company_name: 'Summit Dental - Downtown Denver',
        sms_enabled: false,
      }),
    ]);
    expect(sandbox().requests.at(-1)?.query).toEqual({ search: number.slice(2), per_page: '250' });
    const byName = await appTester(findTracker, {
      authData: auth(),
      inputData: { name: 'google ads', company_id: company('Downtown').id },
    });
    expect(byName.map((t) => t.id)).toEqual([tracker('Downtown', 'Google Ads').id]);
    expect(sandbox().requests).toHaveLength(2);
  });

  it('Find Tracker: refuses no input without a request', async () => {
    const failure = await failureOf(appTester(findTracker, { authData: auth(), inputData: {} }));
    expect(failure.message).toBe('Give a Tracker Name or a Tracking Number to search for.');
    expect(sandbox().requests).toEqual([]);
  });

  it('Find User: exact email in any case; [] for a part of one', async () => {
    const found = await appTester(findUser, {
      authData: auth(),
      inputData: { email: 'MARCUS.lee@SummitDental.example' },
    });
    expect(found).toEqual([
      expect.objectContaining({
        email: 'Marcus.Lee@summitdental.example',
        name: 'Marcus Lee',
        role: 'manager',
      }),
    ]);
    await expect(
      appTester(findUser, { authData: auth(), inputData: { email: 'lee@summitdental.example' } }),
    ).resolves.toEqual([]);
    expect(sandbox().requests).toHaveLength(2);
  });

  it('user_list: every user of the account, with id and name', async () => {
    const users = await appTester(userList, {
      authData: auth(),
      meta: { page: 0, isFillingDynamicDropdown: true },
    });
    expect(users.map((u) => u.name)).toEqual([
      'Dana Whitfield (dana.whitfield@summitdental.example)',
      'Elena Ruiz (elena@summitdental.example)',
      'Marcus Lee (Marcus.Lee@summitdental.example)',
      'Priya Raman (priya.raman@summitdental.example)',
      'Tom Okafor (tom.okafor@summitdental.example) · invitation pending',
    ]);
    expect(users.every((u) => /^USR[0-9a-f]{32}$/.test(String(u.id)))).toBe(true);
  });

  it('texting numbers: not empty when CallRail leaves the texting flags out', async () => {
    const downtown = company('Downtown');
    const list = () =>
      appTester(trackingNumberList, {
        authData: auth(),
        inputData: { company_id: downtown.id },
        meta: { page: 0, isFillingDynamicDropdown: true },
      });
    const withFlags = (await list()).map((o) => o.id);
    expect(withFlags).toEqual(
      downtown.trackers
        .filter((t) => t.status === 'active' && t.sms_enabled)
        .flatMap((t) => t.tracking_numbers),
    );
    sandbox().store.trackerSmsFlagsOnRequest = true;
    const withoutFlags = (await list()).map((o) => o.id);
    expect(withoutFlags).toEqual(
      downtown.trackers.filter((t) => t.status === 'active').flatMap((t) => t.tracking_numbers),
    );
  });
});
