import { companiesField, readChosenCompanies } from '../fields';
import { recentFormSubmissions } from '../formSubmission/recent';
import { formFieldOutputFields } from '../formSubmission/formFields';
import { formSubmissionResource } from '../formSubmission/resource';
import { pollingTrigger } from '../pollingTrigger';

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
  inputFields: [
    companiesField({
      required: false,
      helpText:
        'Only form submissions of these companies: one, several, or All Companies (also when left empty).',
    }),
  ],
  read: (z, bundle) => ({ companies: readChosenCompanies(z, bundle) }),
  recent: recentFormSubmissions,
});
