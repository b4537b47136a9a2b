import type { Vertical } from './catalog';
import { VERTICALS } from './catalog';
import type { Customer, Outcome } from './callFactory';
import { buildCall, CustomerFactory } from './callFactory';
import { addFormSubmission, randomLead } from './formSubmissions';
import { hex32, newSmsThread, nineDigitId, resourceId, shortId } from './ids';
import { Random } from './random';
import { seedWriteTargets } from './seedWriteTargets';
import { SandboxStore } from './store';
import { DAY_MS, isoInZone, railsLocal } from './time';
import type {
  AccountRecord,
  CompanyRecord,
  ConversationRecord,
  TextMessageRecord,
  TrackerRecord,
  TrackerSourceType,
  WebhookConfig,
} from './types';

/**
 * Deterministic seed data. Everything comes from a fixed-seed PRNG and hashed ids; only the
 * dates move, placed relative to `now`, so every run is the same world shifted in time.
 */

export const API_KEYS = {
  /** sees both accounts, like an agency user's key */
  agency: hex32('api-key:agency'),
  /** sees only the first account */
  single: hex32('api-key:single'),
};

type TrackerPlan = {
  name: string;
  type: 'source' | 'session';
  source: TrackerSourceType;
  sms: 'enabled' | 'supported' | 'none';
  numbers?: number;
  disabledDaysAgo?: number;
};

type CompanyPlan = {
  name: string;
  timeZone: string;
  website: string;
  areaCodes: string[];
  calls: number;
  conversations: number;
  disabledDaysAgo?: number;
  /** another tool's Webhooks integration that the app must not clobber */
  existingWebhooks?: WebhookConfig;
  trackers: TrackerPlan[];
};

type AccountPlan = {
  name: string;
  vertical: Vertical;
  outboundRecording: boolean;
  companies: CompanyPlan[];
};

const PLAN: AccountPlan[] = [
  {
    name: 'Summit Dental Group',
    vertical: VERTICALS.dental,
    outboundRecording: true,
    companies: [
      {
        name: 'Summit Dental - Downtown Denver',
        timeZone: 'America/Denver',
        website: 'https://www.summitdental.example',
        areaCodes: ['303', '720'],
        calls: 130,
        conversations: 5,
        trackers: [
          { name: 'Google Ads', type: 'source', source: 'google_paid', sms: 'enabled' },
          { name: 'Website Pool', type: 'session', source: 'all', sms: 'supported', numbers: 4 },
          {
            name: 'Google My Business',
            type: 'source',
            source: 'google_my_business',
            sms: 'enabled',
          },
          {
            name: 'Yellow Pages',
            type: 'source',
            source: 'offline',
            sms: 'enabled',
            disabledDaysAgo: 9,
          },
        ],
      },
      {
        name: 'Summit Dental - Phoenix',
        timeZone: 'America/Phoenix',
        website: 'https://phoenix.summitdental.example',
        areaCodes: ['602', '480'],
        calls: 80,
        conversations: 4,
        existingWebhooks: {
          post_call_webhook: ['https://crm.example.invalid/callrail/post-call'],
          form_captured_webhook: ['https://crm.example.invalid/callrail/forms'],
        },
        trackers: [
          { name: 'Google Organic', type: 'source', source: 'google_organic', sms: 'enabled' },
          { name: 'Direct Mail', type: 'source', source: 'offline', sms: 'none' },
          { name: 'Facebook Ads', type: 'source', source: 'facebook_paid', sms: 'none' },
        ],
      },
      {
        name: 'Summit Dental - Lakewood',
        timeZone: 'America/Denver',
        website: 'https://lakewood.summitdental.example',
        areaCodes: ['303', '720'],
        calls: 25,
        conversations: 0,
        disabledDaysAgo: 12,
        trackers: [
          {
            name: 'Main Line',
            type: 'source',
            source: 'offline',
            sms: 'enabled',
            disabledDaysAgo: 12,
          },
        ],
      },
    ],
  },
  {
    name: 'Harbor Home Services',
    vertical: VERTICALS.home,
    outboundRecording: false,
    companies: [
      {
        name: 'Harbor Plumbing & Drain',
        timeZone: 'America/New_York',
        website: 'https://www.harborplumbing.example',
        areaCodes: ['718', '347', '212'],
        calls: 70,
        conversations: 4,
        trackers: [
          { name: 'Google Ads', type: 'source', source: 'google_paid', sms: 'enabled' },
          { name: 'Bing Ads', type: 'source', source: 'bing_paid', sms: 'none' },
          { name: 'Website', type: 'session', source: 'all', sms: 'enabled', numbers: 3 },
        ],
      },
      {
        name: 'Harbor Heating & Air',
        timeZone: 'America/Indiana/Indianapolis',
        website: 'https://www.harborhvac.example',
        areaCodes: ['317'],
        calls: 40,
        conversations: 3,
        trackers: [
          {
            name: 'Google My Business',
            type: 'source',
            source: 'google_my_business',
            sms: 'enabled',
          },
          {
            name: 'Billboard',
            type: 'source',
            source: 'offline',
            sms: 'none',
            disabledDaysAgo: 20,
          },
        ],
      },
    ],
  },
];

/** Days of call history before `now`. */
export const HISTORY_DAYS = 28;

/** Per company: the customers and copy that simulations keep drawing from. */
export type CompanyWorld = { vertical: Vertical; customers: Customer[] };

export type SeedResult = { store: SandboxStore; worlds: Map<string, CompanyWorld> };

const OUTCOMES: ReadonlyArray<[Outcome, number]> = [
  ['answered', 0.62],
  ['missed', 0.22],
  ['voicemail', 0.16],
];

export function pickOutcome(rng: Random, direction: 'inbound' | 'outbound'): Outcome {
  if (direction === 'outbound') return rng.chance(0.7) ? 'answered' : 'missed';
  let roll = rng.next();
  for (const [outcome, weight] of OUTCOMES) {
    if (roll < weight) return outcome;
    roll -= weight;
  }
  return 'answered';
}

/** What the seeding steps share: one PRNG (its draws in a fixed order), the clock, the store. */
type Seeding = {
  rng: Random;
  store: SandboxStore;
  worlds: Map<string, CompanyWorld>;
  customers: CustomerFactory;
  nowMs: number;
  ago: (days: number) => Date;
  /** creation dates get a random time of day so nothing looks suspiciously round */
  createdAgo: (days: number) => Date;
  /** the next tracking number's last four digits */
  trackingLine: number;
  /** calls are built once all are planned: legacy ids grow with time */
  pendingCalls: { start: Date; build: (legacyId: number) => void }[];
};

/** Where this company's seeding starts: its account, plans and indexes. */
type CompanySeed = {
  account: AccountRecord;
  accountPlan: AccountPlan;
  plan: CompanyPlan;
  a: number;
  c: number;
};

function seedAccount(seeding: Seeding, accountPlan: AccountPlan, a: number): void {
  const firstZone = accountPlan.companies[0]?.timeZone ?? 'America/New_York';
  const account: AccountRecord = {
    id: resourceId('ACC', `account:${a}`),
    numeric_id: nineDigitId(`account:${a}`),
    name: accountPlan.name,
    outbound_recording_enabled: accountPlan.outboundRecording,
    inbound_recording_enabled: true,
    hipaa_account: false,
    created_at: railsLocal(seeding.createdAgo(700 - a * 150), firstZone),
  };
  seeding.store.accounts.push(account);
  accountPlan.companies.forEach((plan, c) =>
    seedCompany(seeding, { account, accountPlan, plan, a, c }),
  );
}

function companyRecord(seeding: Seeding, { account, plan, c }: CompanySeed, seed: string) {
  const disabledAt = plan.disabledDaysAgo === undefined ? null : seeding.ago(plan.disabledDaysAgo);
  const company: CompanyRecord = {
    id: resourceId('COM', seed),
    numeric_id: nineDigitId(seed),
    account_id: account.id,
    name: plan.name,
    status: disabledAt ? 'disabled' : 'active',
    time_zone: plan.timeZone,
    created_at: seeding.createdAgo(600 - c * 40).toISOString(),
    disabled_at: disabledAt ? disabledAt.toISOString() : null,
    signing_key: hex32(`signing-key:${seed}`),
    script_url: `//cdn.callrail.com/companies/${nineDigitId(seed)}/${hex32(`swap:${seed}`).slice(0, 20)}/12/swap.js`,
    callscribe_enabled: false,
    lead_scoring_enabled: true,
    form_capture: c === 0,
    swap_cookie_duration: 30,
    website: plan.website,
  };
  return company;
}

function seedCompany(seeding: Seeding, companySeed: CompanySeed): void {
  const { store } = seeding;
  const { account, accountPlan, plan, a, c } = companySeed;
  const seed = `company:${a}:${c}`;
  const company = companyRecord(seeding, companySeed, seed);
  store.companies.push(company);
  const mainArea = plan.areaCodes[0] ?? '303';
  const destination = `+1${mainArea}555${9000 + a * 10 + c}`;
  const trackers = plan.trackers.map((t, i) =>
    trackerRecord(seeding, { seed, company, plan, mainArea, destination }, t, i),
  );
  store.trackers.push(...trackers);

  const pool = seeding.customers.pool(plan.areaCodes, 24);
  seeding.worlds.set(company.id, { vertical: accountPlan.vertical, customers: pool });
  for (let k = 0; k < plan.calls; k += 1) {
    planCall(seeding, { ...companySeed, company, trackers, pool });
  }
  const { rng, nowMs } = seeding;
  seedConversations(store, rng, company, accountPlan.vertical, pool, plan.conversations, nowMs);

  if (plan.existingWebhooks) {
    store.integrations.push({
      id: store.nextIntegrationId(),
      account_id: account.id,
      type: 'Webhooks',
      company_id: company.id,
      state: 'active',
      config: plan.existingWebhooks,
      created_at: seeding.createdAgo(90).toISOString(),
    });
  }
}

function trackerRecord(
  seeding: Seeding,
  where: {
    seed: string;
    company: CompanyRecord;
    plan: CompanyPlan;
    mainArea: string;
    destination: string;
  },
  t: TrackerPlan,
  i: number,
): TrackerRecord {
  const { seed, company, plan, mainArea, destination } = where;
  const trackerSeed = `${seed}:tracker:${i}`;
  const trackerDisabled = t.disabledDaysAgo === undefined ? null : seeding.ago(t.disabledDaysAgo);
  const numbers: string[] = [];
  for (let n = 0; n < (t.numbers ?? 1); n += 1) {
    numbers.push(
      `+1${plan.areaCodes[n % plan.areaCodes.length] ?? mainArea}555${seeding.trackingLine}`,
    );
    seeding.trackingLine += 7;
  }
  return {
    id: resourceId('TRK', trackerSeed),
    numeric_id: nineDigitId(trackerSeed),
    account_id: company.account_id,
    company_id: company.id,
    name: t.name,
    type: t.type,
    status: trackerDisabled ? 'disabled' : 'active',
    destination_number: destination,
    tracking_numbers: numbers,
    whisper_message: t.type === 'session' ? null : `Call from ${t.name}`,
    sms_supported: t.sms !== 'none',
    sms_enabled: t.sms === 'enabled',
    source: { type: t.source },
    call_flow: { type: 'basic', recording_enabled: true, destination_number: destination },
    created_at: isoInZone(seeding.createdAgo(500 - i * 30), plan.timeZone),
    disabled_at: trackerDisabled ? isoInZone(trackerDisabled, plan.timeZone) : null,
  };
}

/** One seeded call, drawn now and built once every call is drawn (see `pendingCalls`). */
function planCall(
  seeding: Seeding,
  where: CompanySeed & { company: CompanyRecord; trackers: TrackerRecord[]; pool: Customer[] },
): void {
  const { rng, store } = seeding;
  const { account, accountPlan, plan, company, trackers, pool } = where;
  // Calls stop when the company or their tracker was disabled; the newest is a few
  // minutes old, so calls added "just now" by a test are always the newest.
  const newestDaysAgo = plan.disabledDaysAgo ?? 5 / 1440;
  const start = seeding.ago(newestDaysAgo + rng.next() * (HISTORY_DAYS - newestDaysAgo));
  const live = trackers.filter(
    (t) => !t.disabled_at || Date.parse(t.disabled_at) > start.getTime(),
  );
  const tracker = rng.pick(live);
  const direction = rng.chance(0.12) ? 'outbound' : 'inbound';
  const outcome = pickOutcome(rng, direction);
  const customer = rng.pick(pool);
  const callRng = new Random(rng.int(1, 2 ** 31));
  seeding.pendingCalls.push({
    start,
    build: (legacyId) =>
      store.addCall(
        buildCall({
          rng: callRng,
          account,
          company,
          tracker,
          vertical: accountPlan.vertical,
          customer,
          start,
          direction,
          outcome,
          legacyId,
        }),
      ),
  });
}

export function seedStore(now: Date): SeedResult {
  const rng = new Random(20261120);
  const nowMs = now.getTime();
  const seeding: Seeding = {
    rng,
    store: new SandboxStore(),
    worlds: new Map<string, CompanyWorld>(),
    customers: new CustomerFactory(rng),
    nowMs,
    ago: (days) => new Date(nowMs - days * DAY_MS),
    createdAgo: (days) => new Date(nowMs - days * DAY_MS - rng.int(0, DAY_MS - 1)),
    trackingLine: 2000,
    pendingCalls: [],
  };
  const { store, worlds, pendingCalls } = seeding;
  PLAN.forEach((accountPlan, a) => seedAccount(seeding, accountPlan, a));

  // Legacy call ids grow with time, as CallRail's do, so sort before numbering.
  pendingCalls.sort((x, y) => x.start.getTime() - y.start.getTime());
  for (const pending of pendingCalls) pending.build(store.nextLegacyCallId(rng.int(3, 60)));

  seedWriteTargets(store, now);
  seedFormSubmissions(store, worlds, nowMs);

  store.apiKeys.set(
    API_KEYS.agency,
    store.accounts.map((a) => a.id),
  );
  store.apiKeys.set(
    API_KEYS.single,
    store.accounts.slice(0, 1).map((a) => a.id),
  );
  return { store, worlds };
}

function seedConversations(
  store: SandboxStore,
  rng: Random,
  company: CompanyRecord,
  vertical: Vertical,
  pool: Customer[],
  count: number,
  nowMs: number,
): void {
  const smsTrackers = store.smsTrackersOf(company.id);
  for (let i = 0; i < count; i += 1) {
    const tracker = smsTrackers[i % smsTrackers.length];
    const customer = pool[(i * 5) % pool.length];
    if (!tracker || !customer) return;
    const seed = `${company.id}:conversation:${i}`;
    // Built newest first (the order CallRail lists them), walking back in time; the customer
    // always wrote the oldest message.
    let at = nowMs - rng.int(3_600_000, 14 * DAY_MS);
    const messages: TextMessageRecord[] = [];
    const length = rng.int(2, 5);
    for (let k = 0; k < length; k += 1) {
      const m = length - 1 - k;
      const incoming = m % 2 === 0;
      const mms = i === 1 && m === 0;
      messages.push({
        legacy_id: store.nextTextId(),
        resource_id: resourceId('SCI', `${seed}:message:${m}`),
        direction: incoming ? 'incoming' : 'outgoing',
        content: mms
          ? 'Here is a photo'
          : rng.pick(incoming ? vertical.incomingTexts : vertical.outgoingTexts),
        created_at: isoInZone(new Date(at), company.time_zone),
        type: mms ? 'mms' : 'sms',
        media_urls: mms ? [`https://mms.callrail.example/media/${hex32(seed)}.jpg`] : [],
      });
      at -= rng.int(60_000, 3 * 3_600_000);
    }
    const conversation: ConversationRecord = {
      id: shortId(seed),
      account_id: company.account_id,
      company_id: company.id,
      person_id: store.personId(company.account_id, customer.phone),
      initial_tracker_id: tracker.id,
      current_tracker_id: tracker.id,
      customer_name: customer.name,
      customer_phone_number: customer.phone,
      initial_tracking_number: tracker.tracking_numbers[0] ?? '',
      current_tracking_number: tracker.tracking_numbers[0] ?? '',
      last_message_at: messages[0]?.created_at ?? '',
      state: 'active',
      lead_status: null,
      sms_thread: newSmsThread(seed),
      recent_messages: messages,
    };
    store.conversations.push(conversation);
  }
}

/** Website leads per active company over the last two weeks, oldest first; their own PRNG. */
export const FORMS_PER_COMPANY = 6;

function seedFormSubmissions(
  store: SandboxStore,
  worlds: Map<string, CompanyWorld>,
  nowMs: number,
): void {
  const rng = new Random(5150);
  for (const company of store.companies.filter((c) => c.status === 'active')) {
    const customers = worlds.get(company.id)?.customers ?? [];
    const times = Array.from({ length: FORMS_PER_COMPANY }, () =>
      rng.int(30 * 60_000, 14 * DAY_MS),
    ).sort((a, b) => b - a);
    times.forEach((ago, i) => {
      const customer = customers[(i * 3) % Math.max(customers.length, 1)];
      if (!customer) return;
      addFormSubmission(store, randomLead(rng, company, customer, new Date(nowMs - ago)));
    });
  }
}
