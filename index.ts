import zapier, { defineApp } from 'zapier-platform-core';

import packageJson from './package.json';
import authentication from './src/authentication';
import { downloadRecording } from './src/call/recording';
import createOutboundCall from './src/creates/createOutboundCall';
import createTag from './src/creates/createTag';
import sendSms from './src/creates/sendSms';
import updateCall from './src/creates/updateCall';
import { afters, befores } from './src/middleware';
import callReport from './src/searches/callReport';
import findCall from './src/searches/findCall';
import findCompany from './src/searches/findCompany';
import findTracker from './src/searches/findTracker';
import findUser from './src/searches/findUser';
import findTag from './src/searches/findTag';
import callerIdList from './src/triggers/callerIdList';
import createFormSubmission from './src/creates/createFormSubmission';
import updateFormSubmission from './src/creates/updateFormSubmission';
import findFormSubmission from './src/searches/findFormSubmission';
import findTextConversation from './src/searches/findTextConversation';
import callList from './src/triggers/callList';
import companyList from './src/triggers/companyList';
import companyListOrAll from './src/triggers/companyListOrAll';
import formSubmissionList from './src/triggers/formSubmissionList';
import newCall from './src/triggers/newCall';
import newCallInstant from './src/triggers/newCallInstant';
import tagList from './src/triggers/tagList';
import newFormSubmission from './src/triggers/newFormSubmission';
import newFormSubmissionInstant from './src/triggers/newFormSubmissionInstant';
import newTextMessage from './src/triggers/newTextMessage';
import newTextMessageInstant from './src/triggers/newTextMessageInstant';
import textConversationList from './src/triggers/textConversationList';
import trackerList from './src/triggers/trackerList';
import trackingNumberList from './src/triggers/trackingNumberList';
import userList from './src/triggers/userList';

/**
 * CallRail for Zapier.
 *
 * Connection: an API v3 key plus the account ID.
 * Triggers:   New Call, New Text Message, New Form Submission (polling), each with an Instant
 *             twin (CallRail webhooks, merge-safe); New Call, its twin and Find Call give
 *             the call's recording as a file (hydrated only when used).
 * Actions:    Send SMS, Update Call (tags, note, lead status, name, spam, value),
 *             Call a Customer (Outbound Call), Create Tag, Create Form Submission
 *             (Offline Lead), Update Form Submission.
 * Searches:   Find Call, Find Text Conversation, Find Form Submission, Find Tag (or create
 *             it), Find Company, Find Tracker, Find User; Call Report (by source, campaign,
 *             company or over time, for Zaps on a schedule).
 * Hidden dropdown sources: companies (also with All Companies), trackers, texting numbers, recent calls, caller IDs,
 *             tags, users, text conversations, form submissions.
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
    [newTextMessage.key]: newTextMessage,
    [newTextMessageInstant.key]: newTextMessageInstant,
    [newFormSubmission.key]: newFormSubmission,
    [newFormSubmissionInstant.key]: newFormSubmissionInstant,
    [companyList.key]: companyList,
    [companyListOrAll.key]: companyListOrAll,
    [trackerList.key]: trackerList,
    [trackingNumberList.key]: trackingNumberList,
    [callList.key]: callList,
    [userList.key]: userList,
    [callerIdList.key]: callerIdList,
    [tagList.key]: tagList,
    [textConversationList.key]: textConversationList,
    [formSubmissionList.key]: formSubmissionList,
  },
  creates: {
    [sendSms.key]: sendSms,
    [updateCall.key]: updateCall,
    [createOutboundCall.key]: createOutboundCall,
    [createTag.key]: createTag,
    [createFormSubmission.key]: createFormSubmission,
    [updateFormSubmission.key]: updateFormSubmission,
  },
  searches: {
    [findCall.key]: findCall,
    [findTextConversation.key]: findTextConversation,
    [findFormSubmission.key]: findFormSubmission,
    [findTag.key]: findTag,
    [findCompany.key]: findCompany,
    [findTracker.key]: findTracker,
    [findUser.key]: findUser,
    [callReport.key]: callReport,
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
