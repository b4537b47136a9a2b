import nock from 'nock';

import conversation from '../fixtures/conversation-send-response.json';
import { API_KEY, accountPath, appTester, authData, callRailApi, errorOf } from '../helpers';
import { operation } from '../operations';

const perform = operation<Record<string, unknown>>('creates', 'send_sms');

const COMPANY = 'COM019c31a27f5b732b9d214e04eaa3061f';
const input = {
  company_id: COMPANY,
  tracking_number: '+19525293750',
  customer_phone_number: '(770) 555-0199',
  content: 'Your appointment is confirmed for 9am tomorrow.',
};
const send = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });
const sentBody = (content: string, extra: object = {}) => ({
  company_id: COMPANY,
  tracking_number: '+19525293750',
  customer_phone_number: '+17705550199',
  content,
  ...extra,
});
const long = `${"Thanks for calling Grin's Irrigation. ".repeat(5)}Reply with a good time for a visit.`;

describe('Send SMS', () => {
  it('sends one text with the number in E.164 and returns a flat result', async () => {
    callRailApi()
      .post(accountPath('text-messages.json'), sentBody(input.content))
      .matchHeader('content-type', 'application/json')
      .reply(200, conversation);
    await expect(send(input)).resolves.toEqual({
      id: 'k8mc8',
      message: input.content,
      parts_sent: 1,
      media_url: null,
      sent_at: '2026-04-07T22:25:04.953-04:00',
      customer_phone_number: '+17705550199',
      formatted_customer_phone_number: '770-555-0199',
      customer_name: 'DMITRI RAKITIN',
      tracking_number: '+19525293750',
      tracker_id: 'TRK019c5f8c1c3279f98b678fb73d04887e',
      tracker_name: 'Website',
      company_id: COMPANY,
      company_name: "Grin's Irrigation & Landscaping",
      last_message_at: '2026-04-07T22:25:04.953-04:00',
      sms_thread_id: 'SMT019d69f77fb472829bfb403cc4104584',
    });
  });

  it('keeps working when CallRail leaves out optional fields', async () => {
    callRailApi().post(accountPath('text-messages.json'), sentBody(input.content)).reply(200, {
      id: 'KZaGR',
      company_id: COMPANY,
      customer_phone_number: '+17705550199',
      recent_messages: [],
    });
    await expect(send(input)).resolves.toMatchObject({
      id: 'KZaGR',
      sent_at: null,
      customer_name: null,
      tracking_number: '+19525293750',
      tracker_id: null,
      sms_thread_id: null,
    });
  });

  it('accepts the 201 CallRail documents as well as the 200 it sends', async () => {
    callRailApi()
      .post(accountPath('text-messages.json'), sentBody(input.content))
      .reply(201, conversation);
    await expect(send(input)).resolves.toMatchObject({ id: 'k8mc8' });
  });

  it('attaches an image link for MMS', async () => {
    const mediaUrl = 'https://example.com/coupon.png';
    callRailApi()
      .post(accountPath('text-messages.json'), sentBody(input.content, { media_url: mediaUrl }))
      .reply(200, conversation);
    await expect(send({ ...input, media_url: ` ${mediaUrl} ` })).resolves.toMatchObject({
      media_url: mediaUrl,
    });
  });

  it('splits a long message into ordered texts at word boundaries when asked', async () => {
    expect(long.length).toBeGreaterThan(140);
    const scope = callRailApi();
    const sent: string[] = [];
    scope
      .post(accountPath('text-messages.json'), (body: { content: string }) => {
        sent.push(body.content);
        return true;
      })
      .times(2)
      .reply(200, conversation);
    const result = await send({ ...input, content: long, split_long_messages: true });
    expect(sent).toEqual([
      "Thanks for calling Grin's Irrigation. Thanks for calling Grin's Irrigation. Thanks for calling Grin's Irrigation. Thanks for calling Grin's",
      "Irrigation. Thanks for calling Grin's Irrigation. Reply with a good time for a visit.",
    ]);
    expect(result).toMatchObject({ parts_sent: 2, message: long });
  });

  it.each([
    ['empty message', { content: '   ' }, /Message is empty: type or map a value/],
    [
      'invalid number',
      { customer_phone_number: '555-01' },
      /Send To \(Customer Phone Number\) "555-01" is not a valid US or Canadian phone number/,
    ],
    [
      'UK number',
      { customer_phone_number: '+44 20 7946 0958' },
      /\+442079460958 is outside the US and Canada \(United Kingdom\), and CallRail only texts/,
    ],
    [
      'bad tracking number',
      { tracking_number: 'TRK019c5f8c1c3279f98b678fb73d04887e' },
      /Send From \(Tracking Number\) .* is not a valid US or Canadian phone number/,
    ],
    ['missing company', { company_id: ' ' }, /Choose the Company, or map one/],
    [
      'bad image link',
      { media_url: 'coupon.png' },
      /Image URL \(MMS\) must be a web address starting with https:\/\//,
    ],
    [
      'too long without splitting',
      { content: long },
      /The Message is 225 characters; CallRail allows 140 per text\. Shorten it, or set Split Long Messages to Yes to send it as 2 texts\./,
    ],
    [
      'too long with splitting off',
      { content: long, split_long_messages: 'false' },
      /set Split Long Messages to Yes/,
    ],
  ])('rejects %s before sending anything', async (_name, change, message) => {
    const error = await errorOf(send({ ...input, ...change }));
    expect(error.detail).toMatchObject({ code: 'InvalidInput' });
    expect(String(error.detail.message)).toMatch(message);
  });

  it('explains that texting through the API needs CallRail support on a 403', async () => {
    callRailApi()
      .post(accountPath('text-messages.json'))
      .reply(403, { error: 'You do not have permission' });
    const error = await errorOf(send(input));
    expect(String(error.detail.message)).toMatch(
      /switched on for your account by CallRail support/,
    );
  });

  it("names CallRail's texting limit on a 429", async () => {
    callRailApi()
      .post(accountPath('text-messages.json'))
      .reply(429, { error: 'Rate limit exceeded' });
    const error = await errorOf(send(input));
    expect(error.name).toBe('ThrottledError');
    expect(String(error.detail.message)).toMatch(/150 texts an hour and 1,000 a day per account/);
  });

  it('never retries a send after a 5xx, and says it may have gone through', async () => {
    callRailApi().post(accountPath('text-messages.json')).once().reply(503, 'Service Unavailable');
    const error = await errorOf(send(input));
    expect(error.name).toBe('AppError');
    expect(String(error.detail.message)).toMatch(/unclear whether it went through/);
  });

  it('stops after a failed part without asking Zapier to retry, even on a 429', async () => {
    callRailApi().post(accountPath('text-messages.json')).reply(200, conversation);
    callRailApi()
      .post(accountPath('text-messages.json'))
      .reply(429, { error: 'Rate limit exceeded' });
    const error = await errorOf(send({ ...input, content: long, split_long_messages: 'yes' }));
    expect(error.name).toBe('AppError');
    expect(error.detail).toMatchObject({ code: 'PartiallySent' });
    expect(String(error.detail.message)).toMatch(
      /^Sent 1 of 2 texts, then CallRail stopped: CallRail's rate limit was reached .* Do not re-run this step as it is, or the first text would be sent again/,
    );
    expect(error.message).not.toContain(API_KEY);
  });

  it('after two parts went out, names both and never asks Zapier to retry', async () => {
    const [first, second, third] = ['a', 'b', 'c'].map((letter) => letter.repeat(130));
    const content = `${first} ${second} ${third}`;
    callRailApi()
      .post(accountPath('text-messages.json'), sentBody(first ?? ''))
      .reply(200, conversation);
    callRailApi()
      .post(accountPath('text-messages.json'), sentBody(second ?? ''))
      .reply(200, conversation);
    callRailApi()
      .post(accountPath('text-messages.json'), sentBody(third ?? ''))
      .reply(422, { error: 'Message could not be delivered' });
    const error = await errorOf(send({ ...input, content, split_long_messages: 'yes' }));
    expect(error.detail).toMatchObject({ code: 'PartiallySent' });
    expect(String(error.detail.message)).toMatch(
      /^Sent 2 of 3 texts, then CallRail stopped: .*Message could not be delivered.* Do not re-run this step as it is, or the first 2 texts would be sent again; send the rest from CallRail\.$/,
    );
    expect(nock.isDone()).toBe(true);
  });
});
