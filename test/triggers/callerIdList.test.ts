import { accountPath, appTester, authData, callRailApi } from '../helpers';
import { operation } from '../operations';

const perform = operation('triggers', 'caller_id_list');
const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';

const trackers = () =>
  callRailApi()
    .get(accountPath('trackers.json'))
    .query({ company_id: COMPANY, status: 'active', per_page: '250', page: '1' })
    .reply(200, {
      trackers: [
        {
          id: 'TRK8154748ae6bd4e278a7cddd38a662f4f',
          name: 'Google Ads',
          type: 'source',
          status: 'active',
          tracking_numbers: ['+13038163491', '+13035550000'],
          company: { id: COMPANY, name: 'Widget Shop' },
        },
      ],
    });
const callerIds = () =>
  callRailApi()
    .get(accountPath('caller_ids.json'))
    .query({ company_id: COMPANY, per_page: '250', page: '1' });
const list = (inputData: Record<string, unknown>) =>
  appTester(perform, { authData, inputData, meta: { page: 0 } });

describe('caller ID dropdown', () => {
  it("offers the company's tracking numbers and verified caller IDs as E.164 numbers, each once", async () => {
    trackers();
    callerIds().reply(200, {
      caller_ids: [
        { id: 5678, name: 'Front Desk', phone_number: '(770) 333-4455', verified: true },
        { id: 5679, name: 'Unverified', phone_number: '+17703334466', verified: false },
        { id: 5680, name: null, phone_number: '+13035550000', verified: true },
        { id: 5681, name: 'London', phone_number: '+442079460958', verified: true },
      ],
    });
    await expect(list({ company_id: COMPANY })).resolves.toEqual([
      { id: '+13038163491', name: 'Google Ads (+13038163491), tracking number' },
      { id: '+13035550000', name: 'Google Ads (+13035550000), tracking number' },
      { id: '+17703334455', name: 'Front Desk (+17703334455), verified caller ID' },
    ]);
  });

  it('still offers the tracking numbers when the account may not list caller IDs (403)', async () => {
    trackers();
    callerIds().reply(403, { error: 'You do not have permission' });
    const choices = await list({ company_id: COMPANY });
    expect(choices.map((c) => c.id)).toEqual(['+13038163491', '+13035550000']);
  });

  it('is empty, without a request, until a company is chosen', async () => {
    await expect(list({})).resolves.toEqual([]);
  });
});
