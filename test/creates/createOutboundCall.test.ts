import type nock from 'nock';

import { callResource } from '../../src/call/resource';
import { accountPath, appTester, authData, callRailApi, errorOf } from '../helpers';
import { operation } from '../operations';

const perform = operation<Record<string, unknown>>('creates', 'create_outbound_call');

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const input = {
  company_id: COMPANY,
  caller_id: '+13038163491',
  customer_phone_number: '(303) 623-1131',
  business_phone_number: '770.333.4455',
};
const sent = {
  caller_id: '+13038163491',
  customer_phone_number: '+13036231131',
  business_phone_number: '+17703334455',
};
/** CallRail's documented answer: the new call, not yet answered. */
const created = {
  id: 'CAL019c7f2f0c8b7e2aa1c5f9b4f1e0d3c2',
  answered: null,
  business_phone_number: '+17703334455',
  customer_phone_number: '+13036231131',
  direction: 'outbound',
  duration: null,
  recording: null,
  start_time: '2026-11-20T11:27:48.119-07:00',
  tracking_phone_number: '+13038163491',
  company_id: COMPANY,
};
const place = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });
const post = (body: nock.DataMatcherMap) =>
  callRailApi()
    .post(accountPath('calls.json'), body)
    .query({ fields: callResource.requestedFields })
    .matchHeader('content-type', 'application/json');

describe('Call a Customer (Outbound Call)', () => {
  it('places the call once with every number in E.164 and the caller ID as a phone number', async () => {
    post(sent).reply(201, created);
    await expect(place(input)).resolves.toEqual(callResource.normalize(created));
  });

  it('sends the agent, recording and greeting when given', async () => {
    post({
      ...sent,
      agent_id: 'USR8154748ae6bd4e278a7cddd38a662f4f',
      recording_enabled: false,
      outbound_greeting_text: 'Call for the Denver office',
    }).reply(200, created);
    await place({
      ...input,
      agent_id: 'USR8154748ae6bd4e278a7cddd38a662f4f',
      recording_enabled: 'no',
      outbound_greeting_text: ' Call for the Denver office ',
    });
  });

  it('still outputs the call as sent when CallRail answers with an empty body', async () => {
    post(sent).reply(200, '');
    const call = await place(input);
    expect(call).toMatchObject({
      direction: 'outbound',
      company_id: COMPANY,
      tracking_phone_number: '+13038163491',
      customer_phone_number: '+13036231131',
      business_phone_number: '+17703334455',
      answered: null,
    });
  });

  it.each([
    ['no company', { company_id: '' }, /^Choose the Company, or map one/],
    [
      'a caller ID given as an id',
      { caller_id: '5678' },
      /^Caller ID .*not a valid US or Canadian phone number/,
    ],
    ['no caller ID', { caller_id: ' ' }, /^Choose the Caller ID, or map one/],
    [
      'a UK customer',
      { customer_phone_number: '+44 20 7946 0958' },
      /^Customer Phone Number .*outside the US and Canada/,
    ],
    [
      'a Jamaican agent',
      { business_phone_number: '+1 876 555 0100' },
      /^Agent Phone Number .*outside the US and Canada/,
    ],
    [
      'an agent id that is none',
      { agent_id: 'gil@televised.com' },
      /^Agent must be a CallRail ID such as USR/,
    ],
    [
      'a recording answer that is no yes or no',
      { recording_enabled: 'sometimes' },
      /Record the Call must be yes or no/,
    ],
  ])('refuses %s before dialling anything', async (_name, change, message) => {
    const error = await errorOf(place({ ...input, ...change }));
    expect(error.detail).toMatchObject({ code: 'InvalidInput' });
    expect(String(error.detail.message)).toMatch(message);
  });

  it.each([
    [401, 'ExpiredAuthError', /CallRail rejected the API key/],
    [
      403,
      'AppError',
      /could not place the call: You do not have permission\. The API key's user may not place calls/,
    ],
    [
      404,
      'AppError',
      /found no caller ID \+13038163491 or agent \(none\)\. Choose the caller ID and agent/,
    ],
    [
      422,
      'AppError',
      /could not place the call: Caller must be a tracking number or verified caller ID\./,
    ],
    [429, 'ThrottledError', /100 outbound calls an hour and 2,000 a day per account/],
    [
      503,
      'AppError',
      /could not place the call\. It is unclear whether it went through: check in CallRail/,
    ],
  ])('explains a %s, never dialling twice', async (status, name, message) => {
    const body =
      status === 403
        ? { error: 'You do not have permission' }
        : { error: 'Caller must be a tracking number or verified caller ID' };
    post(sent).once().reply(status, body);
    const failure = await errorOf(place(input));
    expect(failure.name).toBe(name);
    expect(String(failure.detail.message ?? failure.message)).toMatch(message);
  });
});
