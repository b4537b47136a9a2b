import { rawSampleFormSubmission } from '../../src/formSubmission/sample';
import { rawSampleConversation } from '../../src/textMessage/sample';
import { accountPath, appTester, authData, callRailApi, errorOf } from '../helpers';
import { operation } from '../operations';

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
type Choice = { id: string; name: string };

const formList = operation<Choice[]>('triggers', 'form_submission_list');
const conversationList = operation<Choice[]>('triggers', 'text_conversation_list');
const listPage = (key: string, items: object[]) => ({
  page: 1,
  per_page: 250,
  total_pages: 1,
  total_records: items.length,
  [key]: items,
});

describe('recent form submissions dropdown', () => {
  it('names each by customer, else email, else a placeholder, with its time, page by page', async () => {
    const submitted = '2026-11-20T16:25:04.953-05:00';
    const rows = [
      {
        ...rawSampleFormSubmission,
        id: 'FRM1',
        company_id: COMPANY,
        customer_name: 'Ada Lovelace',
        submitted_at: submitted,
      },
      {
        ...rawSampleFormSubmission,
        id: 'FRM2',
        company_id: COMPANY,
        customer_name: null,
        customer_email: 'ada@example.com',
        form_data: {},
        submitted_at: submitted,
      },
      {
        ...rawSampleFormSubmission,
        id: 'FRM3',
        company_id: COMPANY,
        customer_name: null,
        customer_email: null,
        form_data: {},
        submitted_at: null,
      },
    ];
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query(
        (query) => query.company_id === COMPANY && query.page === '2' && query.per_page === '250',
      )
      .reply(200, listPage('form_submissions', rows));
    const choices = await appTester(formList, {
      authData,
      inputData: { company_id: COMPANY },
      meta: { page: 1 },
    });
    expect(choices.map((choice) => choice.name)).toEqual([
      `Ada Lovelace · ${submitted}`,
      `ada@example.com · ${submitted}`,
      'Unknown visitor',
    ]);
  });
});

describe('recent text conversations dropdown', () => {
  it('names each by customer name, else number, else a placeholder', async () => {
    const rows = [
      { ...rawSampleConversation, id: 'c1' },
      { ...rawSampleConversation, id: 'c2', customer_name: null, formatted_customer_name: null },
      {
        ...rawSampleConversation,
        id: 'c3',
        customer_name: null,
        formatted_customer_name: null,
        customer_phone_number: null,
        last_message_at: null,
      },
    ];
    callRailApi()
      .get(accountPath('text-messages.json'))
      .query(true)
      .reply(200, listPage('conversations', rows));
    const choices = await appTester(conversationList, { authData, inputData: {}, meta: {} });
    expect(choices.map((choice) => [choice.id, choice.name.split(' · ')[0]])).toEqual([
      ['c1', 'Dmitri Rakitin'],
      ['c2', '+19527373312'],
      ['c3', 'Unknown customer'],
    ]);
  });

  it('refuses a company that is no CallRail ID before asking', async () => {
    const error = await errorOf(
      appTester(conversationList, { authData, inputData: { company_id: 'Grins' }, meta: {} }),
    );
    expect(String(error.detail.message)).toMatch(/Company must be a CallRail ID/);
  });
});

describe('samples of the polling triggers', () => {
  it.each([
    ['new_text_message', 'text-messages.json', 'conversations'],
    ['new_form_submission', 'form_submissions.json', 'form_submissions'],
  ])('%s asks for a few recent items when Zapier loads a sample', async (key, path, listKey) => {
    callRailApi()
      .get(accountPath(path))
      .query((query) => query.per_page === '10')
      .reply(200, listPage(listKey, []));
    await expect(
      appTester(operation('triggers', key), {
        authData,
        inputData: {},
        meta: { isLoadingSample: true },
      }),
    ).resolves.toEqual([]);
  });
});
