import App from '../index';
import { OUTBOUND_CALL_LIMITS, SMS_LIMITS, SMS_MAX_LENGTH } from '../src/callrailFacts';
import { MAX_TEXTS_PER_SEND } from '../src/throttles';
import { appTester, authData, errorOf } from './helpers';
import { operation } from './operations';

/**
 * Zapier holds a send over the limit before perform runs, and retries it later: the throttles
 * keep every connection (one CallRail account) within CallRail's hourly limits.
 */
const throttleOf = (key: string) =>
  (App.creates as Record<string, { operation: { throttle?: unknown } }>)[key]?.operation.throttle;

/** Hourly, per connection, retried by Zapier; the limit is checked by each test. */
const heldHourlyPerConnection = (key: string): number => {
  const throttle = throttleOf(key) as { limit: number };
  expect(throttle).toEqual({
    window: 60 * 60,
    limit: expect.any(Number),
    key: expect.any(String),
    scope: ['auth'],
    retry: true,
  });
  expect(throttle.limit).toBeGreaterThan(0);
  return throttle.limit;
};

describe('throttles', () => {
  it('holds Send SMS so that even sends split to the most texts stay within the texts an hour', () => {
    expect(heldHourlyPerConnection('send_sms') * MAX_TEXTS_PER_SEND).toBeLessThanOrEqual(
      SMS_LIMITS.perHour,
    );
  });

  it('holds Call a Customer to the outbound calls an hour', () => {
    expect(heldHourlyPerConnection('create_outbound_call')).toBeLessThanOrEqual(
      OUTBOUND_CALL_LIMITS.perHour,
    );
  });

  it('gives texts and calls separate budgets, and throttles no other operation', () => {
    expect(throttleOf('send_sms')).not.toEqual(throttleOf('create_outbound_call'));
    const throttled = Object.keys(App.creates ?? {}).filter((key) => throttleOf(key));
    expect(throttled.sort()).toEqual(['create_outbound_call', 'send_sms']);
  });

  it('refuses a message that would split into more texts than one send may hold, sending nothing', async () => {
    const words = 'word '.repeat(Math.ceil((MAX_TEXTS_PER_SEND * SMS_MAX_LENGTH) / 5) + 10);
    const error = await errorOf(
      appTester(operation('creates', 'send_sms'), {
        authData,
        inputData: {
          company_id: 'COM019c31a27f5b732b9d214e04eaa3061f',
          tracking_number: '+19525293750',
          customer_phone_number: '(770) 555-0199',
          content: words,
          split_long_messages: true,
        },
      }),
    );
    expect(error.detail).toMatchObject({ code: 'InvalidInput', status: 400 });
    expect(String(error.detail.message)).toMatch(
      new RegExp(
        `texts; one step sends at most ${MAX_TEXTS_PER_SEND} .*within CallRail's ${SMS_LIMITS.perHour} texts an hour\\. Shorten it\\.$`,
      ),
    );
  });
});
