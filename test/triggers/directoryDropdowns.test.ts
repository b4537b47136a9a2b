import { userResource } from '../../src/user/resource';
import trackers from '../fixtures/trackers.json';
import { accountPath, appTester, authData, callRailApi, page } from '../helpers';
import { operation } from '../operations';

const trackingNumberList = operation('triggers', 'tracking_number_list');
const userList = operation('triggers', 'user_list');
const COMPANY = 'COM019c46b8a26376a9a4f29671dcdd49e9';
const OTHER = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const meta = { page: 0, isFillingDynamicDropdown: true };
type RawTracker = (typeof trackers.trackers)[number];
const nth = (index: number): RawTracker => {
  const tracker = trackers.trackers[index];
  if (!tracker) throw new Error(`The fixture has no tracker ${index}.`);
  return tracker;
};
const [gmb, pool, billboard] = [nth(0), nth(1), nth(2)];
const trackerQuery = { company_id: COMPANY, status: 'active', per_page: '250', page: '1' };

describe('texting-number dropdown', () => {
  it('never offers another company’s numbers when CallRail ignores the company filter', async () => {
    const foreign = {
      ...gmb,
      id: 'TRKforeign',
      tracking_numbers: ['+17705550111'],
      company: { id: OTHER, name: 'Someone Else' },
    };
    callRailApi()
      .get(accountPath('trackers.json'))
      .query(trackerQuery)
      .reply(200, page('trackers', [foreign, gmb]));
    await expect(
      appTester(trackingNumberList, { authData, inputData: { company_id: COMPANY }, meta }),
    ).resolves.toEqual([
      { id: '+18017846712', name: 'Google My Business (+18017846712)', tracker_id: gmb?.id },
    ]);
  });

  it('offers numbers whose texting flags CallRail left out; only an explicit false excludes', async () => {
    const strip = ({ sms_enabled: _e, sms_supported: _s, ...rest }: RawTracker) => rest;
    const unknown = strip(gmb);
    const supportedOnly = { ...strip(pool), sms_supported: true };
    const unsupported = { ...strip(billboard), sms_supported: false };
    const stringFalse = {
      ...gmb,
      id: 'TRKoff',
      tracking_numbers: ['+18015550155'],
      sms_enabled: 'false',
    };
    callRailApi()
      .get(accountPath('trackers.json'))
      .query(trackerQuery)
      .reply(200, page('trackers', [unknown, supportedOnly, unsupported, stringFalse]));
    const options = await appTester(trackingNumberList, {
      authData,
      inputData: { company_id: COMPANY },
      meta,
    });
    expect(options.map((option) => option.id)).toEqual([
      '+18017846712',
      '+18015550101',
      '+18015550102',
    ]);
  });
});

describe('user dropdown (user_list)', () => {
  it('lists users by email, 250 a page, with id and a name that tells them apart', async () => {
    callRailApi()
      .get(accountPath('users.json'))
      .query({ sort: 'email', order: 'asc', per_page: '250', page: '2' })
      .reply(
        200,
        page('users', [
          userResource.sample,
          {
            ...userResource.sample,
            id: 'USR2',
            name: null,
            email: 'new@televised.com',
            accepted: false,
          },
        ]),
      );
    await expect(
      appTester(userList, { authData, meta: { page: 1, isFillingDynamicDropdown: true } }),
    ).resolves.toEqual([
      {
        id: userResource.sample.id,
        name: 'Gil Televised (gil@televised.com)',
        email: 'gil@televised.com',
      },
      { id: 'USR2', name: 'new@televised.com · invitation pending', email: 'new@televised.com' },
    ]);
  });
});
