import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { appTester, authData, errorOf } from './helpers';
import { operation } from './operations';

/**
 * Which event a delivery belongs to, when a Zap listens to several: its URL's `callrail_event`
 * tag, else (tag missing, garbled, or naming another event) the body's direction. Extra query
 * parameters never change it. Shown on New Call (Instant) and New Text Message (Instant).
 */

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const KEY = '072e77e426f92738a72fe23c4d1953b4';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc/';
const callBody = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/webhook-post-call-test-vector.json'), 'utf8'),
) as Record<string, unknown>;
const textBody = {
  resource_id: 'SCI8154748ae6bd4e278a7cddd38a662f4f',
  source_number: '770-555-0199',
  destination_number: '404-555-8514',
  content: 'See you Friday',
  message_type: 'sms',
  timestamp: '2026-11-20T14:05:00.000-05:00',
  conversation_id: 'crpLH',
  company_resource_id: COMPANY,
};

const tagged = (events: string[]) =>
  Object.fromEntries(events.map((event) => [event, `${TARGET}?callrail_event=${event}`]));
/** CallRail's legacy attributes, appended as it may: after a second `?`. */
const LEGACY =
  '?callernum=%2B12148654559&trackingnum=%2B14045558514&datetime=2018-02-19+18%3A41%3A00';

const deliver = (
  key: string,
  events: string[],
  body: Record<string, unknown>,
  querystring: string,
  inputData: Record<string, unknown> = {},
) => {
  const content = JSON.stringify(body);
  return appTester(operation('triggers', key), {
    authData,
    inputData: { company_id: COMPANY, ...inputData },
    subscribeData: Object.assign(
      { id: '7' },
      { company_id: COMPANY, urls: tagged(events), signing_key: KEY },
    ),
    rawRequest: {
      method: 'POST',
      content,
      querystring,
      headers: { 'Http-Signature': createHmac('sha1', KEY).update(content).digest('base64') },
    },
  });
};

describe('routing a delivery of a call Zap listening to inbound and outbound', () => {
  const modified = ['updated_call_webhook', 'updated_outbound_call_webhook'];
  const call = (direction: unknown) => ({ ...callBody, direction, changes: ['note'] });
  // Only Call Modified reads its event (for "only when these changed"); a Zap wanting tags
  // emits this note change only when the delivery is read as some other event.
  const wantsTags = { changed_fields: ['tags'] };

  it.each([
    ['no query string', ''],
    [
      'a garbled tag (legacy attributes after a second ?)',
      `callrail_event=updated_call_webhook${LEGACY}`,
    ],
    ['a tag naming an event the Zap does not listen to', 'callrail_event=post_call_webhook'],
    ['only legacy attributes', LEGACY.slice(1)],
  ])('with %s, by the body’s direction', async (_name, querystring) => {
    await expect(
      deliver('new_call_instant', modified, call('inbound'), querystring),
    ).resolves.toHaveLength(1);
    await expect(
      deliver('new_call_instant', modified, call('outbound'), querystring),
    ).resolves.toHaveLength(1);
    await expect(
      deliver('new_call_instant', modified, call('outbound'), querystring, wantsTags),
    ).resolves.toEqual([]);
  });

  it('by its tag, whatever other parameters come with it', async () => {
    const querystring = `callernum=%2B12148654559&callrail_event=updated_outbound_call_webhook&direction=inbound`;
    await expect(
      deliver('new_call_instant', modified, call('inbound'), querystring),
    ).resolves.toHaveLength(1);
  });

  it.each([
    ['no direction', undefined],
    ['a direction it does not know', 'sideways'],
  ])('halts a body with %s and no usable tag', async (_name, direction) => {
    const error = await errorOf(
      deliver('new_call_instant', modified, call(direction), LEGACY.slice(1)),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/event this Zap does not listen to/);
  });
});

describe('routing a delivery of a text Zap listening to received and sent texts', () => {
  const both = ['sms_received_webhook', 'sms_sent_webhook'];
  const directionOf = async (body: Record<string, unknown>, querystring: string) =>
    (await deliver('new_text_message_instant', both, body, querystring, { direction: 'both' })).map(
      (text) => [text.direction, text.customer_phone_number],
    );

  it.each([
    ['no query string', ''],
    ['a garbled tag', `callrail_event=sms_received_webhook${LEGACY}`],
    ['a tag naming an event the Zap does not listen to', 'callrail_event=post_call_webhook'],
  ])(
    'with %s, a body with an agent is a sent text, one without a received text',
    async (_name, querystring) => {
      await expect(directionOf(textBody, querystring)).resolves.toEqual([
        ['received', '770-555-0199'],
      ]);
      const sent = {
        ...textBody,
        source_number: '404-555-8514',
        destination_number: '770-555-0199',
        agent: null,
      };
      await expect(directionOf(sent, querystring)).resolves.toEqual([['sent', '770-555-0199']]);
    },
  );

  it('reads a direction the body states', async () => {
    await expect(directionOf({ ...textBody, direction: 'outgoing' }, '')).resolves.toEqual([
      ['sent', '404-555-8514'],
    ]);
  });

  it('follows its tag, whatever other parameters come with it', async () => {
    await expect(
      directionOf(
        { ...textBody, agent: 'Dana' },
        'callrail_event=sms_received_webhook&agent=Dana&direction=sent',
      ),
    ).resolves.toEqual([['received', '770-555-0199']]);
  });
});
