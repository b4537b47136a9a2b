import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { readCallFilters } from '../callFilters';
import { CALL_OUTPUT_FIELDS } from '../callPayload';
import { fetchRecentCalls, POLL_PAGE_SIZE, SAMPLE_PAGE_SIZE } from '../calls';
import {
  answerStatusField,
  optionalCompanyField,
  directionField,
  minDurationField,
  trackerFilterField,
} from '../fields';
import { sampleCall } from '../samples/call';

export const inputFields = defineInputFields([
  optionalCompanyField,
  trackerFilterField,
  directionField,
  answerStatusField,
  minDurationField,
]);

export const callOutputFields = CALL_OUTPUT_FIELDS.map((field) => ({
  ...field,
  ...(field.key === 'id' ? { primary: true } : {}),
}));

/** One request per poll; more only when a burst of calls filled a whole page since the last poll. */
export const perform = (async (z, bundle) => {
  const loadingSample = bundle.meta.isLoadingSample === true;
  return fetchRecentCalls(z, bundle, {
    filters: readCallFilters(z, bundle),
    pageSize: loadingSample ? SAMPLE_PAGE_SIZE : POLL_PAGE_SIZE,
    followBursts: !loadingSample,
  });
}) satisfies PollingTriggerPerform<typeof inputFields>;

export default defineTrigger({
  key: 'new_call',
  noun: 'Call',
  display: {
    label: 'New Call',
    description:
      'Triggers when a new call is logged in CallRail (checked every few minutes), with its tags, attribution and lead status.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: sampleCall,
    outputFields: callOutputFields,
  },
});
