import restCall from '../fixtures/call-rest.json';
import trackers from '../fixtures/trackers.json';
import { accountPath, appTester, authData, callRailApi, freezeDate } from '../helpers';
import { operation } from '../operations';

const callList = operation('triggers', 'call_list');
const companyList = operation('triggers', 'company_list');
const trackerList = operation('triggers', 'tracker_list');
const trackingNumberList = operation('triggers', 'tracking_number_list');

const COMPANY = 'COM019c46b8a26376a9a4f29671dcdd49e9';
const dropdownMeta = { page: 0, isFillingDynamicDropdown: true };

describe('dropdowns', () => {
  it('lists active companies, 250 a page, following Zapier paging', async () => {
    callRailApi()
      .get(accountPath('companies.json'))
      .query({ status: 'active', sort: 'name', order: 'asc', per_page: '250', page: '2' })
      .reply(200, {
        page: 2,
        per_page: 250,
        total_pages: 2,
        total_records: 251,
        companies: [
          {
            id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
            name: 'Widget Shop',
            status: 'active',
            time_zone: 'America/New_York',
          },
        ],
      });
    await expect(appTester(companyList, { authData, meta: { page: 1 } })).resolves.toEqual([
      {
        id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
        name: 'Widget Shop',
        time_zone: 'America/New_York',
      },
    ]);
  });

  it("offers a company's SMS-enabled tracking numbers, labelled with the tracker's name", async () => {
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ company_id: COMPANY, status: 'active', per_page: '250', page: '1' })
      .reply(200, trackers);
    await expect(
      appTester(trackingNumberList, {
        authData,
        inputData: { company_id: COMPANY },
        meta: dropdownMeta,
      }),
    ).resolves.toEqual([
      {
        id: '+18017846712',
        name: 'Google My Business (+18017846712)',
        tracker_id: 'TRK019c46b9f18174d68bb8d7985260a11f',
      },
      {
        id: '+18015550101',
        name: 'Website Pool (+18015550101)',
        tracker_id: 'TRK019c46b9f18174d68bb8d7985260a22e',
      },
      {
        id: '+18015550102',
        name: 'Website Pool (+18015550102)',
        tracker_id: 'TRK019c46b9f18174d68bb8d7985260a22e',
      },
    ]);
  });

  it('lists every active tracker for the tracker filter', async () => {
    callRailApi().get(accountPath('trackers.json')).query(true).reply(200, trackers);
    const options = await appTester(trackerList, {
      authData,
      inputData: { company_id: COMPANY },
      meta: dropdownMeta,
    });
    expect(options.map((option) => option.name)).toEqual([
      'Google My Business (+18017846712)',
      'Website Pool (+18015550101, +18015550102)',
      'Billboard (+18015550199)',
    ]);
  });

  it('asks nothing until a company is chosen', async () => {
    await expect(
      appTester(trackingNumberList, { authData, inputData: {}, meta: dropdownMeta }),
    ).resolves.toEqual([]);
  });

  it('lists recent calls for the Call dropdown, one page per Zapier page', async () => {
    freezeDate('2026-11-22T12:00:00Z');
    try {
      callRailApi()
        .get(accountPath('calls.json'))
        .query(
          (query) =>
            query.offset === '2' &&
            query.per_page === '250' &&
            query.relative_pagination === 'true',
        )
        .reply(200, {
          has_next_page: false,
          calls: [restCall, { ...restCall, id: 'CAL2', customer_name: null }],
        });
      await expect(appTester(callList, { authData, meta: { page: 2 } })).resolves.toEqual([
        {
          id: 'CAL8154748ae6bd4e278a7cddd38a662f4f',
          name: 'Jimmy Pesto, Sr. · 2017-01-24T11:27:48.119-05:00',
        },
        { id: 'CAL2', name: '+13036231131 · 2017-01-24T11:27:48.119-05:00' },
      ]);
      callRailApi()
        .get(accountPath('calls.json'))
        .query((query) => query.offset === undefined)
        .reply(200, { calls: [{ id: 'CAL3', customer_phone_number: null, start_time: null }] });
      await expect(appTester(callList, { authData, meta: { page: 0 } })).resolves.toEqual([
        { id: 'CAL3', name: 'Unknown caller' },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });
});
