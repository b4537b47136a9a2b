import { newSmsThread, resourceId, shortId } from './ids';
import type {
  AccountRecord,
  CallerIdRecord,
  CallRecord,
  CompanyRecord,
  ConversationRecord,
  FormSubmissionRecord,
  IntegrationRecord,
  SeedAccount,
  TagRecord,
  TrackerRecord,
} from './types';

/**
 * The sandbox's live data. Plain arrays on purpose: tests read and even tweak them directly
 * (e.g. inspect a conversation after a send), and a few hundred records need no index.
 */
export class SandboxStore {
  readonly accounts: AccountRecord[] = [];
  readonly companies: CompanyRecord[] = [];
  readonly trackers: TrackerRecord[] = [];
  /** in insertion order, which is chronological for seeded and simulated calls */
  readonly calls: CallRecord[] = [];
  readonly conversations: ConversationRecord[] = [];
  readonly integrations: IntegrationRecord[] = [];
  readonly tags: TagRecord[] = [];
  readonly callerIds: CallerIdRecord[] = [];
  /** in insertion order; seeded ones oldest first */
  readonly formSubmissions: FormSubmissionRecord[] = [];
  /** API key → ids of the accounts it may see */
  readonly apiKeys = new Map<string, string[]>();
  /**
   * The other reading of CallRail's trackers: `sms_supported`/`sms_enabled` only with
   * `fields=`. Off (in the default payload, as one live response shows); tests switch it on.
   */
  trackerSmsFlagsOnRequest = false;
  /**
   * The other reading of calls in progress: listed only once they end. Off (a call in progress
   * is listed with `answered` and `duration` null); tests switch it on.
   */
  callsInProgressHidden = false;
  /**
   * Integration PUTs race like a busy server's when above 0: the handler reads the stored record,
   * waits a random 0..this many ms, then stores what the body says, so concurrent writers that
   * each read, merged and wrote back clobber one another. Integration reads answer after a random
   * 0..half this, from what was stored when they arrived. 0 (the default): no waiting.
   */
  integrationWriteDelayMs = 0;

  private lastLegacyCallId = 812_004_117;
  private lastIntegrationId = 6_102_230;
  private lastTextId = 879_204_976;
  private lastTagId = 7_886_700;
  private readonly callsByCaller = new Map<string, CallRecord[]>();

  nextLegacyCallId(step: number): number {
    this.lastLegacyCallId += step;
    return this.lastLegacyCallId;
  }

  nextIntegrationId(): number {
    this.lastIntegrationId += 1;
    return this.lastIntegrationId;
  }

  nextTagId(): number {
    this.lastTagId += 1;
    return this.lastTagId;
  }

  nextTextId(): number {
    this.lastTextId += 1;
    return this.lastTextId;
  }

  /** An account by its `ACC…` id or its 9-digit numeric id: CallRail accepts both in paths. */
  findAccount(idOrNumber: string): AccountRecord | undefined {
    return this.accounts.find((a) => a.id === idOrNumber || String(a.numeric_id) === idOrNumber);
  }

  visibleAccountIds(apiKey: string): string[] | undefined {
    return this.apiKeys.get(apiKey);
  }

  company(id: string): CompanyRecord | undefined {
    return this.companies.find((c) => c.id === id);
  }

  /** Looks up a company only within one account, so one tenant never sees another's ids. */
  companyIn(accountId: string, id: string): CompanyRecord | undefined {
    const company = this.company(id);
    return company?.account_id === accountId ? company : undefined;
  }

  tracker(id: string): TrackerRecord | undefined {
    return this.trackers.find((t) => t.id === id);
  }

  trackersOf(companyId: string): TrackerRecord[] {
    return this.trackers.filter((t) => t.company_id === companyId);
  }

  /** Active trackers a text can be sent from: what CallRail checks before sending. */
  smsTrackersOf(companyId: string): TrackerRecord[] {
    return this.trackersOf(companyId).filter((t) => t.status === 'active' && t.sms_enabled);
  }

  call(id: string): CallRecord | undefined {
    return this.calls.find((c) => c.id === id || String(c.legacy_id) === id);
  }

  conversation(accountId: string, id: string): ConversationRecord | undefined {
    return this.conversations.find((c) => c.account_id === accountId && c.id === id);
  }

  formSubmission(accountId: string, id: string): FormSubmissionRecord | undefined {
    return this.formSubmissions.find((f) => f.account_id === accountId && f.id === id);
  }

  integration(accountId: string, id: string): IntegrationRecord | undefined {
    return this.integrations.find((i) => i.account_id === accountId && String(i.id) === id);
  }

  webhooksIntegration(companyId: string): IntegrationRecord | undefined {
    return this.integrations.find((i) => i.company_id === companyId && i.type === 'Webhooks');
  }

  /** CallRail's person id follows the caller's number within an account. */
  personId(accountId: string, phoneNumber: string): string {
    return resourceId('PER', `person:${accountId}:${phoneNumber}`);
  }

  /**
   * Stores a call and works out what CallRail derives from the caller's history: first_call,
   * prior_calls, total_calls, the person id, and "previously marked good lead". Fields named in
   * `keep` were set explicitly (simulation overrides) and are left alone.
   */
  addCall(call: CallRecord, keep: ReadonlySet<string> = new Set()): CallRecord {
    const callerKey = `${call.company_id}|${call.customer_phone_number}`;
    const history = this.callsByCaller.get(callerKey) ?? [];
    const start = Date.parse(call.start_time);
    const earlier = history.filter((c) => Date.parse(c.start_time) < start);
    const set = <K extends keyof CallRecord>(key: K, value: CallRecord[K]): void => {
      if (!keep.has(key)) call[key] = value;
    };
    set('prior_calls', earlier.length);
    set('first_call', earlier.length === 0);
    set('total_calls', earlier.length + 1);
    set('person_id', this.personId(call.account_id, call.customer_phone_number));
    const goodLead = earlier.filter((c) => c.lead_status === 'good_lead').at(-1);
    if (goodLead && call.lead_status === null) {
      set('lead_status', 'previously_marked_good_lead');
      set('good_lead_call_id', goodLead.legacy_id);
      set('good_lead_call_time', goodLead.start_time);
    }
    history.push(call);
    this.callsByCaller.set(callerKey, history);
    this.calls.push(call);
    return call;
  }

  /**
   * The conversation between a customer and one of the company's tracking numbers, started if
   * there is none yet (CallRail threads by company + customer + tracking number).
   */
  conversationWith(
    company: CompanyRecord,
    tracker: TrackerRecord,
    trackingNumber: string,
    customerNumber: string,
    customerName: string | null,
    createdAt: string,
  ): ConversationRecord {
    const existing = this.conversations.find(
      (c) =>
        c.company_id === company.id &&
        c.customer_phone_number === customerNumber &&
        c.current_tracking_number === trackingNumber,
    );
    if (existing) return existing;
    const seed = `${company.id}:conversation:started:${this.conversations.length}`;
    const conversation: ConversationRecord = {
      id: shortId(seed),
      account_id: company.account_id,
      company_id: company.id,
      person_id: this.personId(company.account_id, customerNumber),
      initial_tracker_id: tracker.id,
      current_tracker_id: tracker.id,
      customer_name: customerName,
      customer_phone_number: customerNumber,
      initial_tracking_number: trackingNumber,
      current_tracking_number: trackingNumber,
      last_message_at: createdAt,
      state: 'active',
      lead_status: null,
      sms_thread: newSmsThread(seed),
      recent_messages: [],
    };
    this.conversations.push(conversation);
    return conversation;
  }

  /** What was seeded, with the ids tests need, in one nested structure. */
  summary(): SeedAccount[] {
    return this.accounts.map((account) => ({
      id: account.id,
      numeric_id: account.numeric_id,
      name: account.name,
      companies: this.companies
        .filter((c) => c.account_id === account.id)
        .map((company) => ({
          id: company.id,
          numeric_id: company.numeric_id,
          name: company.name,
          status: company.status,
          time_zone: company.time_zone,
          signing_key: company.signing_key,
          trackers: this.trackersOf(company.id).map((t) => ({
            id: t.id,
            numeric_id: t.numeric_id,
            name: t.name,
            type: t.type,
            status: t.status,
            tracking_numbers: [...t.tracking_numbers],
            sms_supported: t.sms_supported,
            sms_enabled: t.sms_enabled,
          })),
          conversation_ids: this.conversations
            .filter((c) => c.company_id === company.id)
            .map((c) => c.id),
          call_count: this.calls.filter((c) => c.company_id === company.id).length,
          webhooks_integration_id: this.webhooksIntegration(company.id)?.id ?? null,
        })),
    }));
  }
}
