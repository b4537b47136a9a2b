import { defineInputFields } from 'zapier-platform-core';

import { readCallFilters, matchesCallFilters } from '../call/filters';
import { fetchRecentCalls } from '../call/requests';
import { RECORDING_FILE_FIELD, recordedCallOutput, withRecordingFile } from '../call/recording';
import { callResource } from '../call/resource';
import {
  CALL_CHANGE_NAMES,
  CALL_EVENT_KEYS,
  type CallChange,
  type CallEventChoice,
  type WebhookEvent,
} from '../callrailFacts';
import { answerStatusField, directionField, minDurationField, trackerFilterField } from '../fields';
import { hookTrigger } from '../hookTrigger';
import { inputsOf } from '../inputs';
import { SAMPLE_PAGE_SIZE } from '../polling';

const inputFields = defineInputFields([
  {
    key: 'event',
    label: 'When',
    required: true,
    default: 'post_call_webhook',
    choices: [
      {
        value: 'post_call_webhook',
        label: 'Call completed (recording and transcript attached, up to 20 minutes after hang-up)',
        sample: 'post_call_webhook',
      },
      {
        value: 'pre_call_webhook',
        label: 'Call started (before it is answered)',
        sample: 'pre_call_webhook',
      },
      {
        value: 'answered_call_webhook',
        label: 'Call answered (routing complete)',
        sample: 'answered_call_webhook',
      },
      {
        value: 'updated_call_webhook',
        label: 'Call modified (tags, note, value, lead status, transcript, recording, score)',
        sample: 'updated_call_webhook',
      },
    ],
    helpText: 'CallRail sends one webhook per event. "Call completed" suits most Zaps.',
  },
  { ...directionField, helpText: 'Inbound, outbound or (left empty) both.' },
  {
    key: 'changed_fields',
    label: 'Only When These Changed',
    required: false,
    list: true,
    choices: Object.keys(CALL_CHANGE_NAMES).map((change) => ({
      value: change,
      label: change.replace(/_/g, ' '),
      sample: change,
    })),
    helpText:
      'For "Call modified" only: trigger when any of these changed. Leave empty for every change.',
  },
  trackerFilterField,
  answerStatusField,
  minDurationField,
]);

/** The event keys of the chosen "When", for the chosen direction (both when none is chosen). */
const callEvents = (choice: CallEventChoice, direction: 'inbound' | 'outbound' | undefined) => {
  const keys: { inbound: WebhookEvent; outbound?: WebhookEvent } = CALL_EVENT_KEYS[choice];
  if (direction === 'inbound') return [keys.inbound];
  if (direction === 'outbound') return keys.outbound ? [keys.outbound] : [];
  return keys.outbound ? [keys.inbound, keys.outbound] : [keys.inbound];
};

const isModified = (event: WebhookEvent) => event.startsWith('updated_');

export default hookTrigger({
  key: 'new_call_instant',
  noun: 'Call',
  display: {
    label: 'New Call (Instant)',
    description:
      "Triggers when a call of the chosen company starts, is answered, completes or changes, the moment CallRail reports it. Adds this Zap's URL to the company's CallRail webhooks without touching other tools' URLs.",
  },
  resource: callResource,
  inputFields,
  events: (z, bundle) => {
    const input = inputsOf(z, bundle, inputFields);
    const choice =
      input.choice('event', Object.keys(CALL_EVENT_KEYS) as CallEventChoice[]) ??
      'post_call_webhook';
    const events = callEvents(choice, input.choice('direction', ['inbound', 'outbound'] as const));
    if (events.length === 0) {
      throw new z.errors.Error(
        'CallRail reports call started and call answered for inbound calls only: set Direction to Inbound or leave it empty.',
        'InvalidInput',
        400,
      );
    }
    return events;
  },
  // The webhook belongs to one company already, and old payloads carry its numeric id only.
  matches: (z, bundle, call, event) => {
    const { company_id: _company, ...filters } = readCallFilters(z, bundle);
    const wanted = inputsOf(z, bundle, inputFields).list('changed_fields') as CallChange[];
    const changed =
      !isModified(event) ||
      wanted.length === 0 ||
      wanted.some((change) =>
        (CALL_CHANGE_NAMES[change] as readonly string[] | undefined)?.some((name) =>
          call.changes.includes(name),
        ),
      );
    return changed && matchesCallFilters(call, filters);
  },
  dedupeOn: ['id', 'event_timestamp'],
  extend: {
    item: withRecordingFile,
    outputFields: [RECORDING_FILE_FIELD],
    sample: { recording_file: recordedCallOutput.sample.recording_file },
  },
  performList: (z, bundle) =>
    fetchRecentCalls(z, bundle, {
      filters: readCallFilters(z, bundle),
      pageSize: SAMPLE_PAGE_SIZE,
      followBursts: false,
    }),
});
