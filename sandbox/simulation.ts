import type { Outcome } from './callFactory';
import { buildCall } from './callFactory';
import { addFormSubmission, randomLead } from './formSubmissions';
import { resourceId } from './ids';
import { normalizeUsCaNumber } from './phone';
import { Random } from './random';
import type { CompanyWorld } from './seed';
import { pickOutcome } from './seed';
import type { SandboxStore } from './store';
import { isoInZone } from './time';
import type {
  CallRecord,
  CallWebhookEvent,
  CompanyRecord,
  TextMessageRecord,
  TrackerRecord,
  WebhookDelivery,
} from './types';
import type { WebhookSender } from './webhooks';

/** Things that happen "in CallRail" during a test: calls come in, customers text. */

export interface SimulateCallOptions {
  companyId: string;
  /** default `post_call_webhook` */
  event?: CallWebhookEvent;
  /** fields to force on the call (e.g. `customer_name`, `tags`, `answered`) */
  overrides?: Partial<CallRecord>;
  /** fire the event for this existing call (`CAL…` or legacy id) instead of adding a new one */
  callId?: string;
  /** `changes` for updated_* events; default: the overridden field names, else ["note"] */
  changes?: string[];
}

export interface SimulateInboundTextOptions {
  companyId: string;
  /** default: one of the company's regular customers */
  customerPhoneNumber?: string;
  content?: string;
  /** makes it an MMS */
  mediaUrls?: string[];
}

export interface SimulateTextOptions extends SimulateInboundTextOptions {
  /** show the customer as `***1234`, as some captured bodies do */
  maskCustomerNumber?: boolean;
}

export interface SimulateOutboundTextOptions {
  companyId: string;
  /** default: the customer of the company's most recent conversation */
  customerPhoneNumber?: string;
  content?: string;
  /** the CallRail user who sent it from the app (default `frontdesk`) */
  agent?: string;
}

export interface SimulateFormSubmissionOptions {
  companyId: string;
  /** default: a made-up lead from one of the company's customers */
  formData?: { [field: string]: string };
}

export class Simulator {
  // Its own PRNG: simulations stay reproducible without disturbing the seed's sequence.
  private readonly rng = new Random(77031);

  constructor(
    private readonly store: SandboxStore,
    private readonly worlds: Map<string, CompanyWorld>,
    private readonly webhooks: WebhookSender,
    private readonly now: () => Date,
  ) {}

  /** Adds a call (or updates one) and POSTs the event to the company's subscribers. */
  async simulateCall(options: SimulateCallOptions): Promise<WebhookDelivery[]> {
    const event = options.event ?? 'post_call_webhook';
    const overrides = options.overrides ?? {};
    let call: CallRecord;
    if (options.callId) {
      const existing = this.store.call(options.callId);
      if (!existing || existing.company_id !== options.companyId) {
        throw new Error(`No call ${options.callId} in company ${options.companyId}`);
      }
      call = Object.assign(existing, overrides);
    } else {
      const outbound =
        event === 'post_outbound_call_webhook' || event === 'updated_outbound_call_webhook';
      const outcome: Outcome | undefined =
        event === 'pre_call_webhook'
          ? 'missed'
          : event === 'answered_call_webhook'
            ? 'answered'
            : undefined;
      call = this.newCall(
        options.companyId,
        this.now(),
        outbound ? 'outbound' : 'inbound',
        outcome,
        overrides,
        (c) => {
          if (event !== 'pre_call_webhook') return;
          // Still ringing: nothing about the outcome is known yet.
          Object.assign(c, {
            duration: 0,
            recording: null,
            recording_duration: null,
            recording_player: null,
          });
        },
      );
    }
    const overridden = Object.keys(overrides);
    const changes = options.changes ?? (overridden.length > 0 ? overridden : ['note']);
    return this.webhooks.callEvent(call, event, changes);
  }

  /** A burst of inbound calls that ended "just now", one second apart, oldest first; no webhooks. */
  addCalls(companyId: string, count: number, secondsApart = 1): CallRecord[] {
    const now = this.now().getTime();
    const calls: CallRecord[] = [];
    for (let i = 0; i < count; i += 1) {
      const start = new Date(now - (count - 1 - i) * secondsApart * 1000);
      calls.push(this.newCall(companyId, start, 'inbound'));
    }
    return calls;
  }

  /** A call that starts ringing `secondsAgo` and has not ended (no webhook is sent). */
  startCall(companyId: string, secondsAgo = 0): CallRecord {
    const start = new Date(this.now().getTime() - secondsAgo * 1000);
    return this.newCall(companyId, start, 'inbound', 'missed', { in_progress: true });
  }

  /** Ends a call in progress, answered (lasting `duration` seconds) or missed. */
  endCall(callId: string, outcome: { answered: boolean; duration: number }): CallRecord {
    const call = this.store.calls.find((c) => c.id === callId);
    if (!call?.in_progress) throw new Error(`No call in progress with id ${callId}`);
    Object.assign(call, { ...outcome, voicemail: false, in_progress: false });
    return call;
  }

  /** A customer texts the company: the conversation grows and `sms_received_webhook` fires. */
  async simulateInboundText(options: SimulateTextOptions): Promise<WebhookDelivery[]> {
    const { company, world } = this.companyAndWorld(options.companyId);
    const customerNumber =
      options.customerPhoneNumber === undefined
        ? this.rng.pick(world.customers).phone
        : normalizeUsCaNumber(options.customerPhoneNumber);
    if (!customerNumber)
      throw new Error(`Not a US/Canadian number: ${String(options.customerPhoneNumber)}`);
    const now = isoInZone(this.now(), company.time_zone);
    // An existing thread with this customer continues; otherwise one starts on an SMS number.
    let conversation = this.store.conversations.find(
      (c) => c.company_id === company.id && c.customer_phone_number === customerNumber,
    );
    if (!conversation) {
      const tracker = this.activeTracker(company, true);
      const name = world.customers.find((c) => c.phone === customerNumber)?.name ?? null;
      conversation = this.store.conversationWith(
        company,
        tracker,
        tracker.tracking_numbers[0] ?? '',
        customerNumber,
        name,
        now,
      );
    }
    const legacyId = this.store.nextTextId();
    const mediaUrls = options.mediaUrls ?? [];
    const message: TextMessageRecord = {
      legacy_id: legacyId,
      resource_id: resourceId('SCI', `text:${legacyId}`),
      direction: 'incoming',
      content: options.content ?? this.rng.pick(world.vertical.incomingTexts),
      created_at: now,
      type: mediaUrls.length > 0 ? 'mms' : 'sms',
      media_urls: [...mediaUrls],
    };
    conversation.recent_messages.unshift(message);
    conversation.last_message_at = message.created_at;
    return this.webhooks.textEvent(conversation, message, 'sms_received_webhook', {
      maskCustomerNumber: options.maskCustomerNumber,
    });
  }

  /** Someone at the company texts a customer from CallRail's app: `sms_sent_webhook` fires. */
  async simulateOutboundText(options: SimulateOutboundTextOptions): Promise<WebhookDelivery[]> {
    const { company, world } = this.companyAndWorld(options.companyId);
    const wanted =
      options.customerPhoneNumber === undefined
        ? undefined
        : normalizeUsCaNumber(options.customerPhoneNumber);
    const conversation = this.store.conversations
      .filter((c) => c.company_id === company.id)
      .filter((c) => wanted === undefined || c.customer_phone_number === wanted)
      .sort((a, b) => Date.parse(b.last_message_at) - Date.parse(a.last_message_at))[0];
    if (!conversation) throw new Error(`No conversation to text in company ${company.id}`);
    const legacyId = this.store.nextTextId();
    const message: TextMessageRecord = {
      legacy_id: legacyId,
      resource_id: resourceId('SCI', `text:${legacyId}`),
      direction: 'outgoing',
      content: options.content ?? this.rng.pick(world.vertical.outgoingTexts),
      created_at: isoInZone(this.now(), company.time_zone),
      type: 'sms',
      media_urls: [],
    };
    conversation.recent_messages.unshift(message);
    conversation.last_message_at = message.created_at;
    return this.webhooks.textEvent(conversation, message, 'sms_sent_webhook', {
      agent: options.agent ?? 'frontdesk',
    });
  }

  /** A visitor fills in a form on the company's site: `form_captured_webhook` fires. */
  async simulateFormSubmission(options: SimulateFormSubmissionOptions): Promise<WebhookDelivery[]> {
    const { company, world } = this.companyAndWorld(options.companyId);
    const lead = randomLead(this.rng, company, this.rng.pick(world.customers), this.now());
    const submission = addFormSubmission(this.store, {
      ...lead,
      formData: options.formData ?? lead.formData,
    });
    return this.webhooks.formEvent(submission);
  }

  private companyAndWorld(companyId: string): { company: CompanyRecord; world: CompanyWorld } {
    const company = this.store.company(companyId);
    const world = this.worlds.get(companyId);
    if (!company || !world) throw new Error(`Unknown company ${companyId}`);
    if (company.status !== 'active')
      throw new Error(`Company ${companyId} is disabled and receives no calls or texts`);
    return { company, world };
  }

  private activeTracker(company: CompanyRecord, smsOnly: boolean): TrackerRecord {
    const trackers = smsOnly
      ? this.store.smsTrackersOf(company.id)
      : this.store.trackersOf(company.id).filter((t) => t.status === 'active');
    if (trackers.length === 0)
      throw new Error(
        `Company ${company.id} has no active${smsOnly ? ' SMS-enabled' : ''} tracker`,
      );
    return this.rng.pick(trackers);
  }

  private newCall(
    companyId: string,
    start: Date,
    direction: 'inbound' | 'outbound',
    outcome: Outcome = pickOutcome(this.rng, direction),
    overrides: Partial<CallRecord> = {},
    adjust: (call: CallRecord) => void = () => undefined,
  ): CallRecord {
    const { company, world } = this.companyAndWorld(companyId);
    const account = this.store.accounts.find((a) => a.id === company.account_id);
    if (!account) throw new Error(`Company ${companyId} has no account`);
    const call = buildCall({
      rng: new Random(this.rng.int(1, 2 ** 31)),
      account,
      company,
      tracker: this.activeTracker(company, false),
      vertical: world.vertical,
      customer: this.rng.pick(world.customers),
      start,
      direction,
      outcome,
      legacyId: this.store.nextLegacyCallId(this.rng.int(3, 60)),
    });
    adjust(call);
    Object.assign(call, overrides);
    const tracker = this.store.tracker(call.tracker_id);
    if (overrides.tracker_id && !overrides.tracking_phone_number && tracker) {
      call.tracking_phone_number = tracker.tracking_numbers[0] ?? call.tracking_phone_number;
    }
    return this.store.addCall(call, new Set(Object.keys(overrides)));
  }
}
