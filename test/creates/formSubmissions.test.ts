import nock from 'nock';

import { rawSampleFormSubmission } from '../../src/formSubmission/sample';
import { accountPath, appTester, authData, callRailApi, errorOf } from '../helpers';
import { operation } from '../operations';

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const FRM = 'FRM8154748ae6bd4e278a7cddd38a662f4f';

const create = operation<Record<string, unknown>>('creates', 'create_form_submission');
const update = operation<Record<string, unknown>>('creates', 'update_form_submission');
const poll = operation('triggers', 'new_form_submission');
const dropdown = operation('triggers', 'form_submission_list');
const find = operation('searches', 'find_form_submission');

const page = (items: object[], extra: object = {}) => ({
  page: 1,
  per_page: 250,
  total_pages: 1,
  total_records: items.length,
  form_submissions: items,
  ...extra,
});
const older = {
  ...rawSampleFormSubmission,
  id: 'FRM0000748ae6bd4e278a7cddd38a662f4f',
  customer_email: 'MARIA.LOPEZ@example.com',
  customer_phone_number: null,
  form_data: { email: 'MARIA.LOPEZ@example.com' },
  submitted_at: '2026-11-01T10:00:00.000-07:00',
};

afterEach(() => nock.cleanAll());

describe('New Form Submission (polling) and its dropdown', () => {
  it('lists the newest submissions in one request', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ company_id: COMPANY, sort: 'submitted_at', order: 'desc', per_page: '250' })
      .reply(200, page([older, rawSampleFormSubmission]));
    const submissions = await appTester(poll, {
      authData,
      inputData: { company_id: COMPANY },
      meta: {},
    });
    expect(submissions.map((submission) => submission.id)).toEqual([FRM, older.id]);
  });

  it('names submissions for the dropdown', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ sort: 'submitted_at', order: 'desc', per_page: '250', page: '2' })
      .reply(200, page([rawSampleFormSubmission]));
    await expect(
      appTester(dropdown, { authData, inputData: {}, meta: { page: 1 } }),
    ).resolves.toEqual([{ id: FRM, name: 'Maria Lopez · 2026-11-20T14:03:11.482-07:00' }]);
  });
});

describe('Find Form Submission', () => {
  it('matches the email in any case, newest first, within the dates', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({
        start_date: '2026-11-01',
        end_date: '2026-11-20',
        sort: 'submitted_at',
        order: 'desc',
        per_page: '250',
      })
      .reply(
        200,
        page([
          older,
          {
            ...rawSampleFormSubmission,
            id: 'FRM1111748ae6bd4e278a7cddd38a662f4f',
            customer_email: 'x@example.com',
            form_data: {},
          },
          rawSampleFormSubmission,
        ]),
      );
    const found = await appTester(find, {
      authData,
      inputData: {
        customer_email: 'Maria.Lopez@Example.com',
        start_date: '2026-11-01',
        end_date: '2026-11-20',
      },
    });
    expect(found.map((submission) => submission.id)).toEqual([FRM, older.id]);
  });

  it('matches the phone number in any format and reads further pages', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ sort: 'submitted_at', order: 'desc', per_page: '250' })
      .reply(200, page([older], { total_pages: 2 }));
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ sort: 'submitted_at', order: 'desc', per_page: '250', page: '2' })
      .reply(200, page([rawSampleFormSubmission], { page: 2, total_pages: 2 }));
    const found = await appTester(find, {
      authData,
      inputData: { customer_phone_number: '303.555.0142' },
    });
    expect(found.map((submission) => submission.id)).toEqual([FRM]);
  });

  it('answers [] when nothing matched', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query(true)
      .reply(200, page([older]));
    await expect(
      appTester(find, { authData, inputData: { customer_email: 'nobody@example.com' } }),
    ).resolves.toEqual([]);
  });

  it.each([
    [{}, 'Give a Customer Email or a Customer Phone Number'],
    [{ customer_email: 'maria' }, 'Customer Email must be an email address'],
    [{ customer_phone_number: '12' }, 'too few digits'],
    [
      { customer_email: 'a@b.co', start_date: '2026-11-20', end_date: '2026-11-01' },
      'is before From Date',
    ],
  ])('refuses %j before any request', async (inputData, message) => {
    const failure = await errorOf(appTester(find, { authData, inputData }));
    expect(failure.message).toContain(message);
  });
});

describe('Create Form Submission (Offline Lead)', () => {
  const formUrl = 'https://www.example.com/contact';

  it('sends one POST with the convenience inputs in the form fields and direct-traffic defaults', async () => {
    const body = {
      company_id: COMPANY,
      form_url: formUrl,
      form_data: {
        service: 'Cleaning',
        name: 'Ana Ruiz',
        email: 'ana@example.com',
        phone_number: '+13035550101',
      },
      referrer: 'direct',
      referring_url: formUrl,
      landing_page_url: formUrl,
    };
    callRailApi()
      .post(accountPath('form_submissions.json'), body)
      .reply(201, { form_submission: { id: FRM, submitted_at: '2026-11-20T14:03:11.482-05:00' } });
    const created = await appTester(create, {
      authData,
      inputData: {
        company_id: COMPANY,
        form_url: formUrl,
        form_data: { service: 'Cleaning', ' ': 'dropped' },
        customer_name: 'Ana Ruiz',
        customer_email: 'ana@example.com',
        customer_phone_number: '(303) 555-0101',
      },
    });
    expect(created).toMatchObject({
      id: FRM,
      company_id: COMPANY,
      customer_name: 'Ana Ruiz',
      customer_email: 'ana@example.com',
      customer_phone_number: '+13035550101',
      referrer: 'direct',
      submitted_at: '2026-11-20T14:03:11.482-05:00',
    });
  });

  it('sends a session instead of the defaults, and stands on an empty answer', async () => {
    callRailApi()
      .post(accountPath('form_submissions.json'), {
        company_id: COMPANY,
        form_url: formUrl,
        form_data: { message: 'Call me' },
        session_id: 'abc-123',
      })
      .reply(200, '');
    const created = await appTester(create, {
      authData,
      inputData: {
        company_id: COMPANY,
        form_url: formUrl,
        form_data: '{"message":"Call me"}',
        session_id: 'abc-123',
      },
    });
    expect(created).toMatchObject({ id: '', form_url: formUrl, form_data: { message: 'Call me' } });
  });

  it.each([
    [{ form_url: formUrl, customer_name: 'A' }, 'Choose the Company, or map one'],
    [{ company_id: COMPANY, customer_name: 'A' }, 'Form URL is empty'],
    [
      { company_id: COMPANY, form_url: 'example.com', customer_name: 'A' },
      'Form URL must be a web address',
    ],
    [{ company_id: COMPANY, form_url: formUrl }, 'The submission has no fields'],
    [{ company_id: COMPANY, form_url: formUrl, form_data: 'name=A' }, 'Form Fields must be pairs'],
    [
      { company_id: COMPANY, form_url: formUrl, customer_email: 'ana' },
      'Customer Email must be an email',
    ],
    [
      { company_id: COMPANY, form_url: formUrl, customer_phone_number: '+44 20 7946 0958' },
      'outside the US and Canada',
    ],
  ])('refuses %j before any request', async (inputData, message) => {
    const failure = await errorOf(appTester(create, { authData, inputData }));
    expect(failure.message).toContain(message);
  });

  it.each([
    [422, "Referrer can't be blank"],
    [404, 'Not found'],
  ])('reports CallRail %i once, without retrying', async (status, error) => {
    callRailApi().post(accountPath('form_submissions.json')).once().reply(status, { error });
    const failure = await errorOf(
      appTester(create, {
        authData,
        inputData: { company_id: COMPANY, form_url: formUrl, customer_name: 'A' },
      }),
    );
    expect(failure.message).toContain('record the form submission');
    expect(nock.isDone()).toBe(true);
  });
});

describe('Update Form Submission', () => {
  const path = accountPath(`form_submissions/${FRM}.json`);

  it('adds tags with append_tags in one PUT, without reading', async () => {
    callRailApi()
      .put(path, { tags: ['VIP'], append_tags: true, lead_status: 'good_lead', value: '350.00' })
      .reply(200, {});
    const updated = await appTester(update, {
      authData,
      inputData: {
        form_submission_id: FRM,
        tags_to_add: ['VIP'],
        lead_status: 'good_lead',
        value: '$350.00',
      },
    });
    expect(updated).toMatchObject({
      id: FRM,
      tags: ['VIP'],
      lead_status: 'good_lead',
      value: '350.00',
    });
  });

  it('removes tags by reading the current ones, then writing the rest once', async () => {
    callRailApi().get(path).reply(200, rawSampleFormSubmission);
    callRailApi()
      .put(path, { tags: ['Whitening', 'VIP'], note: 'Booked' })
      .reply(200, { ...rawSampleFormSubmission, tags: ['Whitening', 'VIP'], note: 'Booked' });
    const updated = await appTester(update, {
      authData,
      inputData: {
        form_submission_id: FRM,
        tags_to_add: 'VIP',
        tags_to_remove: 'new patient',
        note: 'Booked',
        lead_status: 'leave_as_is',
      },
    });
    expect(updated).toMatchObject({
      tags: ['Whitening', 'VIP'],
      note: 'Booked',
      lead_status: 'good_lead',
    });
  });

  it.each([
    [{}, 'Choose the Form Submission, or map one'],
    [
      { form_submission_id: 'CAL8154748ae6bd4e278a7cddd38a662f4f', note: 'x' },
      'must be a CallRail ID',
    ],
    [{ form_submission_id: FRM }, 'Nothing to update'],
    [{ form_submission_id: FRM, lead_status: 'leave_as_is' }, 'Nothing to update'],
    [{ form_submission_id: FRM, lead_status: 'hot' }, 'Lead Status must be one of'],
    [{ form_submission_id: FRM, value: 'lots' }, 'Value must be an amount'],
  ])('refuses %j before any request', async (inputData, message) => {
    const failure = await errorOf(appTester(update, { authData, inputData }));
    expect(failure.message).toContain(message);
  });

  it('reports a 404 once, naming the submission', async () => {
    callRailApi().put(path).once().reply(404, { error: 'Not found' });
    const failure = await errorOf(
      appTester(update, { authData, inputData: { form_submission_id: FRM, note: 'x' } }),
    );
    expect(failure.message).toContain(FRM);
  });
});
