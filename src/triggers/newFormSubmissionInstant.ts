import { recentFormSubmissions } from '../formSubmission/recent';
import { formFieldOutputFields } from '../formSubmission/formFields';
import { formSubmissionResource } from '../formSubmission/resource';
import { hookTrigger } from '../hookTrigger';
import { companyIdsOf } from '../readers';
import { fetchRecent, SAMPLE_REQUEST } from '../recentItems';

export default hookTrigger({
  key: 'new_form_submission_instant',
  noun: 'Form Submission',
  display: {
    label: 'New Form Submission (Instant)',
    description:
      "Triggers when a visitor submits a tracked form of the chosen companies, the moment it happens. Subscribes through each company's webhooks, leaving other tools' webhook URLs as they are.",
  },
  resource: formSubmissionResource,
  dynamicOutputFields: formFieldOutputFields,
  inputFields: [],
  inputs: {},
  events: () => ['form_captured_webhook'],
  performList: (z, bundle, { company_id }) =>
    fetchRecent(
      z,
      bundle,
      recentFormSubmissions,
      { companies: companyIdsOf(company_id) },
      SAMPLE_REQUEST,
    ),
});
