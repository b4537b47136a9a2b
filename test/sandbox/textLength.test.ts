import nock from 'nock';

import type { Sandbox } from '../../sandbox';
import { MAX_TEXT_LENGTH, TEXT_LENGTH_UNIT, textLength } from '../../sandbox/routes/textMessages';
import { SMS_LENGTH_UNIT, SMS_MAX_LENGTH } from '../../src/callrailFacts';
import { smsLength, splitIntoTexts } from '../../src/smsSegments';
import { call, seeded, startFixed } from './helpers';

/**
 * How a text's length is counted is one assumption of the app (callrailFacts.ts); the sandbox
 * writes it again because it never imports app code. These tests hold the two together.
 */
describe('text length: the app and the sandbox count alike', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed();
  });
  afterAll(() => sandbox.close());

  it('uses the same unit and limit', () => {
    expect(TEXT_LENGTH_UNIT).toBe(SMS_LENGTH_UNIT);
    expect(MAX_TEXT_LENGTH).toBe(SMS_MAX_LENGTH);
  });

  it.each([
    ['80 emoji', '😀'.repeat(80)],
    ['plain text', 'Your table is ready.'],
    ['accents', 'Café crème, señor'],
    ['a flag and a family', '🇨🇦 👨‍👩‍👧'],
  ])('counts %s the same', (_name, text) => {
    expect(textLength(text)).toBe(smsLength(text));
  });

  it('80 emoji are 160 to both: the app refuses to send them whole, the sandbox refuses them', async () => {
    const emoji = '😀'.repeat(80);
    expect(smsLength(emoji)).toBe(160);
    expect(splitIntoTexts(emoji, SMS_MAX_LENGTH)).toHaveLength(2);
    const { downtown, summit, tracker } = seeded(sandbox);
    const send = (content: string) =>
      call(sandbox, `/a/${summit.id}/text-messages.json`, {
        method: 'POST',
        body: {
          company_id: downtown.id,
          tracking_number: tracker(downtown, 'Google Ads').tracking_numbers[0],
          customer_phone_number: '+17205550143',
          content,
        },
      });
    expect((await send(emoji)).status).toBe(422);
    // Every part the app would send instead is accepted.
    for (const part of splitIntoTexts(emoji, SMS_MAX_LENGTH)) {
      expect((await send(part)).status).toBe(200);
    }
  });
});
