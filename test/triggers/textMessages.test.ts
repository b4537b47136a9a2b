import { createHmac } from 'node:crypto';

import nock from 'nock';

import { rawSampleConversation } from '../../src/textMessage/sample';
import { accountPath, appTester, authData, callRailApi, errorOf } from '../helpers';
import { operation } from '../operations';

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const KEY = '072e77e426f92738a72fe23c4d1953b4';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc/';

const newText = operation('triggers', 'new_text_message');
const instant = operation('triggers', 'new_text_message_instant');
const instantList = operation('triggers', 'new_text_message_instant', 'performList');
const subscribe = operation<{ urls: Record<string, string> }>(
  'triggers',
  'new_text_message_instant',
  'performSubscribe',
);
const conversations = operation<{ id: string; name: string }[]>(
  'triggers',
  'text_conversation_list',
);
const findConversation = operation('searches', 'find_text_conversation');

const page = (items: object[]) => ({
  page: 1,
  per_page: 250,
  total_pages: 1,
  total_records: items.length,
  conversations: items,
});
const other = {
  ...rawSampleConversation,
  id: 'KZaGR',
  customer_phone_number: '+17205550143',
  last_message_at: '2026-11-20T16:10:00.000-05:00',
  recent_messages: [
    { direction: 'outgoing', content: 'Reminder', created_at: '2026-11-20T16:10:00.000-05:00' },
  ],
};

afterEach(() => nock.cleanAll());

describe('New Text Message (polling)', () => {
  it('turns each recent message into one item, newest first, in one request', async () => {
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query({ company_id: COMPANY, per_page: '250' })
      .reply(
        200,
        page([rawSampleConversation, other].map((item) => ({ ...item, company_id: COMPANY }))),
      );
    const texts = await appTester(newText, {
      authData,
      inputData: { company_id: COMPANY, direction: 'both' },
      meta: {},
    });
    expect(texts.map((text) => [text.conversation_id, text.direction])).toEqual([
      ['k8mc8', 'received'],
      ['KZaGR', 'sent'],
      ['k8mc8', 'sent'],
    ]);
    expect(nock.isDone()).toBe(true);
  });

  it('reports received texts only by default, for every company', async () => {
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query({ per_page: '250' })
      .reply(200, page([rawSampleConversation, other]));
    const texts = await appTester(newText, { authData, inputData: {}, meta: {} });
    expect(texts.map((text) => text.id)).toEqual(['k8mc8:2026-11-20T16:25:04.953-05:00:incoming']);
  });

  it.each([
    [{ company_id: 'Summit' }, 'Company must be a CallRail ID'],
    [{ direction: 'inbound' }, 'Direction must be one of received, sent, both'],
  ])('refuses %j before any request', async (inputData, message) => {
    const failure = await errorOf(appTester(newText, { authData, inputData, meta: {} }));
    expect(failure.message).toContain(message);
  });

  it('names the list when CallRail answers without it', async () => {
    callRailApi().get(accountPath('text-messages.json')).query(true).reply(200, {});
    const failure = await errorOf(appTester(newText, { authData, inputData: {}, meta: {} }));
    expect(failure.detail.message).toContain('"conversations" list');
  });
});

describe('New Text Message (Instant)', () => {
  const body = JSON.stringify({
    resource_id: 'SCI8154748ae6bd4e278a7cddd38a662f4f',
    source_number: '+14045558514',
    destination_number: '***5555',
    content: 'See you Friday',
    message_type: 'sms',
    media_urls: [],
    timestamp: '2026-11-20T14:05:00.000-05:00',
    conversation_id: 'crpLH',
    company_resource_id: COMPANY,
    agent: 'Dana',
  });
  const signed = (content: string, querystring: string, inputData: object = {}) => ({
    authData,
    inputData: { company_id: COMPANY, ...inputData },
    subscribeData: {
      id: '7',
      company_id: COMPANY,
      urls: {
        sms_received_webhook: `${TARGET}?callrail_event=sms_received_webhook`,
        sms_sent_webhook: `${TARGET}?callrail_event=sms_sent_webhook`,
      },
      signing_key: KEY,
    },
    rawRequest: {
      method: 'POST' as const,
      content,
      querystring,
      headers: { 'Http-Signature': createHmac('sha1', KEY).update(content).digest('base64') },
    },
  });

  it('reads a sent text by the event its URL is tagged with', async () => {
    const [text] = await appTester(
      instant,
      signed(body, 'callrail_event=sms_sent_webhook', { direction: 'both' }),
    );
    expect(text).toMatchObject({
      direction: 'sent',
      customer_phone_number: '***5555',
      customer_phone_number_e164: null,
      tracking_phone_number_e164: '+14045558514',
      agent: 'Dana',
    });
  });

  it('keeps only texts of the chosen tracking number', async () => {
    const input = { direction: 'both', tracking_number: '(404) 555-0000' };
    await expect(
      appTester(instant, signed(body, 'callrail_event=sms_sent_webhook', input)),
    ).resolves.toEqual([]);
  });

  it.each([
    ['the same number, written another way', '404-555-8514', '(404) 555-8514', 1],
    ['a masked number showing the same last digits', '***8514', '(404) 555-8514', 1],
    ['a masked number showing other digits', '***0000', '(404) 555-8514', 0],
    ['a number masked down to nothing', '***', '(404) 555-8514', 0],
  ])('compares a received text through %s', async (_name, tracking, wanted, count) => {
    const received = JSON.stringify({
      ...(JSON.parse(body) as object),
      source_number: '770-555-0199',
      destination_number: tracking,
    });
    const texts = await appTester(
      instant,
      signed(received, 'callrail_event=sms_received_webhook', {
        direction: 'both',
        tracking_number: wanted,
      }),
    );
    expect(texts).toHaveLength(count);
  });

  it('ignores a body that is not signed with the company key', async () => {
    const request = signed(body, 'callrail_event=sms_sent_webhook');
    const failure = await errorOf(
      appTester(instant, {
        ...request,
        rawRequest: { ...request.rawRequest, content: body.replace('Friday', 'Monday') },
      }),
    );
    expect(failure.name).toBe('HaltedError');
  });

  it('subscribes to both text events with tagged URLs', async () => {
    callRailApi()
      .get(accountPath('integrations.json'))
      .query({ company_id: COMPANY, fields: 'signing_key', per_page: '250' })
      .reply(200, { page: 1, per_page: 250, total_pages: 1, total_records: 0, integrations: [] });
    const config = {
      sms_received_webhook: [`${TARGET}?callrail_event=sms_received_webhook`],
      sms_sent_webhook: [`${TARGET}?callrail_event=sms_sent_webhook`],
    };
    callRailApi()
      .post(accountPath('integrations.json'), { type: 'Webhooks', company_id: COMPANY, config })
      .reply(201, { id: 9, type: 'Webhooks', company_id: COMPANY, state: 'active', config });
    callRailApi()
      .get(accountPath('integrations/9.json'))
      .query({ fields: 'signing_key' })
      .reply(200, { id: 9, config, signing_key: KEY });
    const subscription = await appTester(subscribe, {
      authData,
      inputData: { company_id: COMPANY, direction: 'both' },
      targetUrl: TARGET,
    });
    expect(subscription.urls).toEqual({
      sms_received_webhook: `${TARGET}?callrail_event=sms_received_webhook`,
      sms_sent_webhook: `${TARGET}?callrail_event=sms_sent_webhook`,
    });
  });

  it('lists samples of the company with the same keys', async () => {
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query({ company_id: COMPANY, per_page: '10' })
      .reply(200, page([{ ...rawSampleConversation, company_id: COMPANY }]));
    const [sample] = await appTester(instantList, { authData, inputData: { company_id: COMPANY } });
    const [fromHook] = await appTester(
      instant,
      signed(body, 'callrail_event=sms_sent_webhook', { direction: 'both' }),
    );
    expect(Object.keys(sample ?? {})).toEqual(Object.keys(fromHook ?? {}));
  });
  it('lists samples of several companies in one request, keeping theirs only', async () => {
    const second = 'COM2222748ae6bd4e278a7cddd38a662f4f';
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query({ per_page: '10' })
      .reply(
        200,
        page([
          { ...rawSampleConversation, company_id: COMPANY },
          { ...other, company_id: 'COM3333748ae6bd4e278a7cddd38a662f4f' },
        ]),
      );
    const samples = await appTester(instantList, {
      authData,
      inputData: { company_id: [COMPANY, second], direction: 'both' },
    });
    expect(samples.map((text) => text.conversation_id)).toEqual(['k8mc8', 'k8mc8']);
  });
});

describe('Text conversation dropdown and Find Text Conversation', () => {
  it('names conversations by customer and time, page by page', async () => {
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query({ per_page: '250', page: '2' })
      .reply(200, page([rawSampleConversation]));
    await expect(
      appTester(conversations, { authData, inputData: {}, meta: { page: 1 } }),
    ).resolves.toEqual([{ id: 'k8mc8', name: 'Dmitri Rakitin · 2026-11-20T16:25:04.953-05:00' }]);
  });

  it('searches by the digits and keeps conversations with that customer number', async () => {
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query({ search: '9527373312', per_page: '25' })
      .reply(200, page([rawSampleConversation, other]));
    const found = await appTester(findConversation, {
      authData,
      inputData: { customer_phone_number: '+1 (952) 737-3312' },
    });
    expect(found.map((conversation) => conversation.id)).toEqual(['k8mc8']);
    expect(found[0]).toMatchObject({ message_count: 2, last_message_direction: 'received' });
  });

  it.each([
    [{}, 'Customer Phone Number is empty'],
    [{ customer_phone_number: '555' }, 'too few digits'],
    [{ customer_phone_number: '9527373312', company_id: 'x' }, 'Company must be a CallRail ID'],
  ])('refuses %j before any request', async (inputData, message) => {
    const failure = await errorOf(appTester(findConversation, { authData, inputData }));
    expect(failure.message).toContain(message);
  });

  it('passes on a CallRail 403 as an error', async () => {
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query(true)
      .reply(403, { error: 'You do not have permission' });
    const failure = await errorOf(
      appTester(findConversation, { authData, inputData: { customer_phone_number: '9527373312' } }),
    );
    expect(failure.message).toContain('CallRail');
  });
});

describe('Find Text Conversation within a company', () => {
  it('keeps the company’s conversations with that customer number, most recently active first', async () => {
    const mine = { ...other, id: 'OLDER', company_id: COMPANY };
    const newer = {
      ...other,
      id: 'NEWER',
      company_id: COMPANY,
      last_message_at: '2026-11-21T09:00:00.000-05:00',
    };
    const elsewhere = {
      ...other,
      id: 'ELSEWHERE',
      company_id: 'COM0000748ae6bd4e278a7cddd38a662f4f',
    };
    const noNumber = { ...other, id: 'NONUMBER', company_id: COMPANY, customer_phone_number: null };
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query({ search: '7205550143', company_id: COMPANY, per_page: '25' })
      .reply(200, page([mine, elsewhere, noNumber, newer]));
    const found = await appTester(findConversation, {
      authData,
      inputData: { customer_phone_number: '720.555.0143', company_id: COMPANY },
    });
    expect(found.map((conversation) => conversation.id)).toEqual(['NEWER', 'OLDER']);
  });
});

describe('New Text Message (polling) with messages CallRail left incomplete', () => {
  it('skips messages of no known direction, and names an agent by email', async () => {
    const conversation = {
      ...other,
      company_id: COMPANY,
      recent_messages: [
        { direction: 'system', content: 'Opted out', created_at: '2026-11-20T16:12:00.000-05:00' },
        {
          direction: 'outgoing',
          content: 'Reminder',
          created_at: '2026-11-20T16:10:00.000-05:00',
          agent: { email: 'dana@example.com' },
        },
        { content: 'no direction at all' },
      ],
    };
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query({ company_id: COMPANY, per_page: '250' })
      .reply(200, page([conversation]));
    const texts = await appTester(newText, {
      authData,
      inputData: { company_id: COMPANY, direction: 'both' },
      meta: {},
    });
    expect(texts.map((text) => [text.id, text.direction, text.agent])).toEqual([
      ['KZaGR:2026-11-20T16:10:00.000-05:00:outgoing', 'sent', 'dana@example.com'],
    ]);
  });
});
