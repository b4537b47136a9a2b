import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { optionalCompanyField, readOptionalCompany } from '../fields';
import { isLoadingSample, POLL_PAGE_SIZE, SAMPLE_PAGE_SIZE } from '../polling';
import { textDirectionField, textDirections } from '../textMessage/filters';
import { fetchRecentTexts } from '../textMessage/requests';
import { textMessageResource, type TextMessageOutput } from '../textMessage/resource';

const inputFields = defineInputFields([
  {
    ...optionalCompanyField,
    helpText: 'Only texts of this CallRail company. Leave empty for every company.',
  },
  textDirectionField,
]);

/** One request per poll; more only when a burst of conversations filled whole pages. */
const perform = (async (z, bundle) =>
  fetchRecentTexts(z, bundle, {
    companyId: readOptionalCompany(z, bundle),
    directions: textDirections(z, bundle),
    pageSize: isLoadingSample(bundle) ? SAMPLE_PAGE_SIZE : POLL_PAGE_SIZE,
    followBursts: !isLoadingSample(bundle),
  })) satisfies PollingTriggerPerform<typeof inputFields, TextMessageOutput>;

export default defineTrigger({
  key: 'new_text_message',
  noun: 'Text Message',
  display: {
    label: 'New Text Message',
    description:
      'Triggers when a text is received from or sent to a customer (checked every few minutes).',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: textMessageResource.sample,
    outputFields: textMessageResource.outputFields,
  },
});
