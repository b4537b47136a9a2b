import { defineInputFields } from 'zapier-platform-core';

import {
  CALL_CHANGE_CHOICES,
  CALL_EVENT_CHOICES,
  callEventKeys,
  hasWantedChange,
} from '../call/events';
import { matchesCallFilters, readCallFilters } from '../call/filters';
import { recentCalls } from '../call/recent';
import { recordingFileExtension } from '../call/recording';
import { callResource } from '../call/resource';
import type { CallChange, CallEventChoice } from '../callrailFacts';
import {
  answerStatusField,
  choicesFrom,
  directionField,
  minDurationField,
  trackerFilterField,
} from '../fields';
import { hookTrigger } from '../hookTrigger';
import { inputsOf, invalidInput } from '../inputs';
import { fetchRecent, SAMPLE_REQUEST } from '../recentItems';

const inputFields = defineInputFields([
  {
    key: 'event',
    label: 'When',
    required: true,
    default: 'post_call_webhook',
    choices: choicesFrom(CALL_EVENT_CHOICES),
    helpText: 'CallRail sends one webhook per event. "Call completed" suits most Zaps.',
  },
  { ...directionField, helpText: 'Inbound, outbound, or both when left empty.' },
  {
    key: 'changed_fields',
    label: 'Only When These Changed',
    required: false,
    list: true,
    choices: choicesFrom(CALL_CHANGE_CHOICES),
    helpText: 'For "Call modified": trigger only when one of these changed. Empty: any change.',
  },
  trackerFilterField,
  answerStatusField,
  minDurationField,
]);

export default hookTrigger({
  key: 'new_call_instant',
  noun: 'Call',
  display: {
    label: 'New Call (Instant)',
    description:
      "Triggers when a call of the chosen company starts, is answered, completes or changes, the moment it happens. Subscribes through the company's webhooks, leaving other tools' webhook URLs as they are.",
  },
  resource: callResource,
  inputFields,
  events: (z, bundle) => {
    const input = inputsOf(z, bundle, inputFields);
    const choice = input.choice('event', Object.keys(CALL_EVENT_CHOICES) as CallEventChoice[]);
    const keys = callEventKeys(
      choice ?? 'post_call_webhook',
      input.choice('direction', ['inbound', 'outbound'] as const),
    );
    if (keys.length > 0) return keys;
    throw invalidInput(
      z,
      'CallRail reports call started and call answered for inbound calls only: set Direction to Inbound or leave it empty.',
    );
  },
  // The webhook belongs to one company already, and old payloads carry its numeric id only.
  matches: (z, bundle, call, event) => {
    const { company_id: _company, ...filters } = readCallFilters(z, bundle);
    const wanted = inputsOf(z, bundle, inputFields).choices(
      'changed_fields',
      Object.keys(CALL_CHANGE_CHOICES) as CallChange[],
    );
    return hasWantedChange(call, event, wanted) && matchesCallFilters(call, filters);
  },
  dedupeOn: ['id', 'event_timestamp'],
  extend: recordingFileExtension,
  performList: (z, bundle) =>
    fetchRecent(z, bundle, recentCalls, readCallFilters(z, bundle), SAMPLE_REQUEST),
});
