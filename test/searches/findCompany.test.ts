import { companyResource } from '../../src/company/resource';
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

const perform = operation('searches', 'find_company');
const find = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });

const company = (id: string, name: string, status = 'active') => ({
  ...companyResource.sample,
  id: `COM${id.padStart(32, '0')}`,
  name,
  status,
});

describe('Find Company', () => {
  it('searches once by name and returns the exact name first, active before disabled, then partial names', async () => {
    callRailApi()
      .get(accountPath('companies.json'))
      .query({ search: 'widget shop', sort: 'name', order: 'asc', per_page: '250' })
      .reply(
        200,
        page('companies', [
          company('1', 'Widget Shop East'),
          company('2', 'WIDGET SHOP', 'disabled'),
          company('3', 'Widget Shop'),
          company('4', 'Gadget Barn'),
        ]),
      );
    const found = await find({ name: '  widget shop ' });
    expect(found.map((c) => [c.name, c.status])).toEqual([
      ['Widget Shop', 'active'],
      ['WIDGET SHOP', 'disabled'],
      ['Widget Shop East', 'active'],
    ]);
    expect(found[0]).toEqual({ ...companyResource.sample, id: company('3', '').id });
  });

  it('returns [] when nothing matched', async () => {
    callRailApi()
      .get(accountPath('companies.json'))
      .query({ search: 'Nobody', sort: 'name', order: 'asc', per_page: '250' })
      .reply(200, page('companies', []));
    await expect(find({ name: 'Nobody' })).resolves.toEqual([]);
  });

  it('refuses an empty name without sending anything', async () => {
    let message = '';
    const sent = await requestsDuring(async () => {
      message = String((await errorOf(find({ name: '   ' }))).detail.message);
    });
    expect(sent).toBe(0);
    expect(message).toBe('Company Name is empty: type or map a value.');
  });

  it('passes on what CallRail refused, in words', async () => {
    callRailApi().get(accountPath('companies.json')).query(true).reply(500, {});
    const error = await errorOf(find({ name: 'Widget' }));
    expect(String(error.detail.message)).toMatch(
      /^CallRail is having trouble \(HTTP 500\) and could not search your companies\./,
    );
  });
});
