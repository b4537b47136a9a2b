import type nock from 'nock';

import { callResource } from '../../src/call/resource';
import restCall from '../fixtures/call-rest.json';
import { API_KEY, accountPath, appTester, authData, callRailApi, errorOf } from '../helpers';
import { operation } from '../operations';

const perform = operation<Record<string, unknown>>('creates', 'update_call');

const CALL = 'CAL8154748ae6bd4e278a7cddd38a662f4f';
const fields = callResource.requestedFields;
const update = (inputData: Record<string, unknown>) =>
  appTester(perform, { authData, inputData: { call_id: CALL, ...inputData } });
const put = (body: nock.DataMatcherMap) =>
  callRailApi()
    .put(accountPath(`calls/${CALL}.json`), body)
    .query({ fields })
    .matchHeader('content-type', 'application/json');

describe('Update Call', () => {
  it('adds tags with append_tags in one request, without reading the call', async () => {
    put({ tags: ['quote', 'Spring Promo'], append_tags: true }).reply(200, {
      ...restCall,
      tags: ['existing', 'quote', 'Spring Promo'],
    });
    const call = await update({ tags_to_add: ['quote', ' Spring Promo ', ''] });
    expect(call).toEqual(
      callResource.normalize({ ...restCall, tags: ['existing', 'quote', 'Spring Promo'] }),
    );
  });

  it('removes tags by reading them once and writing back the rest (1 read + 1 write)', async () => {
    callRailApi()
      .get(accountPath(`calls/${CALL}.json`))
      .query({ fields: 'tags' })
      .reply(200, { id: CALL, tags: ['Quote', 'spam risk', 'repeat'] });
    put({ tags: ['repeat', 'booked'], note: 'Booked for Tuesday' }).reply(200, {
      ...restCall,
      tags: ['repeat', 'booked'],
      note: 'Booked for Tuesday',
    });
    const call = await update({
      tags_to_remove: 'quote, Spam Risk',
      tags_to_add: 'booked',
      note: 'Booked for Tuesday',
    });
    expect(call).toMatchObject({
      id: CALL,
      tags: ['repeat', 'booked'],
      tags_text: 'repeat, booked',
    });
  });

  it('sends every other change as CallRail names it, from a pasted call link', async () => {
    put({
      lead_status: 'good_lead',
      customer_name: 'Dmitri Rakitin',
      spam: true,
      value: '1250.50',
    }).reply(200, restCall);
    await update({
      call_id: `https://app.callrail.com/calls/${CALL}/details?tab=summary`,
      lead_status: 'good_lead',
      customer_name: ' Dmitri Rakitin ',
      spam: 'yes',
      value: '$1,250.50',
    });
  });

  it('clears the note only when Clear Note is Yes, with a legacy numeric id', async () => {
    callRailApi()
      .put(accountPath('calls/111222333.json'), { note: '' })
      .query({ fields })
      .reply(200, {});
    const call = await update({ call_id: '111222333', clear_note: true, note: '  ' });
    expect(call).toMatchObject({ id: '111222333', note: null, tags: [] });
  });

  it('builds the output from what was sent when CallRail answers with an empty body', async () => {
    put({ tags: ['vip'], append_tags: true, lead_status: 'not_a_lead' }).reply(200, '');
    const call = await update({ tags_to_add: ['vip'], lead_status: 'not_a_lead' });
    expect(call).toMatchObject({ id: CALL, tags: ['vip'], lead_status: 'not_a_lead' });
    expect(Object.keys(call)).toEqual(Object.keys(callResource.sample));
  });

  it.each([
    ['no call', { call_id: '' }, /^Choose the Call, or map one/],
    [
      'a call id that is none',
      { call_id: 'COM8154748ae6bd4e278a7cddd38a662f4f' },
      /Call must be a CallRail call ID/,
    ],
    [
      'a link to something else',
      { call_id: 'https://app.callrail.com/companies/123' },
      /or a link to the call/,
    ],
    ['nothing to change', {}, /^Nothing to update: fill in at least one of/],
    [
      'only blanks and "leave as is"',
      { note: ' ', lead_status: 'leave_as_is', spam: false, clear_note: 'no' },
      /^Nothing to update/,
    ],
    [
      'a note and Clear Note',
      { note: 'Hi', clear_note: 'yes' },
      /Note has text and Clear Note is Yes/,
    ],
    [
      'a tag added and removed',
      { tags_to_add: ['VIP'], tags_to_remove: ['vip'] },
      /"VIP" is in both Tags to Add and Tags to Remove/,
    ],
    [
      'an unknown lead status',
      { lead_status: 'hot' },
      /Lead Status must be one of good_lead, not_a_lead, leave_as_is/,
    ],
    ['a value that is no amount', { value: 'a lot' }, /Value must be an amount such as 350\.00/],
    ['a spam answer that is no yes or no', { spam: 'maybe' }, /Spam must be yes or no/],
  ])('refuses %s before sending anything', async (_name, change, message) => {
    const error = await errorOf(update(change));
    expect(error.detail).toMatchObject({ code: 'InvalidInput' });
    expect(String(error.detail.message)).toMatch(message);
  });

  it.each([
    [401, 'ExpiredAuthError', /CallRail rejected the API key/],
    [
      403,
      'AppError',
      /could not update the call: You do not have permission\. The API key's user is not allowed/,
    ],
    [
      404,
      'AppError',
      /CallRail found no call CAL8154748ae6bd4e278a7cddd38a662f4f\. Choose the call from the dropdown/,
    ],
    [422, 'AppError', /could not update the call: Lead status is not included in the list\./],
    [429, 'ThrottledError', /1,000 requests an hour per account/],
    [
      500,
      'AppError',
      /\(HTTP 500\) and could not update the call\. It is unclear whether it went through: check in CallRail/,
    ],
  ])('explains a %s from the write, sent once', async (status, name, message) => {
    const error =
      status === 403
        ? { error: 'You do not have permission' }
        : status === 422
          ? { error: 'Lead status is not included in the list' }
          : { error: 'x' };
    put({ lead_status: 'good_lead' }).once().reply(status, error);
    const failure = await errorOf(update({ lead_status: 'good_lead' }));
    expect(failure.name).toBe(name);
    expect(String(failure.detail.message ?? failure.message)).toMatch(message);
    expect(failure.message).not.toContain(API_KEY);
  });

  it('names the call when the read before removing tags finds none, and writes nothing', async () => {
    callRailApi()
      .get(accountPath(`calls/${CALL}.json`))
      .query({ fields: 'tags' })
      .reply(404, { error: 'Not found' });
    const failure = await errorOf(update({ tags_to_remove: ['vip'] }));
    expect(String(failure.detail.message)).toMatch(
      /CallRail could not read the call's tags: CallRail found no call CAL8154748ae6bd4e278a7cddd38a662f4f/,
    );
  });
});
