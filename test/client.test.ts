import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';

import { callRail, type CallRailRequest } from '../src/client';
import { API_KEY, accountPath, appTester, authData, callRailApi, errorOf } from './helpers';

const run = (request: CallRailRequest, auth: Record<string, string> = authData) =>
  appTester((z: ZObject, bundle: Bundle) => callRail<unknown>(z, bundle, request), {
    authData: auth,
  });

/** A failure as Node's net module reports it, with its code. */
const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

const listCalls: CallRailRequest = {
  path: 'calls.json',
  params: { per_page: 1 },
  context: { action: 'list calls' },
};

describe('callRail', () => {
  it('sends account-scoped requests with the key, Request-From and JSON bodies', async () => {
    callRailApi()
      .post(accountPath('text-messages.json'), { content: 'Hi' })
      .query({ a: '1', b: 'true' })
      .matchHeader('content-type', 'application/json')
      .reply(200, { id: 'k8mc8' });
    const data = await run({
      method: 'POST',
      path: 'text-messages.json',
      params: { a: 1, b: true, skipped: undefined },
      body: { content: 'Hi' },
      context: { action: 'send the text' },
    });
    expect(data).toEqual({ id: 'k8mc8' });
  });

  it('reaches account-free paths and accepts the numeric account id', async () => {
    callRailApi().get('/v3/a.json').reply(200, { accounts: [] });
    callRailApi().get('/v3/a/713863719/calls.json').query(true).reply(200, { calls: [] });
    await expect(run({ path: '/a.json', context: { action: 'list accounts' } })).resolves.toEqual({
      accounts: [],
    });
    await expect(run(listCalls, { ...authData, account_id: ' 713863719 ' })).resolves.toEqual({
      calls: [],
    });
  });

  it('escapes ids used in paths', async () => {
    callRailApi().get(accountPath('calls/CAL1%2F..%2Fa.json')).reply(200, {});
    await run({
      path: `calls/${encodeURIComponent('CAL1/../a')}.json`,
      context: { action: 'find the call' },
    });
  });

  it.each([
    [401, 'ExpiredAuthError', /rejected the API key/],
    [403, 'AppError', /list calls: You may not\. The API key's user is not allowed/],
    [404, 'AppError', /CallRail found nothing there\. Check that it exists/],
    [400, 'AppError', /could not list calls: You may not\.$/],
    [406, 'AppError', /could not list calls: You may not\.$/],
    [422, 'AppError', /could not list calls: You may not\.$/],
    [429, 'ThrottledError', /rate limit was reached/],
    [500, 'AppError', /having trouble \(HTTP 500\)/],
    [503, 'AppError', /having trouble \(HTTP 503\)/],
  ])('turns HTTP %i into %s without ever showing the key', async (status, name, message) => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query({ per_page: '1' })
      .reply(status, { error: `You may not.` });
    const error = await errorOf(run(listCalls));
    expect(error.name).toBe(name);
    expect(String(error.detail.message)).toMatch(message);
    expect(error.message).not.toContain(API_KEY);
  });

  it('redacts the key even if CallRail echoes it', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(true)
      .reply(422, { error: `Bad token ${API_KEY}` });
    const error = await errorOf(run(listCalls));
    expect(error.message).toContain('Bad token [redacted]');
    expect(error.message).not.toContain(API_KEY);
  });

  it('honours a Retry-After header on 429', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(true)
      .reply(429, {}, { 'Retry-After': '120' });
    const error = await errorOf(run(listCalls));
    expect(error.detail.delay).toBe(120);
  });

  it('says so when CallRail answers with something that is not JSON', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(true)
      .reply(200, '<html>Down</html>', { 'Content-Type': 'text/html' });
    const error = await errorOf(run(listCalls));
    expect(error.detail).toMatchObject({ code: 'CallRailNotJson' });
    expect(String(error.detail.message)).toMatch(
      /not JSON \(text\/html\) when asked to list calls/,
    );
  });

  it('accepts an empty body (DELETE answers 204)', async () => {
    callRailApi().delete(accountPath('integrations/7.json')).reply(204);
    await expect(
      run({ method: 'DELETE', path: 'integrations/7.json', context: { action: 'remove' } }),
    ).resolves.toBeUndefined();
  });

  it('explains a dropped connection, and warns that a write may have gone through', async () => {
    callRailApi().post(accountPath('text-messages.json')).replyWithError('socket hang up');
    const error = await errorOf(
      run({
        method: 'POST',
        path: 'text-messages.json',
        body: {},
        context: { action: 'send the text', isWrite: true },
      }),
    );
    expect(String(error.detail.message)).toBe(
      'Could not reach CallRail to send the text (socket hang up). It may have gone through: check in CallRail before running this step again, so nothing happens twice.',
    );
  });

  const sendText: CallRailRequest = {
    method: 'POST',
    path: 'text-messages.json',
    body: {},
    context: { action: 'send the text', isWrite: true },
  };

  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND api.callrail.com'],
  ])('says nothing was sent when the connection failed (%s)', async (code, message) => {
    callRailApi()
      .post(accountPath('text-messages.json'))
      .replyWithError(systemError(code, message));
    const error = await errorOf(run(sendText));
    expect(error.detail).toMatchObject({ code: 'CallRailUnreachable' });
    expect(String(error.detail.message)).toBe(
      `Could not reach CallRail to send the text (${message}). Nothing was sent: the request never reached CallRail, so running this step again is safe.`,
    );
  });

  it.each([
    ['ECONNRESET', 'read ECONNRESET'],
    ['ETIMEDOUT', 'network timeout at: https://api.callrail.com/v3'],
  ])('says a write may have gone through after %s', async (code, message) => {
    callRailApi()
      .post(accountPath('text-messages.json'))
      .replyWithError(systemError(code, message));
    const error = await errorOf(run(sendText));
    expect(String(error.detail.message)).toMatch(/\. It may have gone through: check in CallRail/);
  });

  it('asks only to try again when a read could not connect', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(true)
      .replyWithError(systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443'));
    const error = await errorOf(run(listCalls));
    expect(String(error.detail.message)).toBe(
      'Could not reach CallRail to list calls (connect ECONNREFUSED 127.0.0.1:443). Try again in a few minutes.',
    );
  });

  it.each([
    ['is missing', {}],
    ['is malformed', { account_id: '123/../../x' }],
  ])('sends nothing when the account id %s', async (_name, auth) => {
    const error = await errorOf(run(listCalls, { api_key: API_KEY, ...auth }));
    expect(error.detail).toMatchObject({ code: 'InvalidAccountId' });
    expect(String(error.detail.message)).toMatch(/ACC.*9-digit/);
  });

  it('refuses to follow a URL outside the CallRail API', async () => {
    const error = await errorOf(
      run({ url: 'https://evil.example.com/v3/a/x/calls.json', context: { action: 'list calls' } }),
    );
    expect(error.detail).toMatchObject({ code: 'UnexpectedUrl' });
  });

  it('sends nothing when the API base override is unsafe', async () => {
    process.env.CALLRAIL_API_BASE = 'http://10.0.0.5/v3';
    try {
      const error = await errorOf(run(listCalls));
      expect(error.detail).toMatchObject({ code: 'InvalidApiBase' });
    } finally {
      delete process.env.CALLRAIL_API_BASE;
    }
  });

  it('talks to a loopback stand-in when told to', async () => {
    process.env.CALLRAIL_API_BASE = 'http://127.0.0.1:4010/v3';
    try {
      nock('http://127.0.0.1:4010', { reqheaders: { authorization: `Token token="${API_KEY}"` } })
        .get(accountPath('calls.json'))
        .query(true)
        .reply(200, { calls: [] });
      await expect(run(listCalls)).resolves.toEqual({ calls: [] });
    } finally {
      delete process.env.CALLRAIL_API_BASE;
    }
  });
});

describe('the API key', () => {
  it('is trimmed before use: a key pasted with spaces or a line break around it works', async () => {
    callRailApi().get(accountPath('calls.json')).query({ per_page: '1' }).reply(200, { calls: [] });
    await expect(run(listCalls, { ...authData, api_key: `  ${API_KEY}\r\n` })).resolves.toEqual({
      calls: [],
    });
  });

  it.each([
    ['missing', {}],
    ['empty', { api_key: '' }],
    ['blank', { api_key: ' \n ' }],
  ])('is reported missing, not rejected, when %s, and nothing is sent', async (_name, key) => {
    const error = await errorOf(run(listCalls, { account_id: authData.account_id, ...key }));
    expect(error.detail).toMatchObject({ code: 'MissingApiKey' });
    expect(String(error.detail.message)).toBe(
      'The CallRail connection has no API key. Reconnect CallRail in Zapier with an API v3 key: in CallRail open Settings > Integrations > API Keys and choose Create API V3 Key.',
    );
    expect(nock.pendingMocks()).toEqual([]);
  });

  it.each([
    ['a line break', `${API_KEY.slice(0, 8)}\n${API_KEY.slice(8)}`],
    ['a carriage return and line feed', `${API_KEY.slice(0, 8)}\r\n${API_KEY.slice(8)}`],
    ['a tab', `${API_KEY.slice(0, 8)}\t${API_KEY.slice(8)}`],
    ['a NUL', `${API_KEY}\u0000x`],
    ['a non-ASCII letter', `${API_KEY}é`],
  ])('is refused before any request when it contains %s, without showing it', async (_n, key) => {
    // The scope would catch any request at all; none may be sent.
    const scope = nock('https://api.callrail.com').persist().get(/.*/).reply(200, {});
    const error = await errorOf(run(listCalls, { ...authData, api_key: key }));
    expect(scope.isDone()).toBe(false);
    scope.persist(false);
    nock.cleanAll();
    expect(error.detail).toMatchObject({ code: 'InvalidApiKey' });
    expect(String(error.detail.message)).toMatch(/^The CallRail API key contains a line break/);
    for (const part of [key, API_KEY, API_KEY.slice(0, 8), API_KEY.slice(8)]) {
      expect(error.message).not.toContain(part);
    }
  });

  it('is refused by the middleware too, for a request made without the client', async () => {
    const error = await errorOf(
      appTester((z: ZObject) => z.request({ url: 'https://api.callrail.com/v3/a.json' }), {
        authData: { ...authData, api_key: `${API_KEY}\nX-Injected: 1` },
      }),
    );
    expect(error.detail).toMatchObject({ code: 'InvalidApiKey' });
    expect(error.message).not.toContain(API_KEY);
  });
});

describe('middleware outside CallRail', () => {
  it('never sends the key or maps errors for other hosts', async () => {
    nock('https://example.com', { badheaders: ['authorization', 'request-from'] })
      .get('/file')
      .reply(404, 'nope');
    const error = await errorOf(
      appTester((z: ZObject) => z.request({ url: 'https://example.com/file' }), { authData }),
    );
    expect(error.name).toBe('ResponseError');
  });
});
