import { defineInputFields, type ZObject } from 'zapier-platform-core';

import { FORM_CUSTOMER_KEYS, OFFLINE_FORM_DEFAULTS } from '../callrailFacts';
import { requiredCompanyField } from '../fields';
import { createFormSubmission, type NewFormSubmission } from '../formSubmission/requests';
import { formSubmissionResource } from '../formSubmission/resource';
import { invalidInput, type InputValues } from '../inputs';
import * as read from '../readers';
import { createOperation } from '../createOperation';

const inputFields = defineInputFields([
  requiredCompanyField,
  {
    key: 'form_url',
    label: 'Form URL',
    required: true,
    helpText: 'The page the lead came from, e.g. `https://www.example.com/contact`.',
  },
  {
    key: 'form_data',
    label: 'Form Fields',
    dict: true,
    required: false,
    helpText: 'Each field of the form: its name on the left, its value on the right.',
  },
  { key: 'customer_name', label: 'Customer Name', required: false },
  { key: 'customer_email', label: 'Customer Email', required: false },
  {
    key: 'customer_phone_number',
    label: 'Customer Phone Number',
    required: false,
    helpText: 'A US or Canadian number in any common format; sent as +17705550199.',
  },
  {
    key: 'session_id',
    label: 'Visitor Session',
    required: false,
    helpText:
      "The visitor's session from CallRail's website tracking, when the lead came through a tracked visit.",
  },
  {
    key: 'referrer',
    label: 'Referrer',
    required: false,
    helpText: `Where the lead came from, e.g. google_paid. "${OFFLINE_FORM_DEFAULTS.referrer}" when left empty and there is no Visitor Session.`,
  },
  {
    key: 'referring_url',
    label: 'Referring URL',
    required: false,
    helpText:
      'The page that sent the visitor. The Form URL when left empty and there is no Visitor Session.',
  },
  {
    key: 'landing_page_url',
    label: 'Landing Page URL',
    required: false,
    helpText:
      'The first page the visitor saw. The Form URL when left empty and there is no Visitor Session.',
  },
]);

const inputs = {
  company_id: read.required(read.id('company')),
  form_url: read.required(read.url),
  customer_name: read.text,
  customer_email: read.email,
  customer_phone_number: read.phone,
  form_data: read.dict,
  session_id: read.text,
  referrer: read.text,
  referring_url: read.url,
  landing_page_url: read.url,
};

/** Everything CallRail needs; a submission without a single field is refused. */
const leadOf = (z: ZObject, input: InputValues<typeof inputs>): NewFormSubmission => {
  const convenience = Object.fromEntries(
    Object.entries({
      [FORM_CUSTOMER_KEYS.name.write]: input.customer_name,
      [FORM_CUSTOMER_KEYS.email.write]: input.customer_email,
      [FORM_CUSTOMER_KEYS.phone.write]: input.customer_phone_number,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const formData = { ...input.form_data, ...convenience };
  if (Object.keys(formData).length === 0) {
    throw invalidInput(
      z,
      'The submission has no fields: fill in Form Fields, or a Customer Name, Email or Phone Number.',
    );
  }
  return {
    companyId: input.company_id,
    formUrl: input.form_url,
    formData,
    sessionId: input.session_id,
    referrer: input.referrer,
    referringUrl: input.referring_url,
    landingPageUrl: input.landing_page_url,
  };
};

export default createOperation({
  key: 'create_form_submission',
  noun: 'Form Submission',
  display: {
    label: 'Create Form Submission (Offline Lead)',
    description:
      'Creates a form submission from a lead in another form, chat or booking tool, so it counts with its attribution.',
  },
  inputFields,
  inputs,
  resource: formSubmissionResource,
  perform: (z, bundle, input) => createFormSubmission(z, bundle, leadOf(z, input)),
});
