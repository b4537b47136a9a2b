import zapier from 'zapier-platform-core';

import { resolveApiBase } from '../../src/apiBase';
import { CALLRAIL_API_BASE } from '../../src/callrailFacts';

// Run with e.g. CALLRAIL_API_BASE=http://127.0.0.1:1/v3 authData_api_key=… in the shell:
// test/setup/hermeticEnv.ts removes them before any test module loads.
describe('the test environment', () => {
  it('carries no CallRail, connection or Zapier variable from the shell', () => {
    const leaked = Object.keys(process.env).filter((name) =>
      /^(CALLRAIL_|AUTHDATA_|ZAPIER_)|^(DETAILED_)?LOG_TO_STDOUT$/i.test(name),
    );
    expect(leaked).toEqual([]);
    expect(resolveApiBase()).toBe(CALLRAIL_API_BASE);
  });

  it('refuses to load a .env file', () => {
    expect(() => zapier.tools.env.inject()).toThrow('Tests must not load a .env file');
  });
});
