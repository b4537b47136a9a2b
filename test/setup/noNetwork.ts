import nock from 'nock';

// Every unit test must say exactly which CallRail requests it expects; anything else fails.
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const unused = nock.pendingMocks();
  nock.cleanAll();
  if (unused.length > 0) throw new Error(`Expected requests were not sent: ${unused.join(', ')}`);
});
afterAll(() => nock.enableNetConnect());
