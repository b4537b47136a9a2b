import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';

import { optionalCompanyField, readOptionalCompany } from '../fields';
import { fetchRecentFormSubmissions } from '../formSubmission/requests';
import { formSubmissionResource, type FormSubmissionOutput } from '../formSubmission/resource';
import { isLoadingSample, POLL_PAGE_SIZE, SAMPLE_PAGE_SIZE } from '../polling';

const inputFields = defineInputFields([
  {
    ...optionalCompanyField,
    helpText: 'Only form submissions of this CallRail company. Leave empty for every company.',
  },
]);

/** One request per poll; more only when a burst of submissions filled whole pages. */
const perform = (async (z, bundle) =>
  fetchRecentFormSubmissions(z, bundle, {
    companyId: readOptionalCompany(z, bundle),
    pageSize: isLoadingSample(bundle) ? SAMPLE_PAGE_SIZE : POLL_PAGE_SIZE,
    followBursts: !isLoadingSample(bundle),
  })) satisfies PollingTriggerPerform<typeof inputFields, FormSubmissionOutput>;

export default defineTrigger({
  key: 'new_form_submission',
  noun: 'Form Submission',
  display: {
    label: 'New Form Submission',
    description:
      'Triggers when a new form submission is recorded (checked every few minutes), with its form fields and attribution.',
  },
  operation: {
    type: 'polling',
    inputFields,
    perform,
    sample: formSubmissionResource.sample,
    outputFields: formSubmissionResource.outputFields,
  },
});
