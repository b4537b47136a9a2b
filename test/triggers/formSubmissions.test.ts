import { createHmac } from 'node:crypto';

import nock from 'nock';

import { rawSampleFormSubmission } from '../../src/formSubmission/sample';
import { accountPath, appTester, authData, callRailApi, errorOf, requestsDuring } from '../helpers';
import { operation } from '../operations';

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const OTHER_COMPANY = 'COM0000748ae6bd4e278a7cddd38a662f4f';
const FRM = 'FRM8154748ae6bd4e278a7cddd38a662f4f';
const KEY = '072e77e426f92738a72fe23c4d1953b4';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc/';
const SORT = { sort: 'submitted_at', order: 'desc' };

const poll = operation('triggers', 'new_form_submission');
const instant = operation('triggers', 'new_form_submission_instant');
const instantList = operation('triggers', 'new_form_submission_instant', 'performList');

const page = (items: object[]) => ({
  page: 1,
  per_page: 250,
  total_pages: 1,
  total_records: items.length,
  form_submissions: items,
});
const older = {
  ...rawSampleFormSubmission,
  id: 'FRM0000748ae6bd4e278a7cddd38a662f4f',
  customer_name: 'Ada Lovelace',
  submitted_at: '2026-11-19T09:00:00.000-07:00',
};
const elsewhere = {
  ...rawSampleFormSubmission,
  id: 'FRM1111748ae6bd4e278a7cddd38a662f4f',
  company_id: OTHER_COMPANY,
  submitted_at: '2026-11-21T09:00:00.000-07:00',
};

afterEach(() => nock.cleanAll());

describe('New Form Submission (polling)', () => {
  it('polls every company, newest first, 250 a page, when no company is chosen', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ ...SORT, per_page: '250' })
      .reply(200, page([older, rawSampleFormSubmission, elsewhere]));
    const submissions = await appTester(poll, { authData, inputData: {}, meta: {} });
    expect(submissions.map((submission) => [submission.id, submission.company_id])).toEqual([
      [elsewhere.id, OTHER_COMPANY],
      [FRM, COMPANY],
      [older.id, COMPANY],
    ]);
    expect(nock.isDone()).toBe(true);
  });

  it('keeps to the chosen company even when CallRail ignores the filter', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ company_id: COMPANY, ...SORT, per_page: '250' })
      .reply(200, page([elsewhere, rawSampleFormSubmission]));
    const submissions = await appTester(poll, {
      authData,
      inputData: { company_id: COMPANY },
      meta: {},
    });
    expect(submissions.map((submission) => submission.id)).toEqual([FRM]);
  });

  it('polls several companies in one request without a company, keeping theirs only', async () => {
    const third = {
      ...older,
      id: 'FRM2222748ae6bd4e278a7cddd38a662f4f',
      company_id: 'COM2222748ae6bd4e278a7cddd38a662f4f',
    };
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ ...SORT, per_page: '250' })
      .reply(200, page([third, elsewhere, rawSampleFormSubmission]));
    const submissions = await appTester(poll, {
      authData,
      inputData: { company_id: [COMPANY, OTHER_COMPANY] },
      meta: {},
    });
    expect(submissions.map((submission) => submission.id)).toEqual([elsewhere.id, FRM]);
  });

  it('polls every company for All Companies, in one request', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ ...SORT, per_page: '250' })
      .reply(200, page([elsewhere, rawSampleFormSubmission]));
    const submissions = await appTester(poll, {
      authData,
      inputData: { company_id: ['all'] },
      meta: {},
    });
    expect(submissions.map((submission) => submission.id)).toEqual([elsewhere.id, FRM]);
  });

  it('asks for 10 submissions when Zapier loads a sample', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ company_id: COMPANY, ...SORT, per_page: '10' })
      .reply(200, page([rawSampleFormSubmission]));
    const [sample] = await appTester(poll, {
      authData,
      inputData: { company_id: COMPANY },
      meta: { isLoadingSample: true },
    });
    expect(sample).toMatchObject({
      id: FRM,
      customer_name: 'Maria Lopez',
      customer_email: 'maria.lopez@example.com',
      tags_text: 'Whitening, New Patient',
      form_data: rawSampleFormSubmission.form_data,
    });
  });

  it('refuses a company that is not a CallRail ID before any request', async () => {
    let message = '';
    const sent = await requestsDuring(async () => {
      ({ message } = await errorOf(
        appTester(poll, { authData, inputData: { company_id: 'Summit Dental' }, meta: {} }),
      ));
    });
    expect(message).toContain('Company must be a CallRail ID');
    expect(sent).toBe(0);
  });
});

describe('New Form Submission (Instant)', () => {
  /** A `form_captured_webhook` body as CallRail posts it: no customer_* fields, a numeric company_id. */
  const webhookBody = {
    resource_id: FRM,
    company_id: 123456789,
    company_resource_id: COMPANY,
    person_resource_id: 'PER8154748ae6bd4e278a7cddd38a662f4f',
    form_data: {
      'Full Name': 'Maria Lopez',
      'E-mail': 'maria.lopez@example.com',
      'Phone Number': '(303) 555-0142',
      Comments: null,
    },
    url: 'https://www.summitdental.example/contact',
    landing: 'https://www.summitdental.example/whitening',
    referrer_url: 'https://www.google.com/',
    source: 'Google Ads',
    submitted_at: '2026-11-20T14:03:11.482-07:00',
  };
  const signed = (content: string, signWith: string = KEY) => ({
    authData,
    inputData: { company_id: COMPANY },
    subscribeData: {
      id: '7',
      company_id: COMPANY,
      urls: { form_captured_webhook: `${TARGET}?callrail_event=form_captured_webhook` },
      signing_key: KEY,
    },
    cleanedRequest: JSON.parse(content) as object,
    rawRequest: {
      method: 'POST' as const,
      content,
      querystring: 'callrail_event=form_captured_webhook',
      headers: {
        'Http-Signature': createHmac('sha1', signWith).update(content).digest('base64'),
      },
    },
  });

  it('turns a signed form webhook into one submission, customer read from the form fields', async () => {
    const items = await appTester(instant, signed(JSON.stringify(webhookBody)));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: FRM,
      company_id: COMPANY,
      person_id: 'PER8154748ae6bd4e278a7cddd38a662f4f',
      customer_name: 'Maria Lopez',
      customer_email: 'maria.lopez@example.com',
      customer_phone_number: '(303) 555-0142',
      form_url: 'https://www.summitdental.example/contact',
      landing_page_url: 'https://www.summitdental.example/whitening',
      referring_url: 'https://www.google.com/',
      source: 'Google Ads',
      submitted_at: '2026-11-20T14:03:11.482-07:00',
      tags: [],
      tags_text: null,
      form_data_text:
        'Full Name: Maria Lopez\nE-mail: maria.lopez@example.com\nPhone Number: (303) 555-0142\nComments: ',
    });
  });

  it('gives the webhook item the same keys as the samples it lists', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ company_id: COMPANY, ...SORT, per_page: '10' })
      .reply(200, page([rawSampleFormSubmission]));
    const listed = await appTester(instantList, { authData, inputData: { company_id: COMPANY } });
    const [fromHook] = await appTester(instant, signed(JSON.stringify(webhookBody)));
    expect(listed.map((item) => item.id)).toEqual([FRM]);
    expect(Object.keys(listed[0] ?? {})).toEqual(Object.keys(fromHook ?? {}));
  });

  it('lists no samples without a company, and sends nothing', async () => {
    let message = '';
    const sent = await requestsDuring(async () => {
      ({ message } = await errorOf(appTester(instantList, { authData, inputData: {} })));
    });
    expect(message).toContain('Choose the Company, or All Companies.');
    expect(sent).toBe(0);
  });

  it('ignores a body signed with another key', async () => {
    const failure = await errorOf(
      appTester(instant, signed(JSON.stringify(webhookBody), 'not-the-company-key')),
    );
    expect(failure.name).toBe('HaltedError');
    expect(failure.message).toContain('not signed with the CallRail company signing key');
  });

  it('ignores a signed body that carries no form submission', async () => {
    const { resource_id: _id, ...withoutId } = webhookBody;
    const failure = await errorOf(appTester(instant, signed(JSON.stringify(withoutId))));
    expect(failure.name).toBe('HaltedError');
    expect(failure.message).toContain('carries no CallRail form submission');
  });
});
