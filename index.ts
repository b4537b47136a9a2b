import zapier, { defineApp } from 'zapier-platform-core';

import packageJson from './package.json';
import authentication from './src/authentication';
import { downloadRecording } from './src/call/recording';
import createOutboundCall from './src/creates/createOutboundCall';
import createTag from './src/creates/createTag';
import sendSms from './src/creates/sendSms';
import updateCall from './src/creates/updateCall';
import { afters, befores } from './src/middleware';
import findCall from './src/searches/findCall';
import findCompany from './src/searches/findCompany';
import findTracker from './src/searches/findTracker';
import findUser from './src/searches/findUser';
import findTag from './src/searches/findTag';
import callerIdList from './src/triggers/callerIdList';
import callList from './src/triggers/callList';
import companyList from './src/triggers/companyList';
import newCall from './src/triggers/newCall';
import newCallInstant from './src/triggers/newCallInstant';
import tagList from './src/triggers/tagList';
import trackerList from './src/triggers/trackerList';
import trackingNumberList from './src/triggers/trackingNumberList';
import userList from './src/triggers/userList';

/**
 * CallRail for Zapier.
 *
 * Connection: an API v3 key plus the account ID.
 * Triggers:   New Call (polling), New Call (Instant) (CallRail webhooks, merge-safe); both,
 *             and Find Call, give the call's recording as a file (hydrated only when used).
 * Actions:    Send SMS, Update Call (tags, note, lead status, name, spam, value),
 *             Call a Customer (Outbound Call), Create Tag.
 * Searches:   Find Call, Find Tag (or create it), Find Company, Find Tracker, Find User.
 * Hidden dropdown sources: companies, trackers, texting numbers, recent calls, caller IDs, tags,
 *             users.
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
    [callerIdList.key]: callerIdList,
    [tagList.key]: tagList,
  },
  creates: {
    [sendSms.key]: sendSms,
    [updateCall.key]: updateCall,
    [createOutboundCall.key]: createOutboundCall,
    [createTag.key]: createTag,
  },
  searches: {
    [findCall.key]: findCall,
    [findCompany.key]: findCompany,
    [findTracker.key]: findTracker,
    [findUser.key]: findUser,
    [findTag.key]: findTag,
  },
  searchOrCreates: {
    // Zapier requires this key to be the search's.
    [findTag.key]: {
      key: findTag.key,
      display: {
        label: 'Find or Create Tag',
        description: 'Finds a tag by name, and creates it when there is none.',
      },
      search: findTag.key,
      create: createTag.key,
    },
  },
  // Recording files are fetched only when a Zap step uses them (src/call/recording.ts).
  hydrators: { downloadRecording },
});
