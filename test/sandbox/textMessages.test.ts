import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import type { Page } from './helpers';
import { call, seeded, startFixed } from './helpers';

type Message = {
  direction: string;
  content: string;
  created_at: string;
  type: string;
  media_urls: string[];
  sms_thread: Record<string, unknown>;
};
type Conversation = Record<string, unknown> & {
  id: string;
  recent_messages: Message[];
  last_message_at: string;
};

describe('sandbox text messages', () => {
  let sandbox: Sandbox;
  let base: string;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed();
    base = `/a/${seeded(sandbox).summit.id}`;
  });
  afterAll(() => sandbox.close());

  const send = (body: unknown) =>
    call<Conversation>(sandbox, `${base}/text-messages.json`, { method: 'POST', body });
  const valid = () => {
    const { downtown, tracker } = seeded(sandbox);
    return {
      company_id: downtown.id,
      tracking_number: tracker(downtown, 'Google Ads').tracking_numbers[0],
      customer_phone_number: '+13035550177',
      content: 'Hi from the sandbox',
    };
  };

  it('lists conversations newest first under `conversations`, filtered by company and search', async () => {
    const { downtown } = seeded(sandbox);
    const page = await call<Page<'conversations', Conversation>>(
      sandbox,
      `${base}/text-messages.json`,
    );
    expect(page.body.total_records).toBe(9);
    const times = page.body.conversations.map((c) => Date.parse(c.last_message_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const company = await call<Page<'conversations', Conversation>>(
      sandbox,
      `${base}/text-messages.json?company_id=${downtown.id}`,
    );
    expect(company.body.conversations.map((c) => c.id).sort()).toEqual(
      [...downtown.conversation_ids].sort(),
    );
    const sample = company.body.conversations[0];
    const digits = String(sample?.customer_phone_number).slice(-7);
    const search = await call<Page<'conversations', Conversation>>(
      sandbox,
      `${base}/text-messages.json?search=${digits}`,
    );
    expect(search.body.conversations.map((c) => c.id)).toContain(sample?.id);
    const named = company.body.conversations.find((c) => typeof c.customer_name === 'string');
    const byName = await call<Page<'conversations', Conversation>>(
      sandbox,
      `${base}/text-messages.json?search=${encodeURIComponent(String(named?.customer_name).split(' ')[0]?.toLowerCase() ?? '')}`,
    );
    expect(byName.body.conversations.map((c) => c.id)).toContain(named?.id);
  });

  it('returns one conversation in CallRail’s shape, with an MMS among the seeded messages', async () => {
    const { downtown } = seeded(sandbox);
    const id = downtown.conversation_ids[1] ?? '';
    const reply = await call<Conversation>(sandbox, `${base}/text-messages/${id}.json`);
    expect(reply.body).toMatchObject({
      id,
      company_id: downtown.id,
      state: 'active',
      company_time_zone: 'America/Denver',
      company_name: downtown.name,
      formatted_customer_phone_number: expect.stringMatching(/^\d{3}-\d{3}-\d{4}$/),
      formatted_current_tracking_number: expect.stringMatching(/^\d{3}-\d{3}-\d{4}$/),
    });
    expect(id).toMatch(/^[A-Za-z0-9]{5}$/);
    const messages = reply.body.recent_messages;
    expect(messages.at(-1)?.direction).toBe('incoming');
    expect(messages.some((m) => m.type === 'mms' && m.media_urls.length === 1)).toBe(true);
    expect(messages[0]?.sms_thread).toEqual({
      id: expect.stringMatching(/^SMT[0-9a-f]{32}$/),
      notes: null,
      tags: [],
      value: null,
      lead_qualification: null,
    });
    expect((await call(sandbox, `${base}/text-messages/nope1.json`)).status).toBe(404);
  });

  it('sends a text: 200 with the whole conversation, the new message first', async () => {
    const before = sandbox.store.conversations.length;
    const reply = await send(valid());
    expect(reply.status).toBe(200);
    expect(reply.body.customer_phone_number).toBe('+13035550177');
    expect(reply.body.current_tracking_number).toBe(valid().tracking_number);
    expect(reply.body.recent_messages[0]).toMatchObject({
      direction: 'outgoing',
      content: 'Hi from the sandbox',
      type: 'sms',
      media_urls: [],
    });
    expect(reply.body.last_message_at).toBe('2026-11-20T12:00:00.000-07:00');
    expect(sandbox.store.conversations).toHaveLength(before + 1);

    // The same customer and number continue the same conversation, with a typed-in number.
    const again = await send({
      ...valid(),
      customer_phone_number: '(303) 555-0177',
      content: 'Second',
    });
    expect(again.body.id).toBe(reply.body.id);
    expect(again.body.recent_messages.map((m) => m.content)).toEqual([
      'Second',
      'Hi from the sandbox',
    ]);
    expect(sandbox.store.conversations).toHaveLength(before + 1);
  });

  it('continues a seeded conversation and keeps a known caller’s name', async () => {
    const { downtown } = seeded(sandbox);
    const seededConversation = sandbox.store.conversations.find(
      (c) => c.id === downtown.conversation_ids[0],
    );
    if (!seededConversation) throw new Error('expected a seeded conversation');
    const count = seededConversation.recent_messages.length;
    const reply = await send({
      company_id: downtown.id,
      tracking_number: seededConversation.current_tracking_number,
      customer_phone_number: seededConversation.customer_phone_number,
      content: 'Following up',
    });
    expect(reply.body.id).toBe(seededConversation.id);
    expect(reply.body.recent_messages).toHaveLength(count + 1);

    const caller = sandbox.store.calls.find(
      (c) => c.company_id === downtown.id && c.customer_name !== null,
    );
    const fresh = await send({
      ...valid(),
      customer_phone_number: caller?.customer_phone_number,
      content: 'Hello again',
    });
    const existing = sandbox.store.conversations.filter(
      (c) =>
        c.customer_phone_number === caller?.customer_phone_number &&
        c.current_tracking_number === valid().tracking_number,
    );
    expect(existing).toHaveLength(1);
    expect(fresh.body.customer_name).not.toBeNull();
  });

  it('sends an MMS with media_url and no content', async () => {
    const reply = await send({
      ...valid(),
      content: undefined,
      media_url: 'https://example.com/cat.png',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.recent_messages[0]).toMatchObject({
      type: 'mms',
      content: '',
      media_urls: ['https://example.com/cat.png'],
    });
  });

  it.each([
    ['company_id', 400, 'param is missing or the value is empty: company_id'],
    ['tracking_number', 400, 'param is missing or the value is empty: tracking_number'],
    ['customer_phone_number', 400, 'param is missing or the value is empty: customer_phone_number'],
    ['content', 400, 'param is missing or the value is empty: content'],
  ])('rejects a send without %s', async (field, status, message) => {
    const body = Object.fromEntries(Object.entries(valid()).filter(([key]) => key !== field));
    const reply = await send(body);
    expect(reply.status).toBe(status);
    expect(reply.body).toEqual({ error: message });
  });

  it('rejects what CallRail would refuse with 422', async () => {
    const { downtown, phoenix, plumbing, lakewood, tracker } = seeded(sandbox);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ content: 'x'.repeat(141) }, 'Content is too long (maximum is 140 characters)'],
      [{ company_id: plumbing.id }, 'Company not found or not active'],
      [{ company_id: lakewood.id }, 'Company not found or not active'],
      [
        { tracking_number: tracker(downtown, 'Yellow Pages').tracking_numbers[0] },
        'Tracking number is not an active, SMS-enabled tracking number of this company',
      ],
      [
        { tracking_number: tracker(downtown, 'Website Pool').tracking_numbers[0] },
        'Tracking number is not an active, SMS-enabled tracking number of this company',
      ],
      [
        { tracking_number: tracker(phoenix, 'Google Organic').tracking_numbers[0] },
        'Tracking number is not an active, SMS-enabled tracking number of this company',
      ],
      [
        { customer_phone_number: '+447911123456' },
        'Customer phone number must be a valid US or Canadian phone number',
      ],
      [
        { customer_phone_number: '+18765550123' },
        'Customer phone number must be a valid US or Canadian phone number',
      ],
      [
        { customer_phone_number: 'call me' },
        'Customer phone number must be a valid US or Canadian phone number',
      ],
      [
        { media_url: 'ftp://example.com/x.png' },
        'Media url must be a publicly accessible http(s) URL',
      ],
    ];
    const before = JSON.stringify(sandbox.store.conversations);
    for (const [change, message] of cases) {
      const reply = await send({ ...valid(), ...change });
      expect({ change, status: reply.status, body: reply.body }).toEqual({
        change,
        status: 422,
        body: { error: message },
      });
    }
    expect(JSON.stringify(sandbox.store.conversations)).toBe(before);
  });

  it('counts UTF-16 units, like the app (an emoji is 2), and accepts Canadian numbers', async () => {
    const seventy = '😀'.repeat(70);
    const reply = await send({
      ...valid(),
      content: seventy,
      customer_phone_number: '+14165550100',
    });
    expect(reply.status).toBe(200);
    const tooLong = await send({ ...valid(), content: `${seventy}😀` });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toEqual({ error: 'Content is too long (maximum is 140 characters)' });
  });
});
