import nock from 'nock';

import { formSubmissionResource } from '../../src/formSubmission/resource';
import { rawSampleFormSubmission } from '../../src/formSubmission/sample';
import {
  accountPath,
  API_KEY,
  appTester,
  authData,
  callRailApi,
  page,
  requestsDuring,
} from '../helpers';
import { operation, resolveFields } from '../operations';

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const OTHER_COMPANY = 'COM0000748ae6bd4e278a7cddd38a662f4f';
const SORT = { sort: 'submitted_at', order: 'desc', per_page: '250' };

const STATIC_KEYS = formSubmissionResource.outputFields.map((field) => field.key);

const submissionsPage = (items: object[]) => page('form_submissions', items);
const contactForm = rawSampleFormSubmission; // name, email, phone_number, service, message
const quoteForm = {
  ...rawSampleFormSubmission,
  id: 'FRM2222748ae6bd4e278a7cddd38a662f4f',
  form_data: {
    name: 'Ada Lovelace',
    'Budget (USD)': '5000',
    'How did you hear about us?': 'A friend',
  },
};
const elsewhere = {
  ...rawSampleFormSubmission,
  id: 'FRM1111748ae6bd4e278a7cddd38a662f4f',
  company_id: OTHER_COMPANY,
  form_data: { 'Other Company Field': 'x' },
};
const CONTACT_AND_QUOTE = [
  'form_data__name',
  'form_data__email',
  'form_data__phone_number',
  'form_data__service',
  'form_data__message',
  'form_data__Budget (USD)',
  'form_data__How did you hear about us?',
];

const expectList = (query: Record<string, string>, items: object[]) =>
  callRailApi()
    .get(accountPath('form_submissions.json'))
    .query({ ...query, ...SORT })
    .reply(200, submissionsPage(items));

const OPERATIONS = [
  ['triggers', 'new_form_submission'],
  ['triggers', 'new_form_submission_instant'],
  ['searches', 'find_form_submission'],
] as const;

afterEach(() => nock.cleanAll());

describe.each(OPERATIONS)('%s.%s: output fields', (group, key) => {
  const outputFields = resolveFields(group, key, 'outputFields');

  it("lists the chosen company's form fields after the static ones, from one request", async () => {
    expectList({ company_id: COMPANY }, [contactForm, quoteForm, elsewhere]);
    const fields = await outputFields({ authData, inputData: { company_id: COMPANY } }, true);
    expect(fields.map((field) => field.key)).toEqual([...STATIC_KEYS, ...CONTACT_AND_QUOTE]);
    expect(fields.slice(STATIC_KEYS.length, STATIC_KEYS.length + 2)).toEqual([
      { key: 'form_data__name', label: 'Form Field: name' },
      { key: 'form_data__email', label: 'Form Field: email' },
    ]);
    expect(nock.isDone()).toBe(true);
  });

  it('asks CallRail again only when the cache has nothing for that company', async () => {
    expectList({ company_id: COMPANY }, [quoteForm]);
    const bundle = { authData, inputData: { company_id: COMPANY } };
    const first = await outputFields(bundle, true);
    let second: { key: string }[] = [];
    const sent = await requestsDuring(async () => {
      second = await outputFields(bundle);
    });
    expect(sent).toBe(0);
    expect(second).toEqual(first);
    expect(second.map((field) => field.key)).toContain('form_data__Budget (USD)');

    expectList({}, [elsewhere]);
    const account = await outputFields({ authData, inputData: {} });
    expect(account.map((field) => field.key).slice(STATIC_KEYS.length)).toEqual([
      'form_data__Other Company Field',
    ]);
  });
});

describe('form field output fields: which submissions they come from', () => {
  const outputFields = resolveFields('triggers', 'new_form_submission', 'outputFields');
  const learned = async (inputData: Record<string, unknown>, clearCache = true) =>
    (await outputFields({ authData, inputData }, clearCache))
      .map((field) => field.key)
      .slice(STATIC_KEYS.length);

  it("reads the account's recent submissions when no company is chosen", async () => {
    expectList({}, [contactForm, elsewhere]);
    await expect(learned({})).resolves.toEqual([
      ...CONTACT_AND_QUOTE.slice(0, 5),
      'form_data__Other Company Field',
    ]);
  });

  it('keeps to the chosen company when CallRail ignores the filter', async () => {
    expectList({ company_id: COMPANY }, [elsewhere, quoteForm]);
    await expect(learned({ company_id: COMPANY })).resolves.toEqual([
      'form_data__name',
      'form_data__Budget (USD)',
      'form_data__How did you hear about us?',
    ]);
  });

  it.each([
    ['one company in a list', [COMPANY], { company_id: COMPANY }],
    ['several companies', [COMPANY, OTHER_COMPANY], {}],
    ['all companies', 'all', {}],
    ['a value mapped by hand that is no company', '{{123__company}}', {}],
  ])('with %s: asks with %j', async (_name, company, query) => {
    expectList(query, [quoteForm]);
    await expect(learned({ company_id: company })).resolves.toHaveLength(3);
    expect(nock.isDone()).toBe(true);
  });

  it('names each form field as the polled item exposes it, under form_data', async () => {
    expectList({ company_id: COMPANY }, [quoteForm]);
    const keys = await learned({ company_id: COMPANY });
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ company_id: COMPANY, ...SORT })
      .reply(200, submissionsPage([quoteForm]));
    const [item] = await appTester(operation('triggers', 'new_form_submission'), {
      authData,
      inputData: { company_id: COMPANY },
      meta: {},
    });
    const formData = (item?.form_data ?? {}) as Record<string, unknown>;
    expect(keys).toEqual(Object.keys(formData).map((name) => `form_data__${name}`));
  });

  it.each([
    [401, { error: 'Access denied' }],
    [500, 'Internal Server Error'],
    [200, { unexpected: true }],
  ])(
    'lists the static fields only when CallRail answers %i, and asks again next time',
    async (status, body) => {
      const fail = () =>
        callRailApi()
          .get(accountPath('form_submissions.json'))
          .query({ company_id: COMPANY, ...SORT })
          .reply(status, body);
      fail();
      const fields = await outputFields({ authData, inputData: { company_id: COMPANY } }, true);
      expect(fields.map((field) => field.key)).toEqual(STATIC_KEYS);
      expect(JSON.stringify(fields)).not.toContain(API_KEY);
      expectList({ company_id: COMPANY }, [quoteForm]);
      await expect(
        outputFields({ authData, inputData: { company_id: COMPANY } }),
      ).resolves.toHaveLength(STATIC_KEYS.length + 3);
    },
  );

  it('lists the static fields only when the connection has no usable account ID, sending nothing', async () => {
    let fields: { key: string }[] = [];
    const sent = await requestsDuring(async () => {
      fields = await outputFields(
        { authData: { ...authData, account_id: 'not an account' }, inputData: {} },
        true,
      );
    });
    expect([sent, fields.map((field) => field.key)]).toEqual([0, STATIC_KEYS]);
  });

  it('still lists the form fields when the cache cannot be used, asking CallRail each time', async () => {
    const tester = appTester as unknown as { zcacheTestObj?: object };
    const saved = tester.zcacheTestObj;
    // Without its stand-in, z.cache calls Zapier's servers, which a test cannot reach.
    delete tester.zcacheTestObj;
    try {
      expectList({ company_id: COMPANY }, [quoteForm]);
      expectList({ company_id: COMPANY }, [quoteForm]);
      for (const _attempt of [1, 2]) {
        await expect(learned({ company_id: COMPANY }, false)).resolves.toHaveLength(3);
      }
      expect(nock.isDone()).toBe(true);
    } finally {
      tester.zcacheTestObj = saved;
    }
  });
});
