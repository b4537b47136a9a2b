import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';

import { optionalCompanyField } from '../fields';
import { searchFormSubmissions } from '../formSubmission/requests';
import { formSubmissionResource, type FormSubmissionOutput } from '../formSubmission/resource';
import { inputsOf, invalidInput } from '../inputs';
import { searchDigits } from '../phone';

const inputFields = defineInputFields([
  {
    key: 'customer_email',
    label: 'Customer Email',
    required: false,
    helpText: 'Finds submissions with this email address, in any case.',
  },
  {
    key: 'customer_phone_number',
    label: 'Customer Phone Number',
    required: false,
    helpText: 'Or with this phone number, written any common way, e.g. (770) 555-0199.',
  },
  {
    ...optionalCompanyField,
    helpText: 'Only submissions of this CallRail company. Leave empty for every company.',
  },
  {
    key: 'start_date',
    label: 'From Date',
    type: 'datetime',
    required: false,
    helpText: 'Only submissions on or after this day.',
  },
  {
    key: 'end_date',
    label: 'To Date',
    type: 'datetime',
    required: false,
    helpText: 'Only submissions on or before this day.',
  },
]);

const perform = (async (z, bundle) => {
  const input = inputsOf(z, bundle, inputFields);
  const email = input.email('customer_email')?.toLowerCase();
  const phone = input.text('customer_phone_number');
  if (!email && !phone) {
    throw invalidInput(z, 'Give a Customer Email or a Customer Phone Number to search for.');
  }
  const phoneDigits = phone === undefined ? undefined : searchDigits(phone);
  if (phone !== undefined && (phoneDigits ?? '').length < 7) {
    throw invalidInput(z, `Customer Phone Number "${phone}" has too few digits to search for.`);
  }
  const { from, to } = input.dayRange('start_date', 'end_date');
  return searchFormSubmissions(z, bundle, {
    companyId: input.id('company_id', 'company'),
    from,
    to,
    email,
    phoneDigits,
  });
}) satisfies SearchPerform<typeof inputFields, FormSubmissionOutput>;

export default defineSearch({
  key: 'find_form_submission',
  noun: 'Form Submission',
  display: {
    label: 'Find Form Submission',
    description:
      "Finds the newest form submissions with a customer's email address or phone number.",
  },
  operation: {
    inputFields,
    perform,
    sample: formSubmissionResource.sample,
    outputFields: formSubmissionResource.outputFields,
  },
});
