/**
 * `npm start`: the app end to end, with no CallRail account and no network. Starts the local
 * CallRail stand-in (sandbox/), runs each operation through `zapier-platform invoke` against it,
 * prints what came back, and stops.
 */
import { startSandbox } from '../sandbox';
import { API_BASE_ENV } from '../src/apiBase';
import { createHookRunner } from './instantTriggers';
import { createInvoker } from './zapierInvoke';

type Row = Record<string, unknown>;
const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const row = (value: unknown): Row =>
  typeof value === 'object' && value !== null ? (value as Row) : {};
const show = (value: unknown) =>
  value === null || value === undefined || value === '' ? '—' : String(value);
const nationalFormat = (e164: string) => e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');

const step = (title: string, lines: string[]) => {
  console.log(`\n▸ ${title}`);
  for (const line of lines) console.log(`    ${line}`);
};

const main = async () => {
  const started = Date.now();
  const sandbox = await startSandbox();
  const [account] = sandbox.accounts;
  if (!account) throw new Error('The sandbox seeded no account.');
  console.log(
    `CallRail sandbox on ${sandbox.baseUrl}: ${sandbox.accounts.length} accounts, ${account.companies.length} companies in "${account.name}".`,
  );

  const invoker = createInvoker({
    authData_api_key: sandbox.keys.agency,
    authData_account_id: String(account.numeric_id),
    [API_BASE_ENV]: sandbox.baseUrl,
  });
  try {
    const auth = row(await invoker.run(['auth', 'test']));
    const label = await invoker.run(['auth', 'label']);
    step('Connect (auth test, with the 9-digit account number)', [
      `account: ${show(auth.name)} (${show(auth.id)}, ${show(auth.numeric_id)})`,
      `connection label: ${show(label)}`,
    ]);

    const companies = rows(
      await invoker.run(['trigger', 'company_list', '--isFillingDynamicDropdown']),
    );
    step(
      `Company dropdown: ${companies.length} active companies`,
      companies.map((c) => `${show(c.name)}  ${show(c.id)}`),
    );
    const company = companies[0];
    if (!company) throw new Error('The Company dropdown is empty.');

    const numbers = rows(
      await invoker.run(['trigger', 'tracking_number_list', '--isFillingDynamicDropdown'], {
        company_id: company.id,
      }),
    );
    step(
      `Texting-number dropdown for ${show(company.name)}: ${numbers.length} SMS-enabled numbers`,
      numbers.map((n) => show(n.name)),
    );
    const from = numbers[0];
    if (!from) throw new Error('The texting-number dropdown is empty.');

    const text = row(
      await invoker.run(['create', 'send_sms'], {
        company_id: company.id,
        tracking_number: from.id,
        customer_phone_number: '(720) 555-0143',
        content:
          'Hi Dana, this is Summit Dental confirming your cleaning on Tuesday at 9:30am. Reply C to confirm or call us to reschedule. See you soon!',
        split_long_messages: 'true',
      }),
    );
    step('Send SMS (a 138-character reminder)', [
      `conversation ${show(text.id)} with ${show(text.customer_name)} ${show(text.customer_phone_number)}`,
      `from ${show(text.tracking_number)} (${show(text.tracker_name)}), ${show(text.parts_sent)} text(s) at ${show(text.sent_at)}`,
      `"${show(text.message)}"`,
    ]);

    const calls = rows(await invoker.run(['trigger', 'new_call'], { company_id: company.id }));
    step(
      `New Call poll for ${show(company.name)}: ${calls.length} calls this week`,
      calls
        .slice(0, 5)
        .map(
          (c) =>
            `${show(c.start_time)}  ${show(c.direction)}  ${show(c.customer_name)} ${show(c.customer_phone_number)}  ${show(c.duration)}s  ${show(c.source)}  [${show(c.tags_text)}]`,
        ),
    );
    // The newest inbound call: its attribution makes the lookups below worth reading.
    const call = calls.find((c) => c.direction === 'inbound') ?? calls[0];
    if (!call) throw new Error('The New Call poll found no call.');

    const caller = nationalFormat(String(call.customer_phone_number));
    const byPhone = rows(
      await invoker.run(['search', 'find_call'], { customer_phone_number: caller }),
    );
    step(
      `Find Call by phone number ${caller}: ${byPhone.length} calls`,
      byPhone
        .slice(0, 5)
        .map(
          (c) =>
            `${show(c.id)}  ${show(c.start_time)}  ${show(c.customer_name)}  ${show(c.company_name)}`,
        ),
    );

    const byId = rows(await invoker.run(['search', 'find_call'], { call_id: call.id }));
    const found = row(byId[0]);
    step(`Find Call by id ${show(call.id)}`, [
      `${show(found.customer_name)} called ${show(found.formatted_tracking_phone_number)} at ${show(found.start_time)}`,
      `source ${show(found.source)}, campaign ${show(found.campaign)}, lead status ${show(found.lead_status)}, first touch ${show(found.first_touch_source)}`,
    ]);

    const companiesFound = rows(
      await invoker.run(['search', 'find_company'], { name: String(company.name).toLowerCase() }),
    );
    step(
      `Find Company "${String(company.name).toLowerCase()}": ${companiesFound.length} found, best first`,
      companiesFound.map((c) => `${show(c.name)}  ${show(c.id)}  ${show(c.status)}`),
    );

    const trackersFound = rows(
      await invoker.run(['search', 'find_tracker'], {
        tracking_number: nationalFormat(String(from.id)),
      }),
    );
    step(
      `Find Tracker by number ${nationalFormat(String(from.id))}: ${trackersFound.length} found`,
      trackersFound.map(
        (t) =>
          `${show(t.name)}  ${show(t.id)}  [${show(t.tracking_numbers_text)}]  sms ${show(t.sms_enabled)}`,
      ),
    );

    const users = rows(await invoker.run(['trigger', 'user_list', '--isFillingDynamicDropdown']));
    step(
      `User dropdown: ${users.length} users`,
      users.map((u) => `${show(u.name)}  ${show(u.id)}`),
    );
    const firstUser = users[0];
    if (firstUser) {
      const usersFound = rows(
        await invoker.run(['search', 'find_user'], {
          email: String(firstUser.email).toUpperCase(),
        }),
      );
      step(
        `Find User ${String(firstUser.email).toUpperCase()}: ${usersFound.length} found`,
        usersFound.map((u) => `${show(u.name)}  ${show(u.role)}  ${show(u.id)}`),
      );
    }

    step(`Recording of ${show(call.id)}`, [
      found.recording_file
        ? 'a file pointer: Zapier downloads the audio only when a later step uses it'
        : 'no recording',
    ]);

    const updated = row(
      await invoker.run(['create', 'update_call'], {
        call_id: call.id,
        tags_to_add: 'called back',
        lead_status: 'good_lead',
        note: 'Followed up from Zapier',
      }),
    );
    step(`Update Call ${show(call.id)} (one request: tags added with append_tags)`, [
      `tags: ${show(updated.tags_text)}; lead status ${show(updated.lead_status)}; note ${show(updated.note)}`,
    ]);

    const tagInput = { name: 'Zapier Demo', company_id: company.id, color: 'green2' };
    const tag = row(await invoker.run(['create', 'create_tag'], tagInput));
    const foundTags = rows(await invoker.run(['search', 'find_tag'], { name: 'zapier demo' }));
    step('Create Tag, then Find Tag (upper and lower case alike)', [
      `created ${show(tag.name)} (${show(tag.id)}, ${show(tag.tag_level)}, ${show(tag.color)})`,
      `found: ${foundTags.map((t) => `${show(t.name)} (${show(t.id)})`).join(', ')}`,
    ]);

    const callerIds = rows(
      await invoker.run(['trigger', 'caller_id_list', '--isFillingDynamicDropdown'], {
        company_id: company.id,
      }),
    );
    step(
      `Caller ID dropdown: ${callerIds.length} numbers`,
      callerIds.map((c) => show(c.name)),
    );
    const outbound = row(
      await invoker.run(['create', 'create_outbound_call'], {
        company_id: company.id,
        caller_id: callerIds[0]?.id,
        customer_phone_number: '(720) 555-0143',
        business_phone_number: '(303) 555-0100',
      }),
    );
    step('Call a Customer (Outbound Call)', [
      `${show(outbound.id)}: ${show(outbound.direction)} from ${show(outbound.tracking_phone_number)} to ${show(outbound.customer_phone_number)}, agent's phone ${show(outbound.business_phone_number)}`,
    ]);

    const texts = rows(
      await invoker.run(['trigger', 'new_text_message'], {
        company_id: company.id,
        direction: 'both',
      }),
    );
    step(
      `New Text Message (polling, received and sent): ${texts.length} messages`,
      texts
        .slice(0, 3)
        .map(
          (t) =>
            `${show(t.sent_at)}  ${show(t.direction)}  ${show(t.customer_phone_number)}: "${show(t.content)}"`,
        ),
    );
    const texter = texts[0]?.customer_phone_number;
    if (texter) {
      const conversations = rows(
        await invoker.run(['search', 'find_text_conversation'], {
          customer_phone_number: nationalFormat(String(texter)),
        }),
      );
      step(
        `Find Text Conversation with ${nationalFormat(String(texter))}: ${conversations.length} found`,
        conversations.map(
          (c) =>
            `${show(c.id)}  ${show(c.customer_name)}  ${show(c.message_count)} recent messages`,
        ),
      );
    }

    const forms = rows(
      await invoker.run(['trigger', 'new_form_submission'], { company_id: company.id }),
    );
    step(
      `New Form Submission (polling): ${forms.length} submissions`,
      forms
        .slice(0, 3)
        .map((f) => `${show(f.submitted_at)}  ${show(f.customer_name)}  ${show(f.form_url)}`),
    );
    const lead = row(
      await invoker.run(['create', 'create_form_submission'], {
        company_id: company.id,
        form_url: 'https://www.example.com/book',
        form_data: { service: 'Cleaning', message: 'Booked by phone' },
        customer_name: 'Dana Whitfield',
        customer_email: 'Dana.Whitfield@example.com',
        customer_phone_number: '(720) 555-0143',
      }),
    );
    step('Create Form Submission (Offline Lead, no tracking data)', [
      `${show(lead.id)}: ${show(lead.customer_name)} <${show(lead.customer_email)}>, source ${show(lead.source)}`,
    ]);
    const foundForms = rows(
      await invoker.run(['search', 'find_form_submission'], {
        customer_email: 'dana.whitfield@EXAMPLE.com',
      }),
    );
    step(`Find Form Submission by email (any case): ${foundForms.length} found`, [
      ...foundForms.map((f) => `${show(f.id)}  ${show(f.customer_name)}  ${show(f.submitted_at)}`),
    ]);
    const updatedLead = row(
      await invoker.run(['create', 'update_form_submission'], {
        form_submission_id: lead.id,
        tags_to_add: 'booked',
        lead_status: 'good_lead',
      }),
    );
    step(`Update Form Submission ${show(lead.id)}`, [
      `tags: ${show(updatedLead.tags_text)}; lead status ${show(updatedLead.lead_status)}`,
    ]);

    // Instant triggers: Zapier's runner, the built app, and the sandbox firing signed webhooks.
    process.env[API_BASE_ENV] = sandbox.baseUrl;
    const runHook = createHookRunner({
      api_key: sandbox.keys.agency,
      account_id: String(account.id),
    });
    const completed = await runHook(
      'new_call_instant',
      { company_id: company.id, event: 'post_call_webhook' },
      () => sandbox.simulateCall({ companyId: String(company.id) }),
    );
    step(
      'New Call (Instant): subscribed, a call completed, the signed webhook ran, unsubscribed',
      completed.map(
        (c) =>
          `${show(c.id)}  ${show(c.direction)}  ${show(c.customer_name)}  ${show(c.duration)} s`,
      ),
    );
    const textsNow = await runHook(
      'new_text_message_instant',
      { company_id: company.id, direction: 'both' },
      async () => [
        ...(await sandbox.simulateInboundText({ companyId: String(company.id) })),
        ...(await sandbox.simulateOutboundText({ companyId: String(company.id) })),
      ],
    );
    step(
      'New Text Message (Instant), received and sent: one Zap, two events',
      textsNow.map(
        (t) => `${show(t.direction)}  ${show(t.customer_phone_number)}: "${show(t.content)}"`,
      ),
    );
    const formsNow = await runHook('new_form_submission_instant', { company_id: company.id }, () =>
      sandbox.simulateFormSubmission({ companyId: String(company.id) }),
    );
    step(
      'New Form Submission (Instant)',
      formsNow.map((f) => `${show(f.id)}  ${show(f.customer_name)}  ${show(f.form_url)}`),
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\nDone: ${sandbox.requests.length} requests reached the sandbox, in ${seconds} s.`,
    );
  } finally {
    invoker.dispose();
    await sandbox.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
