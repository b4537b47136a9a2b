import zapier, { defineApp } from 'zapier-platform-core';

import packageJson from './package.json';
import authentication from './src/authentication';
import sendSms from './src/creates/sendSms';
import { afters, befores } from './src/middleware';
import findCall from './src/searches/findCall';
import findCompany from './src/searches/findCompany';
import findTracker from './src/searches/findTracker';
import findUser from './src/searches/findUser';
import callList from './src/triggers/callList';
import companyList from './src/triggers/companyList';
import newCall from './src/triggers/newCall';
import newCallInstant from './src/triggers/newCallInstant';
import trackerList from './src/triggers/trackerList';
import trackingNumberList from './src/triggers/trackingNumberList';
import userList from './src/triggers/userList';

/**
 * CallRail for Zapier.
 *
 * Connection: an API v3 key plus the account ID.
 * Triggers:   New Call (polling), New Call (Instant) (CallRail webhooks, merge-safe).
 * Actions:    Send SMS.
 * Searches:   Find Call, Find Company, Find Tracker, Find User.
 * Hidden dropdown sources: companies, trackers, texting numbers, recent calls, users.
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
  triggers: {
    [newCall.key]: newCall,
    [newCallInstant.key]: newCallInstant,
    [companyList.key]: companyList,
    [trackerList.key]: trackerList,
    [trackingNumberList.key]: trackingNumberList,
    [callList.key]: callList,
    [userList.key]: userList,
  },
  creates: {
    [sendSms.key]: sendSms,
  },
  searches: {
    [findCall.key]: findCall,
    [findCompany.key]: findCompany,
    [findTracker.key]: findTracker,
    [findUser.key]: findUser,
  },
});
