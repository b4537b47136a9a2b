import { defineInputField, defineInputFields } from 'zapier-platform-core';

import {
  CALL_CHANGE_CHOICES,
  CALL_EVENT_CHOICES,
  callEventKeys,
  hasWantedChange,
} from '../call/events';
import { callFilterInputs, matchesCallFilters } from '../call/filters';
import { recentCalls } from '../call/recent';
import { recordingFileExtension } from '../call/recording';
import { callResource } from '../call/resource';
import type { CallChange, CallEventChoice } from '../callrailFacts';
import {
  answerStatusField,
  choicesFrom,
  conditionalField,
  directionField,
  firstTimeCallersField,
  minDurationField,
  trackerFilterField,
} from '../fields';
import { hookTrigger } from '../hookTrigger';
import { invalidInput } from '../inputs';
import * as read from '../readers';
import { fetchRecent, SAMPLE_REQUEST } from '../recentItems';

const CALL_MODIFIED: CallEventChoice = 'updated_call_webhook';

const changedFieldsField = defineInputField({
  key: 'changed_fields',
  label: 'Only When These Changed',
  required: false,
  list: true,
  choices: choicesFrom(CALL_CHANGE_CHOICES),
  helpText: 'Trigger only when one of these changed. Empty: any change.',
});

const inputFields = defineInputFields([
  {
    key: 'event',
    label: 'When',
    required: true,
    default: 'post_call_webhook',
    choices: choicesFrom(CALL_EVENT_CHOICES),
    // Only When These Changed comes and goes with it.
    altersDynamicFields: true,
    helpText: 'CallRail sends one webhook per event. "Call completed" suits most Zaps.',
  },
  { ...directionField, helpText: 'Inbound, outbound, or both when left empty.' },
  conditionalField(
    changedFieldsField,
    'When is "Call modified"',
    (input) => input.event === CALL_MODIFIED,
  ),
  trackerFilterField,
  answerStatusField,
  minDurationField,
  firstTimeCallersField,
]);

const { company_id: _company, ...filterInputs } = callFilterInputs;

const inputs = {
  event: read.choice(Object.keys(CALL_EVENT_CHOICES) as CallEventChoice[]),
  ...filterInputs,
  changed_fields: read.choices(Object.keys(CALL_CHANGE_CHOICES) as CallChange[]),
};

export default hookTrigger({
  key: 'new_call_instant',
  noun: 'Call',
  display: {
    label: 'New Call (Instant)',
    description:
      "Triggers when a call of the chosen companies starts, is answered, completes or changes, the moment it happens. Subscribes through each company's webhooks, leaving other tools' webhook URLs as they are.",
  },
  resource: callResource,
  inputFields,
  inputs,
  events: (z, { event, direction }) => {
    const keys = callEventKeys(event ?? 'post_call_webhook', direction);
    if (keys.length > 0) return keys;
    throw invalidInput(
      z,
      'CallRail reports call started and call answered for inbound calls only: set Direction to Inbound or leave it empty.',
    );
  },
  // The webhook's company is the one whose key signed it, and old bodies carry a numeric id only.
  matches: (call, event, { changed_fields: wanted, event: _event, ...filters }) =>
    hasWantedChange(call, event, wanted) && matchesCallFilters(call, filters),
  dedupeOn: ['id', 'event_timestamp'],
  extend: recordingFileExtension,
  performList: (
    z,
    bundle,
    { company_id: companies, event: _event, changed_fields: _changed, ...filters },
  ) =>
    fetchRecent(
      z,
      bundle,
      recentCalls,
      { ...filters, companies: read.companyIdsOf(companies) },
      SAMPLE_REQUEST,
    ),
});
