import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { callFilterFields, readCallFilters } from '../call/filters';
import { fetchRecentCalls } from '../call/requests';
import { recordedCallOutput, withRecordingFile, type CallWithFile } from '../call/recording';
import { isLoadingSample, POLL_PAGE_SIZE, SAMPLE_PAGE_SIZE } from '../polling';

const inputFields = defineInputFields([...callFilterFields]);

/** One request per poll; more only when a burst of calls filled whole pages since the last. */
const perform = (async (z, bundle) =>
  (
    await fetchRecentCalls(z, bundle, {
      filters: readCallFilters(z, bundle),
      pageSize: isLoadingSample(bundle) ? SAMPLE_PAGE_SIZE : POLL_PAGE_SIZE,
      followBursts: !isLoadingSample(bundle),
    })
  ).map((call) => withRecordingFile(z, call))) satisfies PollingTriggerPerform<
  typeof inputFields,
  CallWithFile
>;

export default defineTrigger({
  key: 'new_call',
  noun: 'Call',
  display: {
    label: 'New Call',
    description:
      'Triggers when a new call is logged (checked every few minutes), with its tags, attribution and lead status.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: recordedCallOutput.sample,
    outputFields: recordedCallOutput.outputFields,
  },
});
