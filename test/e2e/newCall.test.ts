import { activeCompany, appTester, authFor, useSandbox } from './harness';
import { operation } from '../operations';

const newCall = operation('triggers', 'new_call');
const findCall = operation('searches', 'find_call');

const sandbox = useSandbox();

describe('New Call polling and Find Call against the sandbox', () => {
  it('polls in one request when fewer than a page of calls came in', async () => {
    sandbox().resetRequests();
    const calls = await appTester(newCall, {
      authData: authFor(sandbox()),
      inputData: {},
      meta: {},
    });
    expect(sandbox().requests).toHaveLength(1);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThan(100);
    const starts = calls.map((c) => Date.parse(String(c.start_time)));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(calls[0]).toHaveProperty('utm_source');
    expect(calls[0]).toHaveProperty('first_touch_source');
  });

  it('loses no call of a burst between two polls', async () => {
    const company = activeCompany(sandbox());
    const burst = sandbox().addCalls(company.id, 600);
    sandbox().resetRequests();
    const calls = await appTester(newCall, {
      authData: authFor(sandbox()),
      inputData: { company_id: company.id },
      meta: {},
    });
    const ids = new Set(calls.map((c) => c.id));
    expect(burst.every((call) => ids.has(call.id))).toBe(true);
    expect(sandbox().requests.length).toBe(3);
    expect(sandbox().requests.every((r) => r.status === 200)).toBe(true);
  });

  it('returns exactly the calls that match direction, answer status and minimum duration', async () => {
    // A company the burst above did not touch, so its whole week fits in one page.
    const company = activeCompany(sandbox(), 0, 1);
    const poll = (filters: Record<string, unknown>) =>
      appTester(newCall, {
        authData: authFor(sandbox()),
        inputData: { company_id: company.id, ...filters },
        meta: {},
      });
    const all = await poll({});
    const filtered = await poll({
      direction: 'inbound',
      answer_status: 'answered',
      min_duration: 120,
    });
    const expected = all.filter(
      (c) => c.direction === 'inbound' && c.answered === true && Number(c.duration) >= 120,
    );
    expect(all.length).toBeLessThan(100);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(filtered.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  });

  it('finds calls by phone number, written any way, newest first, and by id', async () => {
    const [newest] = await appTester(newCall, {
      authData: authFor(sandbox()),
      inputData: {},
      meta: {},
    });
    const number = String(newest?.customer_phone_number);
    const written = number.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
    sandbox().resetRequests();
    const byPhone = await appTester(findCall, {
      authData: authFor(sandbox()),
      inputData: { customer_phone_number: written },
    });
    expect(sandbox().requests).toHaveLength(1);
    expect(byPhone.length).toBeGreaterThan(0);
    expect(byPhone.every((c) => c.customer_phone_number === number)).toBe(true);
    expect(byPhone[0]?.id).toBe(newest?.id);
    const byId = await appTester(findCall, {
      authData: authFor(sandbox()),
      inputData: { call_id: newest?.id },
    });
    expect(byId).toEqual([newest]);
    const none = await appTester(findCall, {
      authData: authFor(sandbox()),
      inputData: { call_id: 'CAL00000000000000000000000000000000' },
    });
    expect(none).toEqual([]);
  });
});
