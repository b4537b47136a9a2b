import {
  activeCompany,
  appTester,
  authFor,
  failureOf,
  sendText,
  textingNumberOf,
  useSandbox,
} from './harness';
import { operation } from '../operations';

const sendSms = operation<Record<string, unknown>>('creates', 'send_sms');
const companyList = operation('triggers', 'company_list');
const trackingNumberList = operation('triggers', 'tracking_number_list');

const sandbox = useSandbox({ limits: { textsPerHour: 6 } });
const dropdown = { page: 0, isFillingDynamicDropdown: true };

describe('Send SMS against the sandbox', () => {
  afterEach(() => sandbox().resetRateLimits());

  it('walks the dropdown chain: active companies, then their active SMS-enabled numbers', async () => {
    const authData = authFor(sandbox());
    const companies = await appTester(companyList, { authData, meta: dropdown });
    const seeded = sandbox().accounts[0]?.companies ?? [];
    const active = seeded.filter((c) => c.status === 'active');
    expect(active.length).toBeLessThan(seeded.length);
    expect(companies.map((c) => c.id).sort()).toEqual(active.map((c) => c.id).sort());
    expect(companies.map((c) => c.name)).toEqual(active.map((c) => c.name).sort());
    for (const company of seeded.filter((c) => c.status === 'active')) {
      const numbers = await appTester(trackingNumberList, {
        authData,
        inputData: { company_id: company.id },
        meta: dropdown,
      });
      const expected = company.trackers
        .filter((t) => t.status === 'active' && t.sms_enabled)
        .flatMap((t) => t.tracking_numbers.map((n) => `${t.name} (${n})`));
      expect(numbers.map((n) => n.name).sort()).toEqual(expected.sort());
    }
  });

  it('sends a text that lands in the conversation', async () => {
    const company = activeCompany(sandbox());
    const from = textingNumberOf(company);
    sandbox().resetRequests();
    const result = await appTester(sendSms, {
      authData: authFor(sandbox()),
      inputData: {
        company_id: company.id,
        tracking_number: from,
        customer_phone_number: '(720) 555-0143',
        content: 'See you at 9:30 on Tuesday.',
      },
    });
    expect(sandbox().requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v3/a/${authFor(sandbox()).account_id}/text-messages.json`,
    ]);
    expect(sandbox().requests[0]?.body).toEqual({
      company_id: company.id,
      tracking_number: from,
      customer_phone_number: '+17205550143',
      content: 'See you at 9:30 on Tuesday.',
    });
    const conversation = sandbox().store.conversations.find((c) => c.id === result.id);
    expect(conversation?.recent_messages[0]).toMatchObject({
      direction: 'outgoing',
      content: 'See you at 9:30 on Tuesday.',
    });
    expect(result).toMatchObject({
      customer_phone_number: '+17205550143',
      tracking_number: from,
      company_id: company.id,
      parts_sent: 1,
    });
  });

  it('splits a long text into ordered parts at word boundaries', async () => {
    const company = activeCompany(sandbox());
    const from = textingNumberOf(company);
    const words = Array.from({ length: 45 }, (_, i) => `word${i}`).join(' ');
    const result = await appTester(sendSms, {
      authData: authFor(sandbox()),
      inputData: {
        company_id: company.id,
        tracking_number: from,
        customer_phone_number: '720-555-0188',
        content: words,
        split_long_messages: true,
      },
    });
    const conversation = sandbox().store.conversations.find((c) => c.id === result.id);
    const sent = (conversation?.recent_messages ?? [])
      .filter((m) => m.direction === 'outgoing')
      .map((m) => m.content)
      .reverse();
    expect(result.parts_sent).toBe(sent.length);
    expect(sent.join(' ')).toBe(words);
    expect(sent.every((part) => part.length <= 140)).toBe(true);
  });

  it.each([
    ['empty content', { content: '  ' }],
    ['an invalid number', { customer_phone_number: '555-01' }],
    ['a UK number', { customer_phone_number: '+44 20 7946 0958' }],
    ['141 characters without splitting', { content: 'x'.repeat(141) }],
  ])('sends nothing for %s', async (_name, change) => {
    sandbox().resetRequests();
    const failure = await failureOf(sendText(sandbox(), change));
    expect(failure.code).toBe('InvalidInput');
    expect(sandbox().requests).toHaveLength(0);
  });

  it("explains CallRail's refusal of a number that cannot text", async () => {
    const voiceOnly = activeCompany(sandbox()).trackers.find(
      (t) => t.status === 'active' && !t.sms_enabled,
    );
    const failure = await failureOf(
      sendText(sandbox(), { tracking_number: voiceOnly?.tracking_numbers[0] }),
    );
    expect(failure.message).toMatch(/^CallRail could not send the text: .+\.$/);
  });

  it("stops at CallRail's texting limit with a ThrottledError that names it", async () => {
    for (let i = 0; i < 6; i += 1) await sendText(sandbox());
    const failure = await failureOf(sendText(sandbox()));
    expect(failure.name).toBe('ThrottledError');
    expect(failure.message).toMatch(/150 texts an hour/);
    expect(failure.delay).toBe(60);
  });
});
