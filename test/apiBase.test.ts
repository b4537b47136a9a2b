import { resolveApiBase } from '../src/apiBase';

describe('resolveApiBase', () => {
  it.each([
    [undefined, 'https://api.callrail.com/v3'],
    ['', 'https://api.callrail.com/v3'],
    ['http://127.0.0.1:8080/v3', 'http://127.0.0.1:8080/v3'],
    ['http://127.0.0.1:8080/v3/', 'http://127.0.0.1:8080/v3'],
    ['http://localhost:9000/v3', 'http://localhost:9000/v3'],
    ['http://[::1]:9000/v3', 'http://[::1]:9000/v3'],
    ['http://127.1.2.3/v3', 'http://127.1.2.3/v3'],
    ['https://callrail.staging.example.com/v3', 'https://callrail.staging.example.com/v3'],
  ])('resolves %j to %s', (override, expected) => {
    expect(resolveApiBase(override)).toBe(expected);
  });

  it.each([
    ['plain http to another machine', 'http://api.callrail.com/v3'],
    ['private address', 'http://192.168.1.10/v3'],
    ['loopback look-alike', 'http://127.0.0.1.evil.example/v3'],
    ['credentials in the url', 'https://user:pass@api.callrail.com/v3'],
    ['query string', 'https://api.callrail.com/v3?x=1'],
    ['other scheme', 'ftp://127.0.0.1/v3'],
    ['not a url', 'api.callrail.com'],
  ])('refuses %s', (_name, override) => {
    expect(() => resolveApiBase(override)).toThrow(/CALLRAIL_API_BASE/);
  });
});
