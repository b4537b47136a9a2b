/**
 * What each operation needs to be run against the sandbox: one row per operation key, read by
 * `npm start` (scripts/start.ts) and `npm run bench` (scripts/bench.ts). The app definition
 * (index.ts) says which operations exist; `examplesFor` fails, naming the operation, when one has
 * no row here (or a row names an operation the app no longer has), so neither script can skip one.
 *
 * The rows' order is the order `npm start` tells its story in: a step may use what an earlier
 * one found (the Company dropdown's first company, the call New Call polled, …).
 * Rows live here, not on the operations: Zapier's schema refuses unknown keys on an operation.
 */
import type { Sandbox, WebhookDelivery } from '../sandbox';

export type Row = Record<string, unknown>;
export type Group = 'triggers' | 'creates' | 'searches';

/** What `npm start` learnt from the steps before, for the steps after. */
export interface Seen {
  sandbox: Sandbox;
  company?: Row;
  from?: Row;
  call?: Row;
  foundCall?: Row;
  callerIds?: Row[];
  user?: Row;
  texter?: Row;
  lead?: Row;
}

/** One operation's step in `npm start`. */
export interface StartRun {
  /** runs the operation through `zapier-platform invoke` (a hidden trigger fills its dropdown) */
  invoke(input?: Row): Promise<unknown>;
  /** an instant trigger: subscribe, let the sandbox fire the row's events, run, unsubscribe */
  hook(input: Row): Promise<Row[]>;
  step(title: string, lines: string[]): void;
  seen: Seen;
}

/** The seeded data the bench's cases read, taken once before the first run. */
export interface BenchData {
  companyId: string;
  /** every active company of the account (two in the sandbox), for Zaps of several companies */
  companyIds: string[];
  companyName: string;
  /** an active SMS-enabled tracking number of that company */
  from: string;
  callId?: string;
  callPhone?: string;
  recordedCallId?: string;
  conversationPhone?: string;
  formId?: string;
  formEmail?: string;
  /** 1, 2, 3, …: for names that must differ from run to run */
  serial(): number;
}

/** One line of the bench's table: requests (most in any run) and median time. */
export interface BenchCase {
  name: string;
  maxRequests: number;
  /** the operation's method; default `perform` */
  method?: 'perform' | 'performList';
  /** for an instant trigger: subscribe, unsubscribe (after a subscribe), or a signed delivery */
  hook?: 'subscribe' | 'unsubscribe' | 'delivery';
  /** for a Zap of several companies: how many, so the table shows requests per company */
  companies?: number;
  inputData?: (data: BenchData) => Row;
  meta?: Row;
}

export interface Example {
  /** prints what the operation returned; may use and add to what earlier steps found */
  start?: (run: StartRun) => Promise<void>;
  bench?: BenchCase[];
  /** an instant trigger's events, fired by the sandbox for one company */
  fire?: (sandbox: Sandbox, companyId: string) => Promise<WebhookDelivery[]>;
}

const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const row = (value: unknown): Row =>
  typeof value === 'object' && value !== null ? (value as Row) : {};
const show = (value: unknown) =>
  value === null || value === undefined || value === '' ? '—' : String(value);
const nationalFormat = (e164: string) => e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');

/** A value an earlier step found, or a clear error naming the step that should have. */
const need = <K extends keyof Seen>(seen: Seen, name: K, from: string): NonNullable<Seen[K]> => {
  const value = seen[name];
  if (value === undefined || value === null) {
    throw new Error(`npm start: no ${name} yet (${from} finds it first, earlier in the table).`);
  }
  return value as NonNullable<Seen[K]>;
};

const DROPDOWN = { page: 0, isFillingDynamicDropdown: true };
const POLL = { inputData: () => ({}), meta: {} };
const CUSTOMER = '(720) 555-0143';
const AGENT = '(303) 555-0100';

/** One request for the chosen company's first page (a dropdown, or an instant trigger's sample). */
function sample(name: string, method: BenchCase['method'] = 'perform'): BenchCase {
  return {
    name,
    maxRequests: 1,
    method,
    inputData: ({ companyId }) => ({ company_id: companyId }),
    meta: DROPDOWN,
  };
}

/**
 * The table: one row per operation key, in the order `npm start` runs them. A hidden trigger's
 * row may be empty, on purpose: neither script runs it then (the end-to-end suite's dropdown
 * chain does), but a new one without a row still stops both.
 */
export const EXAMPLES: Record<string, Example> = {
  company_list: {
    start: async ({ invoke, step, seen }) => {
      const companies = rows(await invoke());
      step(
        `Company dropdown: ${companies.length} active companies`,
        companies.map((c) => `${show(c.name)}  ${show(c.id)}`),
      );
      seen.company = companies[0];
      if (!seen.company) throw new Error('The Company dropdown is empty.');
    },
    bench: [{ name: 'company dropdown (250 a page)', maxRequests: 1, meta: DROPDOWN }],
  },
  tracking_number_list: {
    start: async ({ invoke, step, seen }) => {
      const company = need(seen, 'company', 'company_list');
      const numbers = rows(await invoke({ company_id: company.id }));
      step(
        `Texting-number dropdown for ${show(company.name)}: ${numbers.length} SMS-enabled numbers`,
        numbers.map((n) => show(n.name)),
      );
      seen.from = numbers[0];
      if (!seen.from) throw new Error('The texting-number dropdown is empty.');
    },
    bench: [
      {
        name: 'tracking-number dropdown',
        maxRequests: 1,
        inputData: ({ companyId }) => ({ company_id: companyId }),
        meta: DROPDOWN,
      },
    ],
  },
  send_sms: {
    start: async ({ invoke, step, seen }) => {
      const text = row(
        await invoke({
          company_id: need(seen, 'company', 'company_list').id,
          tracking_number: need(seen, 'from', 'tracking_number_list').id,
          customer_phone_number: CUSTOMER,
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
    },
    bench: [
      {
        name: 'send SMS',
        maxRequests: 1,
        inputData: ({ companyId, from }) => ({
          company_id: companyId,
          tracking_number: from,
          customer_phone_number: CUSTOMER,
          content: 'Your table is ready.',
        }),
      },
    ],
  },
  new_call: {
    start: async ({ invoke, step, seen }) => {
      const company = need(seen, 'company', 'company_list');
      const calls = rows(await invoke({ company_id: company.id }));
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
      seen.call = calls.find((c) => c.direction === 'inbound') ?? calls[0];
      if (!seen.call) throw new Error('The New Call poll found no call.');
    },
    bench: [{ name: 'New Call poll', maxRequests: 1, ...POLL }],
  },
  find_call: {
    start: async ({ invoke, step, seen }) => {
      const call = need(seen, 'call', 'new_call');
      const caller = nationalFormat(String(call.customer_phone_number));
      const byPhone = rows(await invoke({ customer_phone_number: caller }));
      step(
        `Find Call by phone number ${caller}: ${byPhone.length} calls`,
        byPhone
          .slice(0, 5)
          .map(
            (c) =>
              `${show(c.id)}  ${show(c.start_time)}  ${show(c.customer_name)}  ${show(c.company_name)}`,
          ),
      );
      const found = row(rows(await invoke({ call_id: call.id }))[0]);
      step(`Find Call by id ${show(call.id)}`, [
        `${show(found.customer_name)} called ${show(found.formatted_tracking_phone_number)} at ${show(found.start_time)}`,
        `source ${show(found.source)}, campaign ${show(found.campaign)}, lead status ${show(found.lead_status)}, first touch ${show(found.first_touch_source)}`,
        found.recording_file
          ? 'recording: a file pointer; Zapier downloads the audio only when a later step uses it'
          : 'recording: none',
      ]);
    },
    bench: [
      {
        name: 'Find Call by phone',
        maxRequests: 1,
        inputData: ({ callPhone }) => ({ customer_phone_number: callPhone }),
      },
      { name: 'Find Call by id', maxRequests: 1, inputData: ({ callId }) => ({ call_id: callId }) },
      {
        // The recording is a hydrated file: a pointer in the output, no request until a step uses it.
        name: 'Find Call by id (recording file)',
        maxRequests: 1,
        inputData: ({ recordedCallId }) => ({ call_id: recordedCallId }),
      },
    ],
  },
  company_list_or_all: {
    start: async ({ invoke, step }) => {
      const choices = rows(await invoke());
      step(
        `Company dropdown of the agency operations: ${choices.length} choices`,
        choices.slice(0, 3).map((c) => `${show(c.name)}  ${show(c.id)}`),
      );
    },
    bench: [{ name: 'company dropdown with All Companies', maxRequests: 1, meta: DROPDOWN }],
  },
  call_report: {
    start: async ({ invoke, step, seen }) => {
      const company = need(seen, 'company', 'company_list');
      for (const inputs of [
        { company_id: [company.id], period: 'last_week', group_by: 'source' },
        { company_id: ['all'], period: 'last_7_days', group_by: 'company' },
      ]) {
        const report = row(rows(await invoke(inputs))[0]);
        step(
          `Call Report (${inputs.period}, by ${inputs.group_by}): ${show(report.total_calls)} calls`,
          String(report.summary_text ?? '').split('\n'),
        );
      }
    },
    bench: [
      {
        name: 'Call Report, last 7 days by source, all companies',
        maxRequests: 1,
        inputData: () => ({ company_id: ['all'], period: 'last_7_days', group_by: 'source' }),
      },
      {
        name: 'Call Report by company, two companies (the company list read)',
        maxRequests: 2,
        inputData: ({ companyIds }) => ({
          company_id: companyIds.slice(0, 2),
          period: 'last_7_days',
          group_by: 'company',
        }),
      },
      {
        name: 'Call Report, last week of one company (its time zone read)',
        maxRequests: 2,
        inputData: ({ companyId }) => ({
          company_id: [companyId],
          period: 'last_week',
          group_by: 'day',
        }),
      },
    ],
  },
  find_company: {
    start: async ({ invoke, step, seen }) => {
      const name = String(need(seen, 'company', 'company_list').name).toLowerCase();
      const found = rows(await invoke({ name }));
      step(
        `Find Company "${name}": ${found.length} found, best first`,
        found.map((c) => `${show(c.name)}  ${show(c.id)}  ${show(c.status)}`),
      );
    },
    bench: [
      {
        name: 'Find Company by name',
        maxRequests: 1,
        inputData: ({ companyName }) => ({ name: companyName }),
      },
    ],
  },
  find_tracker: {
    start: async ({ invoke, step, seen }) => {
      const number = nationalFormat(String(need(seen, 'from', 'tracking_number_list').id));
      const found = rows(await invoke({ tracking_number: number }));
      step(
        `Find Tracker by number ${number}: ${found.length} found`,
        found.map(
          (t) =>
            `${show(t.name)}  ${show(t.id)}  [${show(t.tracking_numbers_text)}]  sms ${show(t.sms_enabled)}`,
        ),
      );
    },
    bench: [
      {
        name: 'Find Tracker by number',
        maxRequests: 1,
        inputData: ({ from }) => ({ tracking_number: from }),
      },
    ],
  },
  user_list: {
    start: async ({ invoke, step, seen }) => {
      const users = rows(await invoke());
      step(
        `User dropdown: ${users.length} users`,
        users.map((u) => `${show(u.name)}  ${show(u.id)}`),
      );
      seen.user = users[0];
    },
    bench: [{ name: 'user dropdown (250 a page)', maxRequests: 1, meta: DROPDOWN }],
  },
  find_user: {
    start: async ({ invoke, step, seen }) => {
      const email = String(need(seen, 'user', 'user_list').email).toUpperCase();
      const found = rows(await invoke({ email }));
      step(
        `Find User ${email}: ${found.length} found`,
        found.map((u) => `${show(u.name)}  ${show(u.role)}  ${show(u.id)}`),
      );
    },
    bench: [
      {
        name: 'Find User by email',
        maxRequests: 1,
        inputData: () => ({ email: 'elena@summitdental.example' }),
      },
    ],
  },
  update_call: {
    start: async ({ invoke, step, seen }) => {
      const call = need(seen, 'call', 'new_call');
      const updated = row(
        await invoke({
          call_id: call.id,
          tags_to_add: 'called back',
          lead_status: 'good_lead',
          note: 'Followed up from Zapier',
        }),
      );
      step(`Update Call ${show(call.id)} (one request: tags added with append_tags)`, [
        `tags: ${show(updated.tags_text)}; lead status ${show(updated.lead_status)}; note ${show(updated.note)}`,
      ]);
    },
    bench: [
      {
        name: 'Update Call (add tags)',
        maxRequests: 1,
        inputData: ({ callId }) => ({
          call_id: callId,
          tags_to_add: ['bench'],
          note: 'Benchmarked',
        }),
      },
      {
        name: 'Update Call (add + remove tags)',
        maxRequests: 2,
        inputData: ({ callId }) => ({
          call_id: callId,
          tags_to_add: ['bench 2'],
          tags_to_remove: ['bench'],
        }),
      },
    ],
  },
  create_tag: {
    start: async ({ invoke, step, seen }) => {
      const company = need(seen, 'company', 'company_list');
      const tag = row(
        await invoke({ name: 'Zapier Demo', company_id: company.id, color: 'green2' }),
      );
      step('Create Tag', [
        `created ${show(tag.name)} (${show(tag.id)}, ${show(tag.tag_level)}, ${show(tag.color)})`,
      ]);
    },
    bench: [
      {
        name: 'Create Tag',
        maxRequests: 1,
        inputData: ({ companyId, serial }) => ({
          name: `Benchmark Tag ${serial()}`,
          company_id: companyId,
          color: 'blue1',
        }),
      },
    ],
  },
  find_tag: {
    start: async ({ invoke, step }) => {
      const found = rows(await invoke({ name: 'zapier demo' }));
      step('Find Tag "zapier demo" (upper and lower case alike)', [
        `found: ${found.map((t) => `${show(t.name)} (${show(t.id)})`).join(', ')}`,
      ]);
    },
    bench: [
      {
        name: 'Find Tag',
        maxRequests: 1,
        inputData: ({ companyId }) => ({ name: 'VIP', company_id: companyId }),
      },
    ],
  },
  caller_id_list: {
    start: async ({ invoke, step, seen }) => {
      const callerIds = rows(
        await invoke({ company_id: need(seen, 'company', 'company_list').id }),
      );
      step(
        `Caller ID dropdown: ${callerIds.length} numbers`,
        callerIds.map((c) => show(c.name)),
      );
      seen.callerIds = callerIds;
    },
    bench: [
      {
        name: 'caller ID dropdown',
        maxRequests: 2,
        inputData: ({ companyId }) => ({ company_id: companyId }),
        meta: DROPDOWN,
      },
    ],
  },
  create_outbound_call: {
    start: async ({ invoke, step, seen }) => {
      const outbound = row(
        await invoke({
          company_id: need(seen, 'company', 'company_list').id,
          caller_id: need(seen, 'callerIds', 'caller_id_list')[0]?.id,
          customer_phone_number: CUSTOMER,
          business_phone_number: AGENT,
        }),
      );
      step('Call a Customer (Outbound Call)', [
        `${show(outbound.id)}: ${show(outbound.direction)} from ${show(outbound.tracking_phone_number)} to ${show(outbound.customer_phone_number)}, agent's phone ${show(outbound.business_phone_number)}`,
      ]);
    },
    bench: [
      {
        name: 'Call a Customer (outbound)',
        maxRequests: 1,
        inputData: ({ companyId, from }) => ({
          company_id: companyId,
          caller_id: from,
          customer_phone_number: CUSTOMER,
          business_phone_number: AGENT,
        }),
      },
    ],
  },
  new_text_message: {
    start: async ({ invoke, step, seen }) => {
      const company = need(seen, 'company', 'company_list');
      const texts = rows(await invoke({ company_id: company.id, direction: 'both' }));
      step(
        `New Text Message (polling, received and sent): ${texts.length} messages`,
        texts
          .slice(0, 3)
          .map(
            (t) =>
              `${show(t.sent_at)}  ${show(t.direction)}  ${show(t.customer_phone_number)}: "${show(t.content)}"`,
          ),
      );
      seen.texter = texts[0];
    },
    bench: [{ name: 'New Text Message poll', maxRequests: 1, ...POLL }],
  },
  find_text_conversation: {
    start: async ({ invoke, step, seen }) => {
      const texter = need(seen, 'texter', 'new_text_message');
      const number = nationalFormat(String(texter.customer_phone_number));
      const found = rows(await invoke({ customer_phone_number: number }));
      step(
        `Find Text Conversation with ${number}: ${found.length} found`,
        found.map(
          (c) =>
            `${show(c.id)}  ${show(c.customer_name)}  ${show(c.message_count)} recent messages`,
        ),
      );
    },
    bench: [
      {
        name: 'Find Text Conversation',
        maxRequests: 1,
        inputData: ({ conversationPhone }) => ({ customer_phone_number: conversationPhone }),
      },
    ],
  },
  new_form_submission: {
    start: async ({ invoke, step, seen }) => {
      const forms = rows(await invoke({ company_id: need(seen, 'company', 'company_list').id }));
      step(
        `New Form Submission (polling): ${forms.length} submissions`,
        forms
          .slice(0, 3)
          .map((f) => `${show(f.submitted_at)}  ${show(f.customer_name)}  ${show(f.form_url)}`),
      );
    },
    bench: [{ name: 'New Form Submission poll', maxRequests: 1, ...POLL }],
  },
  create_form_submission: {
    start: async ({ invoke, step, seen }) => {
      const lead = row(
        await invoke({
          company_id: need(seen, 'company', 'company_list').id,
          form_url: 'https://www.example.com/book',
          form_data: { service: 'Cleaning', message: 'Booked by phone' },
          customer_name: 'Dana Whitfield',
          customer_email: 'Dana.Whitfield@example.com',
          customer_phone_number: CUSTOMER,
        }),
      );
      step('Create Form Submission (Offline Lead, no tracking data)', [
        `${show(lead.id)}: ${show(lead.customer_name)} <${show(lead.customer_email)}>, source ${show(lead.source)}`,
      ]);
      seen.lead = lead;
    },
    bench: [
      {
        name: 'Create Form Submission',
        maxRequests: 1,
        inputData: ({ companyId }) => ({
          company_id: companyId,
          form_url: 'https://www.example.com/contact',
          customer_name: 'Bench Lead',
        }),
      },
    ],
  },
  find_form_submission: {
    start: async ({ invoke, step }) => {
      const found = rows(await invoke({ customer_email: 'dana.whitfield@EXAMPLE.com' }));
      step(
        `Find Form Submission by email (any case): ${found.length} found`,
        found.map((f) => `${show(f.id)}  ${show(f.customer_name)}  ${show(f.submitted_at)}`),
      );
    },
    bench: [
      {
        name: 'Find Form Submission (email)',
        maxRequests: 4,
        inputData: ({ formEmail }) => ({ customer_email: formEmail }),
      },
    ],
  },
  update_form_submission: {
    start: async ({ invoke, step, seen }) => {
      const lead = need(seen, 'lead', 'create_form_submission');
      const updated = row(
        await invoke({
          form_submission_id: lead.id,
          tags_to_add: 'booked',
          lead_status: 'good_lead',
        }),
      );
      step(`Update Form Submission ${show(lead.id)}`, [
        `tags: ${show(updated.tags_text)}; lead status ${show(updated.lead_status)}`,
      ]);
    },
    bench: [
      {
        name: 'Update Form Submission (+tag)',
        maxRequests: 1,
        inputData: ({ formId }) => ({ form_submission_id: formId, tags_to_add: 'bench' }),
      },
      {
        name: 'Update Form Submission (-tag)',
        maxRequests: 2,
        inputData: ({ formId }) => ({ form_submission_id: formId, tags_to_remove: 'bench' }),
      },
    ],
  },
  new_call_instant: {
    fire: (sandbox, companyId) => sandbox.simulateCall({ companyId }),
    start: async ({ hook, step, seen }) => {
      const company = need(seen, 'company', 'company_list');
      const calls = await hook({ company_id: company.id, event: 'post_call_webhook' });
      step(
        'New Call (Instant): subscribed, a call completed, the signed webhook ran, unsubscribed',
        calls.map(
          (c) =>
            `${show(c.id)}  ${show(c.direction)}  ${show(c.customer_name)}  ${show(c.duration)} s`,
        ),
      );
    },
    bench: [
      ...(['subscribe', 'unsubscribe', 'delivery'] as const).map((hook) => ({
        // A delivery is turned into output from its signed body alone: no request.
        name: `New Call (Instant) ${hook === 'delivery' ? 'perform' : hook}`,
        maxRequests: hook === 'delivery' ? 0 : 3,
        hook,
        inputData: ({ companyId }: BenchData) => ({
          company_id: companyId,
          event: 'post_call_webhook',
        }),
      })),
      // Several companies: 3 requests each; All Companies lists them first (one request).
      ...(['two companies', 'All Companies'] as const).map((choice) => ({
        name: `New Call (Instant) subscribe, ${choice === 'All Companies' ? 'all' : 'two'}`,
        maxRequests: choice === 'All Companies' ? 7 : 6,
        hook: 'subscribe' as const,
        companies: 2,
        inputData: ({ companyIds }: BenchData) => ({
          company_id: choice === 'All Companies' ? ['all'] : companyIds,
          event: 'post_call_webhook',
        }),
      })),
    ],
  },
  new_text_message_instant: {
    fire: async (sandbox, companyId) => [
      ...(await sandbox.simulateInboundText({ companyId })),
      ...(await sandbox.simulateOutboundText({ companyId })),
    ],
    start: async ({ hook, step, seen }) => {
      const company = need(seen, 'company', 'company_list');
      const texts = await hook({ company_id: company.id, direction: 'both' });
      step(
        'New Text Message (Instant), received and sent: one Zap, two events',
        texts.map(
          (t) => `${show(t.direction)}  ${show(t.customer_phone_number)}: "${show(t.content)}"`,
        ),
      );
    },
    bench: [sample('New Text Message (Instant) sample', 'performList')],
  },
  new_form_submission_instant: {
    fire: (sandbox, companyId) => sandbox.simulateFormSubmission({ companyId }),
    start: async ({ hook, step, seen }) => {
      need(seen, 'company', 'company_list');
      // One Zap for every active company of the account: a form submitted on each.
      const companies = (seen.sandbox.accounts[0]?.companies ?? [])
        .filter((company) => company.status === 'active')
        .map((company) => company.id);
      const forms = await hook({ company_id: companies });
      step(
        `New Form Submission (Instant), one Zap for ${companies.length} companies`,
        forms.map((f) => `${show(f.company_id)}  ${show(f.id)}  ${show(f.customer_name)}`),
      );
    },
    bench: [sample('New Form Submission (Instant) sample', 'performList')],
  },
  text_conversation_list: { bench: [sample('text conversation dropdown')] },
  form_submission_list: { bench: [sample('form submission dropdown')] },
  tag_list: { bench: [sample('tag dropdown')] },
  tracker_list: {},
  call_list: {},
};

interface Operation {
  key: string;
  display?: { label?: string; hidden?: boolean };
  operation?: { type?: string; inputFields?: readonly unknown[] };
}

export interface AppOperations {
  triggers?: Record<string, Operation>;
  creates?: Record<string, Operation>;
  searches?: Record<string, Operation>;
}

export interface Planned {
  key: string;
  group: Group;
  hidden: boolean;
  example: Example;
}

const GROUPS: Group[] = ['triggers', 'creates', 'searches'];

const isRequired = (field: unknown) =>
  typeof field === 'object' && field !== null && (field as { required?: boolean }).required;

/**
 * A visible polling trigger whose inputs are all optional filters needs no row: it is polled with
 * none (one request), and `npm start` prints what came back. Any other operation needs its row.
 */
const pollingExample = (group: Group, op: Operation): Example | undefined => {
  const fields = op.operation?.inputFields ?? [];
  if (group !== 'triggers' || op.display?.hidden || op.operation?.type !== 'polling') return;
  if (fields.some((field) => typeof field === 'function' || isRequired(field))) return;
  const label = op.display?.label ?? op.key;
  return {
    start: async ({ invoke, step }) => {
      const items = rows(await invoke({}));
      step(
        `${label} (polling, no filters): ${items.length} items`,
        items.slice(0, 3).map((item) => `${show(item.id)}`),
      );
    },
    bench: [{ name: `${label} poll`, maxRequests: 1, ...POLL }],
  };
};

/**
 * Every operation of the app with its row, in the table's order. Throws, naming each operation,
 * when one has no row (or a visible one has no `npm start` step or bench case), or a row names an
 * operation the app does not have.
 */
export const examplesFor = (app: AppOperations, table: Record<string, Example> = EXAMPLES) => {
  const defined = new Map(
    GROUPS.flatMap((group) =>
      Object.values(app[group] ?? {}).map((op) => [
        op.key,
        { group, hidden: !!op.display?.hidden, fallback: pollingExample(group, op) },
      ]),
    ),
  );
  const withDefaults: Record<string, Example> = { ...table };
  const problems = [...defined].flatMap(([key, { group, hidden, fallback }]) => {
    const example = withDefaults[key] ?? fallback;
    if (!example) return [`${group}.${key} has no row`];
    withDefaults[key] = example;
    if (hidden) return [];
    return [
      ...(example.start ? [] : [`${group}.${key} has no npm start step`]),
      ...(example.bench?.length ? [] : [`${group}.${key} has no bench case`]),
    ];
  });
  problems.push(
    ...Object.keys(withDefaults)
      .filter((key) => !defined.has(key))
      .map((key) => `${key} has a row but the app has no such operation`),
  );
  if (problems.length > 0) {
    throw new Error(
      `scripts/examples.ts does not match the app definition (index.ts): ${problems.join('; ')}.`,
    );
  }
  return Object.entries(withDefaults).map(([key, example]): Planned => {
    const { group, hidden } = defined.get(key) as Omit<Planned, 'key' | 'example'>;
    return { key, group, hidden, example };
  });
};

/** Every bench case of the app's operations, in the table's order: what `npm run bench` runs. */
export const benchCases = (app: AppOperations): { planned: Planned; benchCase: BenchCase }[] =>
  examplesFor(app).flatMap((planned) =>
    (planned.example.bench ?? []).map((benchCase) => ({ planned, benchCase })),
  );
