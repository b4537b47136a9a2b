import {
  defineCreate,
  defineInputFields,
  type Bundle,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';

import { FORM_CUSTOMER_KEYS, OFFLINE_FORM_DEFAULTS } from '../callrailFacts';
import { requiredCompanyField } from '../fields';
import { createFormSubmission, type NewFormSubmission } from '../formSubmission/requests';
import { formSubmissionResource, type FormSubmissionOutput } from '../formSubmission/resource';
import { inputsOf, invalidInput } from '../inputs';

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

/** Everything CallRail needs, checked before anything is sent. */
const readLead = (z: ZObject, bundle: Bundle): NewFormSubmission => {
  const input = inputsOf(z, bundle, inputFields);
  const companyId = input.id('company_id', 'company', { required: true });
  const formUrl = input.url('form_url', { required: true });
  const convenience = Object.fromEntries(
    Object.entries({
      [FORM_CUSTOMER_KEYS.name.write]: input.text('customer_name'),
      [FORM_CUSTOMER_KEYS.email.write]: input.email('customer_email'),
      [FORM_CUSTOMER_KEYS.phone.write]: input.phone('customer_phone_number'),
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const formData = { ...input.dict('form_data'), ...convenience };
  if (Object.keys(formData).length === 0) {
    throw invalidInput(
      z,
      'The submission has no fields: fill in Form Fields, or a Customer Name, Email or Phone Number.',
    );
  }
  return {
    companyId,
    formUrl,
    formData,
    sessionId: input.text('session_id'),
    referrer: input.text('referrer'),
    referringUrl: input.url('referring_url'),
    landingPageUrl: input.url('landing_page_url'),
  };
};

const perform = (async (z, bundle) =>
  createFormSubmission(z, bundle, readLead(z, bundle))) satisfies CreatePerform<
  typeof inputFields,
  FormSubmissionOutput
>;

export default defineCreate({
  key: 'create_form_submission',
  noun: 'Form Submission',
  display: {
    label: 'Create Form Submission (Offline Lead)',
    description:
      'Creates a form submission from a lead in another form, chat or booking tool, so it counts with its attribution.',
  },
  operation: {
    inputFields,
    perform,
    sample: formSubmissionResource.sample,
    outputFields: formSubmissionResource.outputFields,
  },
});
