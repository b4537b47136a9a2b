import authentication from '../../src/authentication';
import { appTester, authFor, failureOf, useSandbox } from './harness';

const sandbox = useSandbox();

describe('connecting to CallRail (sandbox)', () => {
  it('accepts the ACC id and the 9-digit account number, and labels the connection', async () => {
    const [first] = sandbox().accounts;
    const byId = await appTester(authentication.test, { authData: authFor(sandbox()) });
    const byNumber = await appTester(authentication.test, {
      authData: {
        api_key: sandbox().keys.agency,
        account_id: String(first?.numeric_id).replace(/(\d{3})(\d{3})(\d{3})/, '$1-$2-$3'),
      },
    });
    expect(byId).toEqual({ id: first?.id, name: first?.name, numeric_id: first?.numeric_id });
    expect(byNumber).toEqual(byId);
  });

  it('lists the reachable accounts when the key cannot reach the one given', async () => {
    const [first, second] = sandbox().accounts;
    const failure = await failureOf(
      appTester(authentication.test, {
        authData: { api_key: sandbox().keys.single, account_id: second?.id ?? '' },
      }),
    );
    expect(failure.message).toContain(`cannot reach CallRail account ${second?.id}`);
    expect(failure.message).toContain(
      `It can see: ${first?.name} (${first?.id}, ${first?.numeric_id}).`,
    );
  });

  it('asks for a new key when CallRail denies it, without echoing it', async () => {
    const failure = await failureOf(
      appTester(authentication.test, {
        authData: { ...authFor(sandbox()), api_key: 'deadbeefdeadbeefdeadbeefdeadbeef' },
      }),
    );
    expect(failure.name).toBe('ExpiredAuthError');
    expect(JSON.stringify(failure)).not.toContain('deadbeefdeadbeefdeadbeefdeadbeef');
  });

  it('identifies itself to CallRail on every request', async () => {
    sandbox().resetRequests();
    await appTester(authentication.test, { authData: authFor(sandbox()) });
    expect(sandbox().requests).toHaveLength(1);
    expect(sandbox().requests[0]).toMatchObject({
      method: 'GET',
      path: '/v3/a.json',
      query: { page: '1', per_page: '250', fields: 'numeric_id', sort: 'name' },
      headers: {
        'request-from': 'zapier',
        authorization: `Token token="${sandbox().keys.agency}"`,
      },
    });
  });
});
