import { optionalCompanyField, readOptionalCompany } from '../fields';
import { recentFormSubmissions } from '../formSubmission/recent';
import { formFieldOutputFields } from '../formSubmission/formFields';
import { formSubmissionResource } from '../formSubmission/resource';
import { pollingTrigger } from '../pollingTrigger';

const companyField = {
  ...optionalCompanyField,
  helpText: 'Only form submissions of this CallRail company. Leave empty for every company.',
};

export default pollingTrigger({
  key: 'new_form_submission',
  noun: 'Form Submission',
  display: {
    label: 'New Form Submission',
    description:
      'Triggers when a new form submission is recorded (checked every few minutes), with its form fields and attribution.',
  },
  resource: formSubmissionResource,
  dynamicOutputFields: formFieldOutputFields,
  inputFields: [companyField],
  read: (z, bundle) => ({
    companyId: readOptionalCompany(z, bundle),
  }),
  recent: recentFormSubmissions,
});
