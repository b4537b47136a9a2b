import { callResource } from '../../src/call/resource';
import restCall from '../fixtures/call-rest.json';
import { callsFrom } from '../fixtures/calls';
import { accountPath, appTester, authData, callRailApi, errorOf, freezeDate } from '../helpers';
import { operation } from '../operations';

const perform = operation('triggers', 'new_call');

const NOW = '2026-11-22T12:00:00.000Z';
const pollQuery = (extra: Record<string, string> = {}) => ({
  relative_pagination: 'true',
  per_page: '250',
  sort: 'start_time',
  order: 'desc',
  start_date: '2026-11-15',
  fields: callResource.requestedFields,
  ...extra,
});
const poll = (inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
  appTester(perform, { authData, inputData, meta });

describe('New Call (polling)', () => {
  beforeEach(() => freezeDate(NOW));
  afterEach(() => jest.useRealTimers());

  it('is one request for the newest calls of the last week, with the fields users map on', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(pollQuery())
      .reply(200, { per_page: 100, has_next_page: false, next_page: null, calls: [restCall] });
    const calls = await poll();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      id: 'CAL8154748ae6bd4e278a7cddd38a662f4f',
      tags_text: 'goodtag, new client',
      first_touch_source: 'Google Organic',
    });
  });

  it('asks CallRail for first-time callers only and keeps only those it answers', async () => {
    const first = { ...restCall, id: 'CALfirst', first_call: true };
    const repeat = { ...restCall, id: 'CALrepeat', first_call: false };
    callRailApi()
      .get(accountPath('calls.json'))
      .query(pollQuery({ first_time_callers: 'true' }))
      .reply(200, { has_next_page: false, next_page: null, calls: [first, repeat] });
    const calls = await poll({ first_time_callers: 'yes' });
    expect(calls.map((call) => call.id)).toEqual(['CALfirst']);
  });

  it('sends the chosen filters to CallRail and applies them again to what comes back', async () => {
    const matching = {
      ...restCall,
      id: 'CALa',
      direction: 'inbound',
      answered: true,
      duration: 75,
    };
    const tooShort = {
      ...restCall,
      id: 'CALb',
      direction: 'inbound',
      answered: true,
      duration: 20,
    };
    const missed = { ...restCall, id: 'CALc', direction: 'inbound', answered: false, duration: 90 };
    callRailApi()
      .get(accountPath('calls.json'))
      .query(
        pollQuery({
          company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
          tracker_id: 'TRK8154748ae6bd4e278a7cddd38a662f4f',
          direction: 'inbound',
          answer_status: 'answered',
        }),
      )
      .reply(200, { has_next_page: false, calls: [matching, tooShort, missed] });
    const calls = await poll({
      company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
      tracker_id: 'TRK8154748ae6bd4e278a7cddd38a662f4f',
      direction: 'inbound',
      answer_status: 'answered',
      min_duration: '60',
    });
    expect(calls.map((call) => call.id)).toEqual(['CALa']);
  });

  it('polls several companies in one request without a company, keeping their calls only', async () => {
    const [first, second, third] = ['1', '2', '3'].map((digit) => `COM${digit.repeat(32)}`) as [
      string,
      string,
      string,
    ];
    const callOf = (id: string, company_id: string) => ({ ...restCall, id, company_id });
    callRailApi()
      .get(accountPath('calls.json'))
      .query(pollQuery())
      .reply(200, {
        has_next_page: false,
        calls: [callOf('CALa', first), callOf('CALb', third), callOf('CALc', second)],
      });
    const calls = await poll({ company_id: [first, second] });
    expect(calls.map((call) => [call.id, call.company_id])).toEqual([
      ['CALa', first],
      ['CALc', second],
    ]);
  });

  it('polls the whole account for All Companies, in one request', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(pollQuery())
      .reply(200, { has_next_page: false, calls: [restCall] });
    await expect(poll({ company_id: 'all' })).resolves.toHaveLength(1);
  });

  it('follows the next pages while a burst fills whole pages inside the look-back window', async () => {
    const next = (offset: number) =>
      `https://api.callrail.com/v3/a/ACC8154748ae6bd4e278a7cddd38a662f4f/calls.json?relative_pagination=true&offset=${offset}`;
    const burst = callsFrom(NOW, 1100, 0.05);
    callRailApi()
      .get(accountPath('calls.json'))
      .query(pollQuery())
      .reply(200, { has_next_page: true, next_page: next(1), calls: burst.slice(0, 250) });
    for (let page = 1; page * 250 < burst.length; page += 1) {
      callRailApi()
        .get(accountPath('calls.json'))
        .query({ relative_pagination: 'true', offset: String(page) })
        .reply(200, {
          has_next_page: page < 4,
          next_page: page < 4 ? next(page + 1) : null,
          calls: burst.slice(page * 250, page * 250 + 250),
        });
    }
    const calls = await poll();
    expect(calls).toHaveLength(1100);
    expect(new Set(calls.map((call) => call.id)).size).toBe(1100);
  });

  it('stops after one page when the page reaches back before the burst window', async () => {
    const spread = callsFrom(NOW, 250, 1);
    callRailApi().get(accountPath('calls.json')).query(pollQuery()).reply(200, {
      has_next_page: true,
      next_page: 'https://api.callrail.com/v3/a/x/calls.json?offset=1',
      calls: spread,
    });
    expect(await poll()).toHaveLength(250);
  });

  it.each([
    ['an empty object', {}],
    ['a null list', { calls: null }],
    ['a list of something else', { calls: 'none' }],
  ])('names the endpoint when CallRail answers with %s', async (_name, body) => {
    callRailApi().get(accountPath('calls.json')).query(pollQuery()).reply(200, body);
    const error = await errorOf(poll());
    expect(error.detail).toMatchObject({ code: 'CallRailUnexpectedResponse' });
    expect(String(error.detail.message)).toMatch(
      /the call list \(calls\.json\) without its "calls" list/,
    );
  });

  it('never emits a call without an id', async () => {
    const { id: _dropped, ...withoutId } = restCall;
    callRailApi()
      .get(accountPath('calls.json'))
      .query(pollQuery())
      .reply(200, { has_next_page: false, calls: [withoutId, { ...withoutId, id: '' }, restCall] });
    const calls = await poll();
    expect(calls.map((call) => call.id)).toEqual(['CAL8154748ae6bd4e278a7cddd38a662f4f']);
  });

  it('asks for a few calls when Zapier loads a sample', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(pollQuery({ per_page: '10' }))
      .reply(200, { has_next_page: true, next_page: 'x', calls: callsFrom(NOW, 10, 0) });
    expect(await poll({}, { isLoadingSample: true })).toHaveLength(10);
  });

  it.each([
    [
      'direction',
      { direction: 'sideways' },
      /Direction must be one of inbound, outbound; "sideways" is not\./,
    ],
    [
      'answer status',
      { answer_status: 'rang' },
      /Answered, Missed or Voicemail must be one of answered, missed, voicemail/,
    ],
    [
      'minimum duration',
      { min_duration: '-5' },
      /Minimum Duration \(Seconds\) must be a whole number of at least 0; "-5" is not\./,
    ],
  ])('rejects a bad %s before polling', async (_name, inputData, message) => {
    const error = await errorOf(poll(inputData));
    expect(String(error.detail.message)).toMatch(message);
  });
});

/**
 * New Call (polling) holds a call still in progress (`answered` or `duration` not known yet):
 * it is emitted once, by the first poll that finds it ended, however long it lasted.
 */

const T0 = NOW;
const minutesAfter = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const nextPage = (offset: number) =>
  `https://api.callrail.com/v3/a/ACC8154748ae6bd4e278a7cddd38a662f4f/calls.json?relative_pagination=true&offset=${offset}`;

/** CallRail's answer to a poll: these calls, newest first, 250 a page, each page asked once. */
const serve = (calls: Record<string, unknown>[], pages: number, extra?: Record<string, string>) => {
  for (let page = 0; page < pages; page += 1) {
    const more = (page + 1) * 250 < calls.length;
    callRailApi()
      .get(accountPath('calls.json'))
      .query(page === 0 ? pollQuery(extra) : { relative_pagination: 'true', offset: String(page) })
      .reply(200, {
        has_next_page: more,
        next_page: more ? nextPage(page + 1) : null,
        calls: calls.slice(page * 250, page * 250 + 250),
      });
  }
};

const call = (id: string, startedAt: string, outcome: Record<string, unknown>) => ({
  ...restCall,
  id,
  start_time: startedAt.replace('Z', '+00:00'),
  ...outcome,
});
const RINGING = { answered: null, duration: null };
const MISSED = { answered: false, voicemail: false, duration: 25 };
const ANSWERED = { answered: true, duration: 7200 };
const { answered: _answered, duration: _duration, ...withoutOutcome } = restCall;

let zap = 0;
/** Each test is its own Zap: a poll's memory is kept per Zap. */
const pollerOf = (inputData: Record<string, unknown> = {}) => {
  zap += 1;
  const meta = { zap: { id: `in-progress-${zap}`, user: { timezone: 'UTC' } } };
  return async () =>
    (await appTester(perform, { authData, inputData, meta })).map((item) => item.id);
};

describe('New Call (polling): calls still in progress', () => {
  afterEach(() => jest.useRealTimers());

  it.each([
    ['missed', MISSED],
    ['answered', ANSWERED],
  ])('emits the others only, then the call once it ends %s', async (_name, outcome) => {
    const poll = pollerOf();
    freezeDate(T0);
    const older = call('CALolder', minutesAfter(T0, -10), MISSED);
    const newer = call('CALnewer', minutesAfter(T0, -1), MISSED);
    serve([newer, call('CALx', minutesAfter(T0, -2), RINGING), older], 1);
    expect(await poll()).toEqual(['CALnewer', 'CALolder']);

    freezeDate(minutesAfter(T0, 5));
    serve([newer, call('CALx', minutesAfter(T0, -2), outcome), older], 1);
    expect(await poll()).toEqual(['CALnewer', 'CALx', 'CALolder']);
  });

  it('holds a call listed without `answered` and `duration` at all', async () => {
    const poll = pollerOf();
    freezeDate(T0);
    serve([{ ...withoutOutcome, id: 'CALx', start_time: T0 }], 1);
    expect(await poll()).toEqual([]);
  });

  it('emits a two-hour call after it ends, though 600 newer calls came in meanwhile', async () => {
    const poll = pollerOf();
    freezeDate(T0);
    const x = (outcome: Record<string, unknown>) => call('CALx', minutesAfter(T0, -1), outcome);
    const before = callsFrom(minutesAfter(T0, -2), 49, 1, MISSED).map((c, i) => ({
      ...c,
      id: `CALbefore${i}`,
    }));
    serve([x(RINGING), ...before], 1);
    expect(await poll()).not.toContain('CALx');

    // 120 minutes later: 600 calls 0.2 minutes apart, back to just after the held call. Without
    // it, the poll would stop after 2 pages (its look-back window is 60 minutes).
    const later = minutesAfter(T0, 120);
    freezeDate(later);
    const newer = callsFrom(later, 600, 0.2, MISSED);
    serve([...newer, x(ANSWERED), ...before], 3);
    const ids = await poll();
    expect(ids).toContain('CALx');
    expect(ids).toHaveLength(650);
  });

  it('never shows a ringing call to the "Missed" filter', async () => {
    const poll = pollerOf({ answer_status: 'missed' });
    freezeDate(T0);
    const missed = call('CALmissed', minutesAfter(T0, -5), MISSED);
    serve([call('CALx', minutesAfter(T0, -1), RINGING), missed], 1, { answer_status: 'missed' });
    expect(await poll()).toEqual(['CALmissed']);

    // It was answered after all: CallRail may still list it, and it is still not missed.
    freezeDate(minutesAfter(T0, 5));
    serve([call('CALx', minutesAfter(T0, -1), ANSWERED), missed], 1, { answer_status: 'missed' });
    expect(await poll()).toEqual(['CALmissed']);
  });
});
