import { formSubmissionResource } from '../../src/formSubmission/resource';
import { rawSampleFormSubmission } from '../../src/formSubmission/sample';

/** A `form_captured_webhook` body, trimmed from a captured real one. */
const webhookBody = {
  resource_id: 'FRM0000748ae6bd4e278a7cddd38a662f4f',
  company_id: 155920786,
  company_resource_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
  person_resource_id: 'PER8154748ae6bd4e278a7cddd38a662f4f',
  lead_status: null,
  form_data: { 'Your Name': 'Ana Ruiz', 'E-mail': 'Ana@Example.com', Phone: '303-555-0101' },
  url: 'https://www.example.com/contact',
  landing: 'https://www.example.com/',
  referrer_url: 'https://www.google.com/',
  submitted_at: '2026-11-20T14:03:11.482-05:00',
  first_form: 'true',
  timestamp: '2026-11-20T14:03:12.000-05:00',
};

describe('one form-submission shape', () => {
  it.each([
    [
      'REST',
      rawSampleFormSubmission,
      {
        id: 'FRM8154748ae6bd4e278a7cddd38a662f4f',
        customer_email: 'maria.lopez@example.com',
        tags: ['Whitening', 'New Patient'],
        tags_text: 'Whitening, New Patient',
        first_form: true,
      },
    ],
    [
      'a webhook body: resource ids first, customer read from the form fields',
      webhookBody,
      {
        id: 'FRM0000748ae6bd4e278a7cddd38a662f4f',
        company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
        customer_name: 'Ana Ruiz',
        customer_email: 'Ana@Example.com',
        customer_phone_number: '303-555-0101',
        form_url: 'https://www.example.com/contact',
        landing_page_url: 'https://www.example.com/',
        referring_url: 'https://www.google.com/',
        first_form: true,
        form_data: webhookBody.form_data,
        form_data_text: 'Your Name: Ana Ruiz\nE-mail: Ana@Example.com\nPhone: 303-555-0101',
        tags: [],
      },
    ],
  ])('%s', (_name, raw, expected) => {
    const output = formSubmissionResource.normalize(raw);
    expect(Object.keys(output)).toEqual(Object.keys(formSubmissionResource.sample));
    expect(output).toMatchObject(expected);
  });
});
