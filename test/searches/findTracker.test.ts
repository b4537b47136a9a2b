import { trackerResource } from '../../src/tracker/resource';
import trackers from '../fixtures/trackers.json';
import {
  accountPath,
  appTester,
  authData,
  callRailApi,
  errorOf,
  page,
  requestsDuring,
} from '../helpers';
import { operation } from '../operations';

const perform = operation('searches', 'find_tracker');
const find = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });
const COMPANY = 'COM019c46b8a26376a9a4f29671dcdd49e9';
const OTHER = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const [gmb, pool, billboard, old] = trackers.trackers;

describe('Find Tracker', () => {
  it('compares numbers CallRail stores unparseable as they are, keeping only the tracker with this one', async () => {
    const odd = { ...pool, id: 'TRKodd', tracking_numbers: ['pending port', '8015550102'] };
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ search: '8015550102', per_page: '250' })
      .reply(200, page('trackers', [billboard, odd]));
    const found = await find({ tracking_number: '+1 801 555 0102' });
    expect(found.map((t) => t.id)).toEqual(['TRKodd']);
  });

  it('never matches a tracker without a name to a name search', async () => {
    const nameless = { ...pool, id: 'TRKnameless', name: null };
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ search: 'pool', per_page: '250' })
      .reply(200, page('trackers', [nameless, pool]));
    const found = await find({ name: 'pool' });
    expect(found.map((t) => t.id)).toEqual([pool?.id]);
  });

  it("by number alone, keeps CallRail's order: a tracker without a name is not put first", async () => {
    const nameless = { ...pool, id: 'TRKnameless', name: null };
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ search: '8015550102', per_page: '250' })
      .reply(200, page('trackers', [pool, nameless]));
    const found = await find({ tracking_number: '(801) 555-0102' });
    expect(found.map((t) => t.id)).toEqual([pool?.id, 'TRKnameless']);
  });

  it('finds by a tracking number in any format, searching CallRail by its national digits', async () => {
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ search: '8015550102', per_page: '250' })
      .reply(200, page('trackers', [billboard, pool]));
    const found = await find({ tracking_number: '(801) 555-0102' });
    expect(found.map((t) => t.id)).toEqual([pool?.id]);
    expect(found[0]).toMatchObject({
      tracking_numbers: ['+18015550101', '+18015550102'],
      tracking_numbers_text: '+18015550101, +18015550102',
      company_id: COMPANY,
      company_name: 'My Company',
      sms_enabled: true,
    });
  });

  it('finds by name, exact first, active before disabled, within a company (re-checked per row)', async () => {
    const renamed = (tracker: typeof gmb, name: string, status = 'active', company = COMPANY) => ({
      ...tracker,
      name,
      status,
      company: { id: company, name: 'x' },
    });
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ search: 'Google', company_id: COMPANY, per_page: '250' })
      .reply(
        200,
        page('trackers', [
          renamed(old, 'Google', 'disabled'),
          renamed(gmb, 'Google My Business'),
          renamed(pool, 'Google', 'active', OTHER),
          renamed(billboard, 'google'),
        ]),
      );
    const found = await find({ name: 'Google', company_id: COMPANY });
    expect(found.map((t) => [t.id, t.status])).toEqual([
      [billboard?.id, 'active'],
      [old?.id, 'disabled'],
      [gmb?.id, 'active'],
    ]);
  });

  it('with a name and a number, searches by name and keeps the tracker with that number', async () => {
    callRailApi()
      .get(accountPath('trackers.json'))
      .query({ search: 'Website Pool', per_page: '250' })
      .reply(200, page('trackers', [pool]));
    await expect(
      find({ name: 'Website Pool', tracking_number: '+1 801 555 0199' }),
    ).resolves.toEqual([]);
  });

  it('outputs the field table’s keys, and null flags when CallRail leaves them out', async () => {
    const { sms_enabled: _e, sms_supported: _s, ...bare } = { ...trackers.trackers[0] };
    callRailApi()
      .get(accountPath('trackers.json'))
      .query(true)
      .reply(200, page('trackers', [bare]));
    const [found] = await find({ name: 'Google My Business' });
    expect(Object.keys(found ?? {})).toEqual(trackerResource.outputFields.map((f) => f.key));
    expect(found).toMatchObject({ sms_enabled: null, sms_supported: null });
  });

  it.each([
    ['neither a name nor a number', {}, 'Give a Tracker Name or a Tracking Number to search for.'],
    [
      'a number that is not a phone number',
      { tracking_number: '12345' },
      'Tracking Number "12345" is not a valid US or Canadian phone number.',
    ],
    [
      'a malformed company',
      { name: 'Google', company_id: 'Widget Shop' },
      'Company must be a CallRail ID such as COM8154748ae6bd4e278a7cddd38a662f4f; "Widget Shop" is not. Choose one from the dropdown or map an ID from an earlier step.',
    ],
  ])('refuses %s without sending anything', async (_name, inputData, expected) => {
    let message = '';
    const sent = await requestsDuring(async () => {
      message = String((await errorOf(find(inputData))).detail.message);
    });
    expect(sent).toBe(0);
    expect(message).toBe(expected);
  });

  it('counts the one request a search makes (the refusal check above is not vacuous)', async () => {
    await expect(requestsDuring(() => find({ name: 'Google' }))).resolves.toBe(1);
  });

  it('names a broken answer instead of returning nothing', async () => {
    callRailApi().get(accountPath('trackers.json')).query(true).reply(200, { error: 'oops' });
    const error = await errorOf(find({ name: 'Google' }));
    expect(String(error.detail.message)).toMatch(
      /^CallRail answered the tracker list \(trackers\.json\) without its "trackers" list/,
    );
  });
});
