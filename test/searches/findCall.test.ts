import { callResource } from '../../src/call/resource';
import restCall from '../fixtures/call-rest.json';
import { accountPath, appTester, authData, callRailApi, errorOf, freezeDate } from '../helpers';
import { operation } from '../operations';

const perform = operation('searches', 'find_call');

const fields = callResource.requestedFields;
const find = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });

describe('Find Call', () => {
  beforeEach(() => freezeDate('2026-11-22T12:00:00Z'));
  afterEach(() => jest.useRealTimers());

  it('gets a call by its CAL id', async () => {
    callRailApi()
      .get(accountPath('calls/CAL8154748ae6bd4e278a7cddd38a662f4f.json'))
      .query({ fields })
      .reply(200, restCall);
    const calls = await find({ call_id: ' CAL8154748ae6bd4e278a7cddd38a662f4f ' });
    expect(calls.map((call) => call.id)).toEqual(['CAL8154748ae6bd4e278a7cddd38a662f4f']);
  });

  it('reads the call id out of a link to the call copied from CallRail', async () => {
    callRailApi()
      .get(accountPath('calls/CAL8154748ae6bd4e278a7cddd38a662f4f.json'))
      .query({ fields })
      .reply(200, restCall);
    const calls = await find({
      call_id:
        'https://app.callrail.com/a/227799611/calls/CAL8154748ae6bd4e278a7cddd38a662f4f/details',
    });
    expect(calls.map((call) => call.id)).toEqual(['CAL8154748ae6bd4e278a7cddd38a662f4f']);
  });

  it('finds nothing, without an error, for an unknown id', async () => {
    callRailApi()
      .get(accountPath('calls/CAL00000000000000000000000000000000.json'))
      .query({ fields })
      .reply(404, { error: 'Not found' });
    await expect(find({ call_id: 'CAL00000000000000000000000000000000' })).resolves.toEqual([]);
  });

  it('searches by phone number as digits, newest first, and keeps only that caller', async () => {
    const sameCaller = { ...restCall, id: 'CALnew', customer_phone_number: '+17705550199' };
    const mentionsNumber = {
      ...restCall,
      id: 'CALnote',
      customer_phone_number: '+14045550000',
      note: 'Call back 770-555-0199',
    };
    callRailApi()
      .get(accountPath('calls.json'))
      .query({
        search: '7705550199',
        company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
        start_date: '2026-11-01',
        end_date: '2026-11-22',
        sort: 'start_time',
        order: 'desc',
        per_page: '25',
        fields,
      })
      .reply(200, {
        page: 1,
        per_page: 25,
        total_pages: 1,
        total_records: 2,
        calls: [sameCaller, mentionsNumber],
      });
    const calls = await find({
      customer_phone_number: '(770) 555-0199',
      company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
      start_date: '2026-11-01T00:00:00-05:00',
      end_date: '2026-11-22',
    });
    expect(calls.map((call) => call.id)).toEqual(['CALnew']);
  });

  it('finds first-time callers only when asked', async () => {
    const first = {
      ...restCall,
      id: 'CALfirst',
      customer_phone_number: '+17705550199',
      first_call: true,
    };
    const repeat = { ...first, id: 'CALrepeat', first_call: false };
    callRailApi()
      .get(accountPath('calls.json'))
      .query({
        search: '7705550199',
        start_date: '2024-11-22',
        first_time_callers: 'true',
        sort: 'start_time',
        order: 'desc',
        per_page: '25',
        fields,
      })
      .reply(200, { calls: [first, repeat] });
    const calls = await find({ customer_phone_number: '770-555-0199', first_time_callers: true });
    expect(calls.map((call) => call.id)).toEqual(['CALfirst']);
  });

  it('searches the last two years when no dates are given', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(
        (query) =>
          query.start_date === '2024-11-22' &&
          query.end_date === undefined &&
          query.company_id === undefined,
      )
      .reply(200, { calls: [] });
    await expect(
      find({ customer_phone_number: '+1 770 555 0199', company_id: '' }),
    ).resolves.toEqual([]);
  });

  it.each([
    ['nothing to search for', {}, /Give a Call or a Customer Phone Number/],
    ['a malformed id', { call_id: '../a.json' }, /Call must be a CallRail call ID such as CAL/],
    ['too few digits', { customer_phone_number: '55-01' }, /too few digits/],
    [
      'a bad date',
      { customer_phone_number: '7705550199', start_date: 'last week' },
      /From Date must be a date such as 2026-11-20/,
    ],
  ])('rejects %s before sending anything', async (_name, inputData, message) => {
    const error = await errorOf(find(inputData));
    expect(String(error.detail.message)).toMatch(message);
  });
});
