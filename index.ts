import zapier, { defineApp } from 'zapier-platform-core';

import packageJson from './package.json';
import authentication from './src/authentication';
import createFormSubmission from './src/creates/createFormSubmission';
import sendSms from './src/creates/sendSms';
import updateFormSubmission from './src/creates/updateFormSubmission';
import { afters, befores } from './src/middleware';
import findCall from './src/searches/findCall';
import findFormSubmission from './src/searches/findFormSubmission';
import findTextConversation from './src/searches/findTextConversation';
import callList from './src/triggers/callList';
import companyList from './src/triggers/companyList';
import formSubmissionList from './src/triggers/formSubmissionList';
import newCall from './src/triggers/newCall';
import newCallInstant from './src/triggers/newCallInstant';
import newFormSubmission from './src/triggers/newFormSubmission';
import newFormSubmissionInstant from './src/triggers/newFormSubmissionInstant';
import newTextMessage from './src/triggers/newTextMessage';
import newTextMessageInstant from './src/triggers/newTextMessageInstant';
import textConversationList from './src/triggers/textConversationList';
import trackerList from './src/triggers/trackerList';
import trackingNumberList from './src/triggers/trackingNumberList';

/**
 * CallRail for Zapier.
 *
 * Connection: an API v3 key plus the account ID.
 * Triggers:   New Call, New Text Message, New Form Submission (polling), each with an Instant
 *             twin (CallRail webhooks, merge-safe).
 * Actions:    Send SMS, Create Form Submission (Offline Lead), Update Form Submission.
 * Searches:   Find Call, Find Text Conversation, Find Form Submission.
 * Hidden dropdown sources: companies, trackers, texting numbers, recent calls, text
 * conversations, form submissions.
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
    [newTextMessage.key]: newTextMessage,
    [newTextMessageInstant.key]: newTextMessageInstant,
    [textConversationList.key]: textConversationList,
    [newFormSubmission.key]: newFormSubmission,
    [newFormSubmissionInstant.key]: newFormSubmissionInstant,
    [formSubmissionList.key]: formSubmissionList,
  },
  creates: {
    [sendSms.key]: sendSms,
    [createFormSubmission.key]: createFormSubmission,
    [updateFormSubmission.key]: updateFormSubmission,
  },
  searches: {
    [findCall.key]: findCall,
    [findTextConversation.key]: findTextConversation,
    [findFormSubmission.key]: findFormSubmission,
  },
});
