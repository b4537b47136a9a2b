import { operation } from '../operations';
import { activeCompany, appTester, authFor, useSandbox } from './harness';

/** Text messages and form submissions through the app, against the sandbox over real HTTP. */
const newTextMessage = operation('triggers', 'new_text_message');
const findConversation = operation('searches', 'find_text_conversation');
const newFormSubmission = operation('triggers', 'new_form_submission');
const findFormSubmission = operation('searches', 'find_form_submission');
const createFormSubmission = operation<Record<string, unknown>>(
  'creates',
  'create_form_submission',
);
const updateFormSubmission = operation<Record<string, unknown>>(
  'creates',
  'update_form_submission',
);

const sandbox = useSandbox();
const authData = () => authFor(sandbox());
const company = () => activeCompany(sandbox());

describe('text messages against the sandbox', () => {
  it('polls received and sent texts as one item each, newest first, and finds the conversation', async () => {
    const texts = await appTester(newTextMessage, {
      authData: authData(),
      inputData: { company_id: company().id, direction: 'both' },
      meta: {},
    });
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts.map((text) => text.direction))).toEqual(new Set(['received', 'sent']));
    const times = texts.map((text) => Date.parse(String(text.sent_at)));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const received = await appTester(newTextMessage, {
      authData: authData(),
      inputData: { company_id: company().id },
      meta: {},
    });
    expect(received.every((text) => text.direction === 'received')).toBe(true);

    const customer = String(texts[0]?.customer_phone_number);
    const national = customer.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
    const [conversation] = await appTester(findConversation, {
      authData: authData(),
      inputData: { customer_phone_number: national },
    });
    expect(conversation).toMatchObject({ customer_phone_number: customer });
  });
});

describe('form submissions against the sandbox', () => {
  it('creates an offline lead, finds it by email in any case, tags it and polls it', async () => {
    const created = await appTester(createFormSubmission, {
      authData: authData(),
      inputData: {
        company_id: company().id,
        form_url: 'https://www.example.com/book',
        form_data: { service: 'Cleaning' },
        customer_name: 'Ada Lovelace',
        customer_email: 'Ada.Lovelace@example.com',
        customer_phone_number: '(720) 555-0143',
      },
    });
    expect(created).toMatchObject({ company_id: company().id, customer_name: 'Ada Lovelace' });
    const id = String(created.id);
    expect(sandbox().store.formSubmissions.some((f) => f.id === id)).toBe(true);

    const found = await appTester(findFormSubmission, {
      authData: authData(),
      inputData: { customer_email: 'ada.lovelace@EXAMPLE.com', company_id: company().id },
    });
    expect(found.map((row) => row.id)).toContain(id);

    await appTester(updateFormSubmission, {
      authData: authData(),
      inputData: { form_submission_id: id, tags_to_add: 'booked, vip', note: 'Called back' },
    });
    const removed = await appTester(updateFormSubmission, {
      authData: authData(),
      inputData: { form_submission_id: id, tags_to_remove: 'VIP' },
    });
    expect(removed.tags).toEqual(['booked']);
    expect(sandbox().store.formSubmissions.find((f) => f.id === id)).toMatchObject({
      tags: ['booked'],
      note: 'Called back',
    });

    const polled = await appTester(newFormSubmission, {
      authData: authData(),
      inputData: { company_id: company().id },
      meta: {},
    });
    expect(polled[0]?.id).toBe(id);
  });
});
