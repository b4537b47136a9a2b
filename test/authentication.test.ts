import authentication from '../src/authentication';
import { API_KEY, ACCOUNT_ID, appTester, authData, callRailApi, errorOf } from './helpers';

const accountsQuery = { page: '1', per_page: '250', fields: 'numeric_id', sort: 'name' };
const otherAccount = {
  id: 'ACC019c46b8a0807fbdb81c8bf12af91cb3',
  name: 'My Account',
  numeric_id: 518664017,
};
const connected = { id: ACCOUNT_ID, name: 'Last Mile Metrics', numeric_id: 713863719 };
const page = (accounts: object[], extra: object = {}) => ({
  page: 1,
  per_page: 250,
  total_pages: 1,
  total_records: accounts.length,
  accounts,
  ...extra,
});

describe('authentication', () => {
  it('proves the key reaches the account and labels the connection with its name', async () => {
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(200, page([otherAccount, connected]));
    const result = await appTester(authentication.test, { authData });
    expect(result).toEqual({ id: ACCOUNT_ID, name: 'Last Mile Metrics', numeric_id: 713863719 });
    expect(authentication.connectionLabel).toBe('{{name}}');
  });

  it('finds the account by its 9-digit number too', async () => {
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(200, page([otherAccount]));
    const result = await appTester(authentication.test, {
      authData: { api_key: API_KEY, account_id: '518-664-017' },
    });
    expect(result).toEqual({ ...otherAccount });
  });

  it('looks through further pages of accounts', async () => {
    const first = Array.from({ length: 250 }, (_, i) => ({
      id: `ACC${String(i).padStart(32, '0')}`,
      name: `A${i}`,
    }));
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(200, page(first, { total_pages: 2 }));
    callRailApi()
      .get('/v3/a.json')
      .query({ ...accountsQuery, page: '2' })
      .reply(200, page([connected], { page: 2, total_pages: 2 }));
    await expect(appTester(authentication.test, { authData })).resolves.toMatchObject({
      name: 'Last Mile Metrics',
    });
  });

  it('lists the accounts the key can see when the account is not one of them', async () => {
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(200, page([otherAccount, { id: 'ACC1', name: 'No Number' }]));
    const error = await errorOf(appTester(authentication.test, { authData }));
    expect(error.detail.message).toBe(
      `This API key cannot reach CallRail account ${ACCOUNT_ID}. It can see: My Account (ACC019c46b8a0807fbdb81c8bf12af91cb3, 518664017); No Number (ACC1). ` +
        'Reconnect with one of those account IDs, or with a key from a user of that account.',
    );
  });

  const manyAccounts = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `ACC${String(i).padStart(32, '0')}`,
      name: `Client ${i + 1}`,
      numeric_id: 100000000 + i,
    }));

  it('names at most 5 reachable accounts and counts the rest', async () => {
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(200, page(manyAccounts(7)));
    const error = await errorOf(appTester(authentication.test, { authData }));
    expect(error.detail.message).toBe(
      `This API key cannot reach CallRail account ${ACCOUNT_ID}. It can see: ` +
        manyAccounts(5)
          .map((a) => `${a.name} (${a.id}, ${a.numeric_id})`)
          .join('; ') +
        '; and 2 more. Reconnect with one of those account IDs, or with a key from a user of that account.',
    );
  });

  it("counts the accounts it did not read from CallRail's total", async () => {
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(200, page(manyAccounts(6), { total_records: 1239 }));
    const error = await errorOf(appTester(authentication.test, { authData }));
    const message = String(error.detail.message);
    expect(message).toContain(
      'Client 5 (ACC00000000000000000000000000000004, 100000004); and 1,234 more.',
    );
    expect(message).not.toContain('Client 6');
  });

  it('trims the key and the account id before use', async () => {
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(200, page([connected]));
    await expect(
      appTester(authentication.test, {
        authData: { api_key: ` ${API_KEY} \n`, account_id: `\t${ACCOUNT_ID} ` },
      }),
    ).resolves.toMatchObject({ id: ACCOUNT_ID });
  });

  it('refuses a key with a line break inside before sending anything, without showing it', async () => {
    const key = `${API_KEY}\r\nX-Evil: 1`;
    const error = await errorOf(
      appTester(authentication.test, { authData: { api_key: key, account_id: ACCOUNT_ID } }),
    );
    expect(error.detail).toMatchObject({ code: 'InvalidApiKey' });
    expect(error.message).not.toContain(API_KEY);
  });

  it('says the key is missing rather than rejected', async () => {
    const error = await errorOf(
      appTester(authentication.test, { authData: { account_id: ACCOUNT_ID } }),
    );
    expect(error.detail).toMatchObject({ code: 'MissingApiKey' });
    expect(String(error.detail.message)).not.toMatch(/rejected/);
  });

  it('reads the account id from a pasted app.callrail.com address', async () => {
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(200, page([otherAccount]));
    await expect(
      appTester(authentication.test, {
        authData: { api_key: API_KEY, account_id: 'https://app.callrail.com/a/518664017/calls' },
      }),
    ).resolves.toEqual({ ...otherAccount });
  });

  it('says when the key can see no account at all', async () => {
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(200, { page: 1, per_page: 250, accounts: [] });
    const error = await errorOf(appTester(authentication.test, { authData }));
    expect(String(error.detail.message)).toContain('It cannot see any account.');
  });

  it('asks for a new key when CallRail rejects it', async () => {
    callRailApi()
      .get('/v3/a.json')
      .query(accountsQuery)
      .reply(401, { error: 'HTTP Token: Access denied' });
    const error = await errorOf(appTester(authentication.test, { authData }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).not.toContain(API_KEY);
  });

  it('rejects a malformed account id before sending anything', async () => {
    const error = await errorOf(
      appTester(authentication.test, { authData: { api_key: API_KEY, account_id: 'a.json?x=' } }),
    );
    expect(error.detail).toMatchObject({ code: 'InvalidAccountId' });
  });

  it('keeps the key field secret and links to where keys are made', () => {
    const [apiKey, accountId] = authentication.fields;
    expect(apiKey).toMatchObject({ key: 'api_key', type: 'password', required: true });
    expect(apiKey?.helpText).toMatch(/\[.+\]\(https:\/\/.+\)/);
    expect(apiKey?.helpText).toContain('**Settings > Integrations > API Keys**');
    expect(accountId).toMatchObject({ key: 'account_id', required: true });
  });
});
