import nock from 'nock';

import App from '../../index';
import { API_KEY, accountPath, appTester, authData, callRailApi } from '../helpers';
import { operation } from '../operations';

/**
 * A write CallRail answered with 2xx went through: whatever the body (empty, `{}`, `null`, an
 * odd shape), the step must give an output built from what it sent, never an error that would
 * make Zapier run it again and text, dial or write twice. Every create has a row here.
 */
const WRITES: Record<
  string,
  {
    inputData: Record<string, unknown>;
    method: 'POST' | 'PUT';
    path: string;
    /** What the output must say, known from the request alone. */
    known: Record<string, unknown>;
  }
> = {
  send_sms: {
    inputData: {
      company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
      tracking_number: '+19525293750',
      customer_phone_number: '(720) 555-0143',
      content: 'Hi',
    },
    method: 'POST',
    path: 'text-messages.json',
    known: { customer_phone_number: '+17205550143', message: 'Hi', parts_sent: 1 },
  },
  update_call: {
    inputData: { call_id: 'CAL8154748ae6bd4e278a7cddd38a662f4f', note: 'Called back' },
    method: 'PUT',
    path: 'calls/CAL8154748ae6bd4e278a7cddd38a662f4f.json',
    known: { id: 'CAL8154748ae6bd4e278a7cddd38a662f4f', note: 'Called back' },
  },
  create_outbound_call: {
    inputData: {
      company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
      caller_id: '+17705550100',
      customer_phone_number: '(720) 555-0143',
      business_phone_number: '(303) 555-0100',
    },
    method: 'POST',
    path: 'calls.json',
    known: { customer_phone_number: '+17205550143', business_phone_number: '+13035550100' },
  },
  create_tag: {
    inputData: { name: 'VIP', color: 'blue1' },
    method: 'POST',
    path: 'tags.json',
    known: { name: 'VIP', color: 'blue1' },
  },
  create_form_submission: {
    inputData: {
      company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
      form_url: 'https://www.example.com/contact',
      customer_name: 'Ada Lovelace',
    },
    method: 'POST',
    path: 'form_submissions.json',
    known: {
      company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
      form_url: 'https://www.example.com/contact',
    },
  },
  update_form_submission: {
    inputData: { form_submission_id: 'FRM8154748ae6bd4e278a7cddd38a662f4f', note: 'Booked' },
    method: 'PUT',
    path: 'form_submissions/FRM8154748ae6bd4e278a7cddd38a662f4f.json',
    known: { id: 'FRM8154748ae6bd4e278a7cddd38a662f4f', note: 'Booked' },
  },
};

const ANSWERS: [string, number, string][] = [
  ['an empty body', 200, ''],
  ['an empty object', 201, '{}'],
  ['null', 200, 'null'],
  ['an unexpected shape', 200, '{"ok":true,"data":[1,2]}'],
];

describe('every write, answered 2xx', () => {
  it('has a row here for each create the app offers', () => {
    expect(Object.keys(WRITES).sort()).toEqual(Object.keys(App.creates ?? {}).sort());
  });

  describe.each(Object.entries(WRITES))('%s', (key, write) => {
    it.each(ANSWERS)('with %s still outputs what it sent', async (_name, status, body) => {
      callRailApi()
        .intercept(accountPath(write.path), write.method)
        .query(true)
        .reply(status, body, { 'Content-Type': 'application/json' });
      const output = await appTester(operation<Record<string, unknown>>('creates', key), {
        authData,
        inputData: write.inputData,
      });
      expect(output).toMatchObject(write.known);
      expect(JSON.stringify(output)).not.toContain(API_KEY);
      expect(nock.isDone()).toBe(true);
    });
  });
});
