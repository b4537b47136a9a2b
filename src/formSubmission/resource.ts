import { FORM_CUSTOMER_KEYS } from '../callrailFacts';
import { asNames, asText, defineResource, recordOf, type Output, type Raw } from '../fieldTable';
import { rawSampleFormSubmission } from './sample';

/**
 * A form submission, whichever way it reached us: the REST API (`form_submissions.json`) or a
 * `form_captured_webhook` body, which carries the `FRM…` id in `resource_id`, a numeric
 * `company_id` beside `company_resource_id`, and no `customer_*` fields (those are then read
 * from the form's own fields).
 */

const formDataOf = (raw: Raw): Raw => recordOf(raw.form_data);

/** The first form field whose name looks like `pattern`, when CallRail did not name it. */
const fromFormData = (key: keyof typeof FORM_CUSTOMER_KEYS) => (raw: Raw) => {
  const given = raw[`customer_${key === 'phone' ? 'phone_number' : key}`];
  if (asText(given)) return given;
  const match = Object.entries(formDataOf(raw)).find(
    ([name, value]) => FORM_CUSTOMER_KEYS[key].read.test(name) && asText(value),
  );
  return match?.[1];
};

export const formSubmissionResource = defineResource({
  noun: 'Form Submission',
  rawSample: rawSampleFormSubmission,
  fields: {
    id: { label: 'Form Submission ID', primary: true, from: ['resource_id', 'id'] },
    company_id: { label: 'Company ID', from: ['company_resource_id', 'company_id'] },
    person_id: { label: 'Person ID', from: ['person_resource_id', 'person_id'] },
    customer_name: { label: 'Customer Name', read: fromFormData('name') },
    customer_email: { label: 'Customer Email', read: fromFormData('email') },
    customer_phone_number: { label: 'Customer Phone Number', read: fromFormData('phone') },
    form_url: { label: 'Form URL', from: ['form_url', 'url'] },
    landing_page_url: { label: 'Landing Page URL', from: ['landing_page_url', 'landing'] },
    referrer: { label: 'Referrer' },
    referring_url: { label: 'Referring URL', from: ['referring_url', 'referrer_url'] },
    source: { label: 'Source' },
    campaign: { label: 'Campaign' },
    medium: { label: 'Medium' },
    keywords: { label: 'Keywords' },
    lead_status: { label: 'Lead Status' },
    first_form: { label: 'First Form', type: 'boolean' },
    submitted_at: { label: 'Submitted At', type: 'datetime' },
    timeline_url: { label: 'Timeline URL' },
    tags: { label: 'Tags', list: true },
    tags_text: { label: 'Tags (Comma-Separated)', read: (raw) => asNames(raw.tags).join(', ') },
    note: { label: 'Note' },
    value: { label: 'Value' },
    form_data: { label: 'Form Fields', nested: 'object' },
    form_data_text: {
      label: 'Form Fields (Text)',
      read: (raw) =>
        Object.entries(formDataOf(raw))
          .map(([name, value]) => `${name}: ${asText(value) ?? ''}`)
          .join('\n'),
    },
  },
});

export type FormSubmissionOutput = Output<typeof formSubmissionResource.fields>;
