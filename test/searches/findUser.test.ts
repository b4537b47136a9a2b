import { userResource } from '../../src/user/resource';
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

const perform = operation('searches', 'find_user');
const find = (inputData: Record<string, unknown>) => appTester(perform, { authData, inputData });
const query = (search: string) => ({
  search,
  sort: 'email',
  order: 'asc',
  per_page: '250',
  page: '1',
});

describe('Find User', () => {
  it('searches once by email and keeps only the exact email, in any case', async () => {
    callRailApi()
      .get(accountPath('users.json'))
      .query(query('gil@televised.com'))
      .reply(
        200,
        page('users', [
          { ...userResource.sample, id: 'USR1', email: 'gil@televised.com.au' },
          { ...userResource.sample, email: 'Gil@Televised.com' },
          { ...userResource.sample, id: 'USR2', email: 'angil@televised.com' },
        ]),
      );
    await expect(find({ email: ' GIL@televised.com ' })).resolves.toEqual([
      { ...userResource.sample, email: 'Gil@Televised.com' },
    ]);
  });

  it('returns [] when no user has that email', async () => {
    callRailApi()
      .get(accountPath('users.json'))
      .query(query('nobody@example.com'))
      .reply(200, page('users', []));
    await expect(find({ email: 'nobody@example.com' })).resolves.toEqual([]);
  });

  it.each([
    ['an empty email', '', 'Email is empty: type or map a value.'],
    [
      'a malformed email',
      'gil at televised',
      'Email must be an email address; "gil at televised" is not.',
    ],
  ])('refuses %s without sending anything', async (_name, email, expected) => {
    let message = '';
    const sent = await requestsDuring(async () => {
      message = String((await errorOf(find({ email }))).detail.message);
    });
    expect(sent).toBe(0);
    expect(message).toBe(expected);
  });

  it('says what a 403 means', async () => {
    callRailApi()
      .get(accountPath('users.json'))
      .query(true)
      .reply(403, { error: 'You do not have permission' });
    const error = await errorOf(find({ email: 'gil@televised.com' }));
    expect(String(error.detail.message)).toMatch(
      /^CallRail could not search your users: You do not have permission\. /,
    );
  });
});
