import {
  API_KEY_MENU,
  callRailErrorText,
  describeFailure,
  redact,
  type RequestContext,
} from '../src/errors';

const context: RequestContext = {
  action: 'send the text',
  resource: 'company COM1',
  isWrite: true,
};
const body = (value: unknown) => JSON.stringify(value);

describe('describeFailure', () => {
  it.each([
    [
      401,
      body({ error: 'HTTP Token: Access denied' }),
      'auth',
      /rejected the API key.*Create a new API v3 key.*reconnect/,
    ],
    [
      403,
      body({ error: 'You do not have permission' }),
      'user',
      /could not send the text: You do not have permission\. .*admin/,
    ],
    [
      404,
      body({ error: 'Not found' }),
      'user',
      /CallRail found no company COM1\. Check that it exists/,
    ],
    [
      400,
      body({ error: 'Missing parameter: content' }),
      'user',
      /could not send the text: Missing parameter: content\.$/,
    ],
    [
      406,
      body({ error: 'Parameters must be JSON' }),
      'user',
      /could not send the text: Parameters must be JSON\.$/,
    ],
    [
      422,
      body({ errors: { customer_phone_number: ['is invalid'] } }),
      'user',
      /could not send the text: customer_phone_number is invalid\.$/,
    ],
    [422, 'not json', 'user', /could not send the text: it rejected the request \(HTTP 422\)\.$/],
    [
      405,
      body({ error: 'Method not allowed' }),
      'user',
      /could not send the text \(HTTP 405\): Method not allowed\.$/,
    ],
    [
      429,
      body({ error: 'Rate limit exceeded' }),
      'throttled',
      /rate limit was reached.*Zapier will try again later/,
    ],
    [
      500,
      body({ error: 'Internal error' }),
      'server',
      /having trouble \(HTTP 500\).*check in CallRail before running this step again/,
    ],
    [503, '<html>Maintenance</html>', 'server', /having trouble \(HTTP 503\)/],
  ])('maps HTTP %i to a %s failure', (status, content, kind, message) => {
    const failure = describeFailure({ status, content }, context);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
  });

  it('tells readers a failed read can simply be tried again', () => {
    const failure = describeFailure({ status: 503, content: '' }, { action: 'list calls' });
    expect(failure.message).toBe(
      'CallRail is having trouble (HTTP 503) and could not list calls. Try again in a few minutes; status.callrail.com shows outages.',
    );
  });

  it.each([
    [undefined, 60],
    ['30', 30],
    ['0', 60],
    ['soon', 60],
  ])('waits Retry-After %j as %i seconds', (retryAfter, delaySeconds) => {
    expect(describeFailure({ status: 429, content: '', retryAfter }, context)).toMatchObject({
      kind: 'throttled',
      delaySeconds,
    });
  });

  it('names a specific limit and uses specific hints', () => {
    const specific: RequestContext = {
      action: 'send the text',
      throttleHint: 'texting limit',
      forbiddenHint: 'Ask CallRail support.',
      notFoundHint: 'Pick another.',
    };
    expect(describeFailure({ status: 429, content: '' }, specific).message).toContain(
      '(texting limit)',
    );
    expect(describeFailure({ status: 403, content: '' }, specific).message).toBe(
      'CallRail could not send the text. Ask CallRail support.',
    );
    expect(describeFailure({ status: 404, content: '' }, specific).message).toBe(
      'CallRail could not send the text: CallRail found nothing there. Pick another.',
    );
  });
});

describe('callRailErrorText', () => {
  it.each([
    [body({ error: ' Content is too long ' }), 'Content is too long'],
    [body({ message: 'Nope' }), 'Nope'],
    [body({ errors: ['a', 'b'] }), 'a; b'],
    [
      body({ errors: { content: 'blank', media_url: ['bad', 'worse'] } }),
      'content blank; media_url bad, worse',
    ],
    [body({ error: '' }), null],
    [body(['x']), null],
    [body('x'), null],
    ['', null],
    ['<html>', null],
  ])('reads %s as %j', (content, expected) => {
    expect(callRailErrorText(content)).toBe(expected);
  });
});

describe('redact', () => {
  it('removes every occurrence of a secret and ignores empty ones', () => {
    expect(redact('key abcd1234 and abcd1234', ['abcd1234', ''])).toBe(
      'key [redacted] and [redacted]',
    );
  });
});

describe('where to find the API key', () => {
  it('is one menu path, named in src/errors.ts and used by every help text and message', () => {
    const { readdirSync, readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const { join } = jest.requireActual<typeof import('node:path')>('node:path');
    const root = join(__dirname, '..', 'src');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.ts'),
    );
    const mentions = files.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/API Keys|Create API V3 Key/g)].map(
        (match) => `${file}: ${match[0].trim()}`,
      ),
    );
    expect(mentions).toEqual(['errors.ts: API Keys', 'errors.ts: Create API V3 Key']);
    expect(API_KEY_MENU).toBe('Settings > Integrations > API Keys');
  });
});
