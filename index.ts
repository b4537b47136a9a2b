import zapier, { defineApp } from 'zapier-platform-core';

import packageJson from './package.json';
import authentication from './src/authentication';
import { afters, befores } from './src/middleware';

/**
 * CallRail for Zapier.
 *
 * Connection: an API v3 key plus the account ID.
 */
export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [...befores],
  afterResponse: [...afters],
  flags: {
    // 429s reach our middleware, which names the CallRail limit behind them.
    throwForThrottlingEarly: false,
    // Empty optional inputs stay visible, so each operation decides what "empty" means.
    cleanInputData: false,
    // Every request goes through z.request, which logs itself; the patch only adds logging for
    // other HTTP libraries, and pins http.request to whatever wrapped it first.
    skipHttpPatch: true,
  },
  triggers: {},
  creates: {},
  searches: {},
});
