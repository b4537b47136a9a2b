import { defineInputFields } from 'zapier-platform-core';

import { optionalCompanyField } from '../fields';
import { searchFormSubmissions } from '../formSubmission/requests';
import { formFieldOutputFields } from '../formSubmission/formFields';
import { formSubmissionResource } from '../formSubmission/resource';
import { invalidInput } from '../inputs';
import * as read from '../readers';
import { searchOperation } from '../searchOperation';

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

const inputs = {
  customer_email: read.email,
  customer_phone_number: read.phoneDigits,
  dates: read.dayRange('start_date', 'end_date'),
  company_id: read.id('company'),
};

export default searchOperation({
  key: 'find_form_submission',
  noun: 'Form Submission',
  display: {
    label: 'Find Form Submission',
    description:
      "Finds the newest form submissions with a customer's email address or phone number.",
  },
  inputFields,
  inputs,
  resource: formSubmissionResource,
  dynamicOutputFields: formFieldOutputFields,
  perform: async (z, bundle, input) => {
    const email = input.customer_email?.toLowerCase();
    const phoneDigits = input.customer_phone_number;
    if (!email && !phoneDigits) {
      throw invalidInput(z, 'Give a Customer Email or a Customer Phone Number to search for.');
    }
    return searchFormSubmissions(z, bundle, {
      companyId: input.company_id,
      ...input.dates,
      email,
      phoneDigits,
    });
  },
});
