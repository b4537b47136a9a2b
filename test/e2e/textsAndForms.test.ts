import { operation, resolveFields } from '../operations';
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
    const [readBack] = await appTester(findFormSubmission, {
      authData: authData(),
      inputData: { customer_email: 'ADA.LOVELACE@example.com' },
    });
    expect(readBack).toMatchObject({
      id,
      tags: ['booked'],
      tags_text: 'booked',
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

/** The account's records as the sandbox stores them: what the app must read back. */
const accountId = () => authData().account_id;
const national = (e164: string) => e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
const digits = (e164: string) => e164.replace(/^\+1/, '');

describe('text messages, read back against what the sandbox stores', () => {
  it('polls every message of the company once, in both directions, as stored', async () => {
    const stored = sandbox()
      .store.conversations.filter((c) => c.company_id === company().id)
      .flatMap((c) =>
        c.recent_messages.map((m) => ({
          id: `${c.id}:${m.created_at}:${m.direction}`,
          direction: m.direction === 'incoming' ? 'received' : 'sent',
          content: m.content,
          customer_phone_number: c.customer_phone_number,
          company_id: c.company_id,
        })),
      );
    expect(stored.length).toBeGreaterThan(1);
    const texts = await appTester(newTextMessage, {
      authData: authData(),
      inputData: { company_id: company().id, direction: 'both' },
      meta: {},
    });
    const polled = texts.map(({ id, direction, content, customer_phone_number, company_id }) => ({
      id,
      direction,
      content,
      customer_phone_number,
      company_id,
    }));
    const byId = (a: { id: unknown }, b: { id: unknown }) =>
      String(a.id).localeCompare(String(b.id));
    expect([...polled].sort(byId)).toEqual([...stored].sort(byId));

    const sent = await appTester(newTextMessage, {
      authData: authData(),
      inputData: { company_id: company().id, direction: 'sent' },
      meta: {},
    });
    expect(sent.map((text) => text.id).sort()).toEqual(
      stored
        .filter((text) => text.direction === 'sent')
        .map((text) => text.id)
        .sort(),
    );
  });

  it('finds the same conversations by a customer number written any way', async () => {
    const [first] = sandbox().store.conversations.filter((c) => c.account_id === accountId());
    if (!first) throw new Error('The sandbox seeded no conversation.');
    const number = first.customer_phone_number;
    const expected = sandbox()
      .store.conversations.filter(
        (c) => c.account_id === accountId() && c.customer_phone_number === number,
      )
      .map((c) => c.id)
      .sort();
    const spellings = [
      number,
      national(number),
      digits(number),
      digits(number).replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3'),
      digits(number).replace(/^(\d{3})(\d{3})(\d{4})$/, '1.$1.$2.$3'),
    ];
    for (const spelling of spellings) {
      const found = await appTester(findConversation, {
        authData: authData(),
        inputData: { customer_phone_number: spelling },
      });
      expect({ spelling, ids: found.map((c) => c.id).sort() }).toEqual({ spelling, ids: expected });
      expect(found.every((c) => c.customer_phone_number === number)).toBe(true);
    }
  });
});

describe('form submissions, read back against what the sandbox stores', () => {
  it('polls the company’s submissions, newest first, as stored', async () => {
    const stored = sandbox()
      .store.formSubmissions.filter((f) => f.company_id === company().id)
      .sort((a, b) => Date.parse(b.submitted_at) - Date.parse(a.submitted_at));
    expect(stored.length).toBeGreaterThan(1);
    const polled = await appTester(newFormSubmission, {
      authData: authData(),
      inputData: { company_id: company().id },
      meta: {},
    });
    expect(polled.map((f) => [f.id, f.customer_email, f.form_url])).toEqual(
      stored.map((f) => [f.id, f.customer_email, f.form_url]),
    );
  });

  it('finds a seeded submission by its email in any case, and nothing else', async () => {
    const seeded = sandbox().store.formSubmissions.find(
      (f) => f.account_id === accountId() && f.customer_email,
    );
    const email = String(seeded?.customer_email);
    const expected = sandbox()
      .store.formSubmissions.filter(
        (f) =>
          f.account_id === accountId() && f.customer_email?.toLowerCase() === email.toLowerCase(),
      )
      .map((f) => f.id)
      .sort();
    const found = await appTester(findFormSubmission, {
      authData: authData(),
      inputData: { customer_email: `  ${email.toUpperCase()} ` },
    });
    expect(found.map((f) => f.id).sort()).toEqual(expected);
    expect(expected).toContain(seeded?.id);
  });
});

describe('the form fields a Zap can map before a submission with them arrives', () => {
  it("lists the company's stored form field names as output fields, in one request, then from the cache", async () => {
    const names = new Set(
      sandbox()
        .store.formSubmissions.filter((f) => f.company_id === company().id)
        .flatMap((f) => Object.keys(f.form_data)),
    );
    expect(names.size).toBeGreaterThan(0);
    const outputFields = resolveFields('triggers', 'new_form_submission', 'outputFields');
    const bundle = { authData: authData(), inputData: { company_id: company().id } };
    sandbox().resetRequests();
    const fields = await outputFields(bundle, true);
    expect(sandbox().requests).toHaveLength(1);
    const learned = fields.filter((field) => field.key.startsWith('form_data__'));
    expect(new Set(learned.map((field) => field.key))).toEqual(
      new Set([...names].map((name) => `form_data__${name}`)),
    );
    await expect(outputFields(bundle)).resolves.toEqual(fields);
    expect(sandbox().requests).toHaveLength(1);
  });
});
