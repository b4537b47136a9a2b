import { normalizeAccountId } from '../src/accountId';

describe('normalizeAccountId', () => {
  it.each([
    ['ACC8154748ae6bd4e278a7cddd38a662f4f', 'ACC8154748ae6bd4e278a7cddd38a662f4f'],
    ['  ACC8154748ae6bd4e278a7cddd38a662f4f\n', 'ACC8154748ae6bd4e278a7cddd38a662f4f'],
    ['ACC8154748AE6BD4E278A7CDDD38A662F4F', 'ACC8154748ae6bd4e278a7cddd38a662f4f'],
    ['acc8154748ae6bd4e278a7cddd38a662f4f', 'ACC8154748ae6bd4e278a7cddd38a662f4f'],
    ['713863719', '713863719'],
    [' 713863719 ', '713863719'],
    ['713-863-719', '713863719'],
    ['https://app.callrail.com/a/713863719/calls', '713863719'],
    [' https://app.callrail.com/a/713863719 ', '713863719'],
    ['app.callrail.com/a/713863719/companies?page=2', '713863719'],
    ['HTTPS://APP.CALLRAIL.COM/a/713863719#top', '713863719'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normalizeAccountId(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too short numeric', '71386371'],
    ['too long numeric', '7138637190'],
    ['31 hex', 'ACC8154748ae6bd4e278a7cddd38a662f4'],
    ['33 hex', 'ACC8154748ae6bd4e278a7cddd38a662f4ff'],
    ['non-hex', 'ACC8154748ae6bd4e278a7cddd38a662f4g'],
    ['company id', 'COM8154748ae6bd4e278a7cddd38a662f4f'],
    ['path traversal', '../../a.json'],
    ['path injection', '713863719/calls'],
    ['query injection', '713863719?per_page=250'],
    ['encoded slash', 'ACC8154748ae6bd4e278a7cddd38a662f4f%2F'],
    ['inner space', 'ACC8154748ae6bd4e278 a7cddd38a662f4f'],
    ['unicode digits', '٧١٣٨٦٣٧١٩'],
    ['another host', 'https://evil.example.com/a/713863719/calls'],
    ['a look-alike host', 'https://app.callrail.com.evil.example/a/713863719'],
    ['an app url without an account', 'https://app.callrail.com/calls'],
    ['an app url with a short number', 'https://app.callrail.com/a/71386371/calls'],
    ['half-dashed', '713-863719'],
    ['newline inside', '713863719\nX'],
  ])('rejects %s', (_name, input) => {
    expect(normalizeAccountId(input)).toBeNull();
  });

  it.each([[undefined], [null], [713863719], [{}]])('rejects non-string %p', (input) => {
    expect(normalizeAccountId(input)).toBeNull();
  });
});
