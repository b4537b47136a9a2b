import { activeCompany, appTester, authFor, sendText, useSandbox } from './harness';
import { operation } from '../operations';

/**
 * Over real HTTP against the sandbox: polling loses no call in a burst (page after page, and
 * what one poll cannot read the next one does), and a send CallRail carried out but answered
 * without a body still yields an output instead of an error Zapier would retry.
 */
const newCall = operation('triggers', 'new_call');
const sandbox = useSandbox({ limits: { generalPerHour: 10_000 } });

const poll = (companyId: string) =>
  appTester(newCall, {
    authData: authFor(sandbox()),
    inputData: { company_id: companyId },
    meta: {},
  });

describe('bursts and empty answers against the sandbox', () => {
  it('reads a burst of 2,000 calls in one poll, 250 a page', async () => {
    const company = activeCompany(sandbox(), 0, 1);
    const burst = sandbox().addCalls(company.id, 2000, 0.5);
    sandbox().resetRequests();
    const ids = new Set((await poll(company.id)).map((call) => call.id));
    expect(burst.filter((call) => !ids.has(call.id))).toEqual([]);
    expect(sandbox().requests.length).toBeLessThanOrEqual(Math.ceil(2000 / 250) + 1);
  });

  it('reads a 7,000-call burst, more than one poll may read, over the next polls without losing one', async () => {
    const company = activeCompany(sandbox(), 0, 0);
    const burst = sandbox().addCalls(company.id, 7000, 0.5);
    const seen = new Set<string>();
    const requestsPerPoll: number[] = [];
    for (let polls = 0; polls < 4 && burst.some((call) => !seen.has(call.id)); polls += 1) {
      sandbox().resetRequests();
      for (const call of await poll(company.id)) seen.add(String(call.id));
      requestsPerPoll.push(sandbox().requests.length);
    }
    expect(burst.filter((call) => !seen.has(call.id))).toEqual([]);
    // 24 pages of 250 at most per poll (fewer when its 20 seconds run out first).
    expect(Math.max(...requestsPerPoll)).toBeLessThanOrEqual(24);
    expect(requestsPerPoll.length).toBeGreaterThan(1);
  });

  it('outputs a text CallRail sent but answered without a body, built from what was sent', async () => {
    sandbox().faults.emptyBodyNext(1);
    const before = sandbox().requests.length;
    const output = await sendText(sandbox(), { content: 'Your crown is ready' });
    expect(
      sandbox()
        .requests.slice(before)
        .map((r) => r.status),
    ).toEqual([200]);
    expect(output).toMatchObject({
      message: 'Your crown is ready',
      customer_phone_number: '+17205550143',
      parts_sent: 1,
    });
    const conversation = sandbox().store.conversations.find(
      (c) => c.customer_phone_number === '+17205550143',
    );
    expect(JSON.stringify(conversation)).toContain('Your crown is ready');
  });
});
