import nock from 'nock';

import { rawSampleFormSubmission } from '../../src/formSubmission/sample';
import { userResource } from '../../src/user/resource';
import { accountPath, appTester, authData, callRailApi, page, requestsDuring } from '../helpers';
import { operation } from '../operations';

/**
 * Zapier leaves `meta.page` out when a dropdown is filled outside its paging (a first load,
 * `zapier-platform invoke`): every dropdown then asks CallRail for its first page.
 */

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
type Choice = Record<string, unknown>;
const dropdown = (key: string) => operation<Choice[]>('triggers', key);
const firstLoad = { isFillingDynamicDropdown: true };

const tracker = (extra: object) => ({
  id: 'TRK8154748ae6bd4e278a7cddd38a662f4f',
  name: 'Google Ads',
  type: 'source',
  status: 'active',
  sms_enabled: true,
  tracking_numbers: ['+13038163491'],
  company: { id: COMPANY, name: 'Widget Shop' },
  ...extra,
});

afterEach(() => nock.cleanAll());

describe('dropdowns without a page number', () => {
  it('company_list: the first page; a company without a time zone gets null', async () => {
    callRailApi()
      .get(accountPath('companies.json'))
      .query({ status: 'active', sort: 'name', order: 'asc', per_page: '250', page: '1' })
      .reply(200, page('companies', [{ id: COMPANY, name: 'Widget Shop', status: 'active' }]));
    await expect(
      appTester(dropdown('company_list'), { authData, meta: firstLoad }),
    ).resolves.toEqual([{ id: COMPANY, name: 'Widget Shop', time_zone: null }]);
    expect(nock.isDone()).toBe(true);
  });

  it('user_list: the first page; a user with neither name nor email is named by id', async () => {
    callRailApi()
      .get(accountPath('users.json'))
      .query({ sort: 'email', order: 'asc', per_page: '250', page: '1' })
      .reply(200, page('users', [{ ...userResource.sample, id: 'USR3', name: null, email: null }]));
    await expect(appTester(dropdown('user_list'), { authData, meta: firstLoad })).resolves.toEqual([
      { id: 'USR3', name: 'USR3', email: null },
    ]);
  });

  it('tag_list: the first page of the company’s tags', async () => {
    callRailApi()
      .get(accountPath('tags.json'))
      .query({ company_id: COMPANY, per_page: '250', page: '1' })
      .reply(200, page('tags', [{ id: 7, name: 'VIP', tag_level: 'company' }]));
    await expect(
      appTester(dropdown('tag_list'), {
        authData,
        inputData: { company_id: COMPANY },
        meta: firstLoad,
      }),
    ).resolves.toEqual([{ id: '7', name: 'VIP' }]);
  });

  it('tracker_list: the first page; a tracker without numbers is named alone', async () => {
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ company_id: COMPANY, status: 'active', per_page: '250', page: '1' })
      .reply(200, page('trackers', [tracker({ name: 'Offline Ads', tracking_numbers: [] })]));
    await expect(
      appTester(dropdown('tracker_list'), {
        authData,
        inputData: { company_id: COMPANY },
        meta: firstLoad,
      }),
    ).resolves.toEqual([{ id: 'TRK8154748ae6bd4e278a7cddd38a662f4f', name: 'Offline Ads' }]);
  });

  it('tracker_list: empty, without a request, until a company is chosen', async () => {
    let choices: Choice[] | undefined;
    const sent = await requestsDuring(async () => {
      choices = await appTester(dropdown('tracker_list'), {
        authData,
        inputData: {},
        meta: firstLoad,
      });
    });
    expect(choices).toEqual([]);
    expect(sent).toBe(0);
  });

  it('tracking_number_list: the first page of the company’s trackers', async () => {
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ company_id: COMPANY, status: 'active', per_page: '250', page: '1' })
      .reply(200, page('trackers', [tracker({})]));
    await expect(
      appTester(dropdown('tracking_number_list'), {
        authData,
        inputData: { company_id: COMPANY },
        meta: firstLoad,
      }),
    ).resolves.toEqual([
      {
        id: '+13038163491',
        name: 'Google Ads (+13038163491)',
        tracker_id: 'TRK8154748ae6bd4e278a7cddd38a662f4f',
      },
    ]);
  });

  it('caller_id_list: the first pages; a tracking number that is no phone number is left out', async () => {
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ company_id: COMPANY, status: 'active', per_page: '250', page: '1' })
      .reply(200, page('trackers', [tracker({ tracking_numbers: ['+13038163491', 'pending'] })]));
    callRailApi()
      .get(accountPath('caller_ids.json'))
      .query({ company_id: COMPANY, per_page: '250', page: '1' })
      .reply(200, page('caller_ids', []));
    await expect(
      appTester(dropdown('caller_id_list'), {
        authData,
        inputData: { company_id: COMPANY },
        meta: firstLoad,
      }),
    ).resolves.toEqual([
      { id: '+13038163491', name: 'Google Ads (+13038163491), tracking number' },
    ]);
    expect(nock.isDone()).toBe(true);
  });

  it('form_submission_list: the first page (no page parameter), newest first', async () => {
    callRailApi()
      .get(accountPath('form_submissions.json'))
      .query({ sort: 'submitted_at', order: 'desc', per_page: '250' })
      .reply(200, page('form_submissions', [rawSampleFormSubmission]));
    await expect(
      appTester(dropdown('form_submission_list'), { authData, inputData: {}, meta: firstLoad }),
    ).resolves.toEqual([
      {
        id: 'FRM8154748ae6bd4e278a7cddd38a662f4f',
        name: 'Maria Lopez · 2026-11-20T14:03:11.482-07:00',
      },
    ]);
  });

  it('call_list: the newest calls, without an offset', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(
        (query) =>
          query.offset === undefined &&
          query.per_page === '250' &&
          query.relative_pagination === 'true',
      )
      .reply(200, {
        has_next_page: false,
        calls: [
          {
            id: 'CAL1',
            customer_name: null,
            customer_phone_number: '+13036231131',
            start_time: '2026-11-20T11:27:48.119-05:00',
          },
        ],
      });
    await expect(appTester(dropdown('call_list'), { authData, meta: firstLoad })).resolves.toEqual([
      { id: 'CAL1', name: '+13036231131 · 2026-11-20T11:27:48.119-05:00' },
    ]);
    expect(nock.isDone()).toBe(true);
  });
});
