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
