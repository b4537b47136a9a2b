import type { Place, Vertical } from './catalog';
import { FIRST_NAMES, LAST_NAMES, OUT_OF_AREA_CODES, PLACES } from './catalog';
import { resourceId } from './ids';
import { Random } from './random';
import { isoInZone } from './time';
import type {
  AccountRecord,
  CallRecord,
  CompanyRecord,
  LeadStatus,
  Milestone,
  Milestones,
  TrackerRecord,
  TrackerSourceType,
} from './types';

/** Builds calls for the seed and for simulations, so both look alike. */

export type Customer = {
  name: string | null;
  phone: string;
  place: Place;
};

export type Outcome = 'answered' | 'missed' | 'voicemail';

/** Hands out fictional numbers (area code + 555-01XX) without ever repeating one. */
export class CustomerFactory {
  private readonly nextLine = new Map<string, number>();

  constructor(private readonly rng: Random) {}

  create(areaCode: string): Customer {
    const place = PLACES[areaCode];
    if (!place) throw new Error(`No place for area code ${areaCode}`);
    const line = this.nextLine.get(areaCode) ?? 100;
    if (line > 199) throw new Error(`Out of fictional numbers for ${areaCode}`);
    this.nextLine.set(areaCode, line + 1);
    const first = this.rng.pick(FIRST_NAMES);
    const last = this.rng.pick(LAST_NAMES);
    // Caller ID names come in all shapes: proper case, carrier upper case, or none at all.
    const style = this.rng.next();
    const name =
      style < 0.7 ? `${first} ${last}` : style < 0.9 ? `${first} ${last}`.toUpperCase() : null;
    return { name, phone: `+1${areaCode}5550${line}`, place };
  }

  /** A company's regulars: mostly local, a few from out of town. */
  pool(localAreaCodes: readonly string[], size: number): Customer[] {
    const customers: Customer[] = [];
    for (let i = 0; i < size; i += 1) {
      const areaCode =
        i % 6 === 5 ? this.rng.pick(OUT_OF_AREA_CODES) : this.rng.pick(localAreaCodes);
      customers.push(this.create(areaCode));
    }
    return customers;
  }
}

type Attribution = Pick<
  CallRecord,
  | 'source'
  | 'medium'
  | 'campaign'
  | 'keywords'
  | 'landing_page_url'
  | 'last_requested_url'
  | 'referring_url'
  | 'referrer_domain'
  | 'utm_source'
  | 'utm_medium'
  | 'utm_term'
  | 'utm_content'
  | 'utm_campaign'
  | 'gclid'
  | 'fbclid'
  | 'msclkid'
  | 'device_type'
  | 'session_uuid'
>;

const NO_ATTRIBUTION: Omit<Attribution, 'source'> = {
  medium: null,
  campaign: null,
  keywords: null,
  landing_page_url: null,
  last_requested_url: null,
  referring_url: null,
  referrer_domain: null,
  utm_source: null,
  utm_medium: null,
  utm_term: null,
  utm_content: null,
  utm_campaign: null,
  gclid: null,
  fbclid: null,
  msclkid: null,
  device_type: null,
  session_uuid: null,
};

const uuidFrom = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** Where a call came from, consistent with the tracker's source (paid ads carry click ids, …). */
export function attributionFor(
  rng: Random,
  tracker: TrackerRecord,
  company: CompanyRecord,
  vertical: Vertical,
): Attribution {
  let type: TrackerSourceType | 'direct' = tracker.source.type;
  if (type === 'all')
    type = rng.pick(['google_organic', 'google_paid', 'facebook_paid', 'direct'] as const);
  if (type === 'offline') return { ...NO_ATTRIBUTION, source: tracker.name };
  const device = rng.chance(0.7) ? 'mobile' : 'desktop';
  const page = `${company.website}${rng.pick(vertical.landingPaths)}`;
  const session = tracker.type === 'session' ? uuidFrom(rng.hex(32)) : null;
  const base = { ...NO_ATTRIBUTION, device_type: device, session_uuid: session };
  if (type === 'google_my_business') {
    return {
      ...base,
      source: 'Google My Business',
      medium: 'organic',
      utm_source: 'google',
      utm_medium: 'organic',
    };
  }
  if (type === 'google_organic' || type === 'direct') {
    const organic = type === 'google_organic';
    return {
      ...base,
      source: organic ? 'Google Organic' : 'Direct',
      medium: organic ? 'organic' : null,
      landing_page_url: page,
      last_requested_url: page,
      referring_url: organic ? 'https://www.google.com/' : null,
      referrer_domain: organic ? 'www.google.com' : null,
    };
  }
  const campaign = rng.pick(vertical.campaigns);
  const keywords = rng.pick(vertical.keywords);
  const clickId = `${rng.hex(8)}${rng.hex(8)}`;
  const network = {
    google_paid: {
      source: 'Google Paid',
      utm: 'google',
      referrer: 'www.google.com',
      click: 'gclid',
    },
    facebook_paid: {
      source: 'Facebook Paid',
      utm: 'facebook',
      referrer: 'm.facebook.com',
      click: 'fbclid',
    },
    bing_paid: { source: 'Bing Paid', utm: 'bing', referrer: 'www.bing.com', click: 'msclkid' },
  }[type];
  const landing = `${page}?utm_source=${network.utm}&utm_medium=cpc&utm_campaign=${slug(campaign)}&${network.click}=${clickId}`;
  return {
    ...base,
    source: network.source,
    medium: 'cpc',
    campaign,
    keywords,
    landing_page_url: landing,
    last_requested_url: landing,
    referring_url: `https://${network.referrer}/`,
    referrer_domain: network.referrer,
    utm_source: network.utm,
    utm_medium: 'cpc',
    utm_term: keywords,
    utm_campaign: slug(campaign),
    gclid: network.click === 'gclid' ? clickId : null,
    fbclid: network.click === 'fbclid' ? clickId : null,
    msclkid: network.click === 'msclkid' ? clickId : null,
  };
}

function milestone(attribution: Attribution, eventDate: string): Milestone {
  const utm: { [key: string]: string } = {};
  if (attribution.utm_source) utm.utm_source = attribution.utm_source;
  if (attribution.utm_medium) utm.utm_medium = attribution.utm_medium;
  if (attribution.utm_campaign) utm.utm_campaign = attribution.utm_campaign;
  return {
    event_date: eventDate,
    source: attribution.source,
    campaign: attribution.campaign,
    medium: attribution.medium,
    keywords: attribution.keywords,
    landing: attribution.landing_page_url,
    device: attribution.device_type,
    referrer: attribution.referring_url,
    ad_position: attribution.gclid ? '1t1' : null,
    match_type: attribution.gclid ? 'e' : null,
    landing_page_url_params: { ...utm },
    referrer_url_params: {},
    session_browser:
      attribution.device_type === 'mobile'
        ? 'Mobile Safari'
        : attribution.device_type
          ? 'Chrome'
          : null,
    url_utm_params: utm,
  };
}

export type CallSpec = {
  rng: Random;
  account: AccountRecord;
  company: CompanyRecord;
  tracker: TrackerRecord;
  vertical: Vertical;
  customer: Customer;
  start: Date;
  direction: 'inbound' | 'outbound';
  outcome: Outcome;
  legacyId: number;
};

/**
 * A finished call. History-dependent fields (first_call, prior_calls, total_calls, person_id,
 * "previously marked good lead") are filled in by `SandboxStore.addCall`.
 */
export function buildCall(spec: CallSpec): CallRecord {
  const { rng, company, tracker, vertical, customer, start, direction, outcome } = spec;
  const tz = company.time_zone;
  const answered = outcome === 'answered';
  const voicemail = outcome === 'voicemail';
  const duration = answered ? rng.int(25, 900) : voicemail ? rng.int(12, 75) : rng.int(0, 25);
  const recorded = answered || voicemail;
  const attribution =
    direction === 'outbound'
      ? { ...NO_ATTRIBUTION, source: 'Outbound' }
      : attributionFor(rng, tracker, company, vertical);

  let leadStatus: LeadStatus | null = null;
  if (direction === 'inbound') {
    const roll = rng.next();
    if (answered) leadStatus = roll < 0.45 ? 'good_lead' : roll < 0.6 ? 'not_a_lead' : null;
    else if (voicemail) leadStatus = roll < 0.1 ? 'good_lead' : null;
    else leadStatus = roll < 0.05 ? 'not_a_lead' : null;
  }
  const tags = answered ? rng.some(vertical.tags, 2) : rng.some(vertical.tags, 1);
  const startIso = isoInZone(start, tz);
  const firstTouch = isoInZone(new Date(start.getTime() - rng.int(1, 20) * 86_400_000), tz);
  const lastTouch = isoInZone(new Date(start.getTime() - rng.int(1, 60) * 60_000), tz);
  const milestones: Milestones =
    direction === 'outbound'
      ? { first_touch: null, lead_created: null, qualified: null, last_touch: null }
      : {
          first_touch: milestone(attribution, firstTouch),
          lead_created: milestone(attribution, startIso),
          qualified: leadStatus === 'good_lead' ? milestone(attribution, startIso) : null,
          last_touch: milestone(attribution, lastTouch),
        };
  const accessKey = rng.hex(20);

  return {
    id: resourceId('CAL', `call:${spec.legacyId}`),
    legacy_id: spec.legacyId,
    account_id: spec.account.id,
    company_id: company.id,
    tracker_id: tracker.id,
    person_id: '',
    direction,
    answered,
    voicemail,
    duration,
    start_time: startIso,
    created_at: isoInZone(new Date(start.getTime() + rng.int(5, 40)), tz),
    customer_name: customer.name,
    customer_phone_number: customer.phone,
    customer_city: customer.place.city,
    customer_state: customer.place.state,
    customer_country: customer.place.country,
    zip_code: customer.place.zip,
    tracking_phone_number: tracker.tracking_numbers[0] ?? '',
    business_phone_number: answered ? tracker.destination_number : null,
    recording: recorded
      ? `https://app.callrail.com/calls/${spec.legacyId}/recording/redirect?access_key=${accessKey}`
      : null,
    recording_duration: recorded ? Math.max(1, duration - rng.int(2, 8)) : null,
    recording_player: recorded
      ? `https://app.callrail.com/calls/${spec.legacyId}/recording?access_key=${accessKey}`
      : null,
    agent_email: answered
      ? `${rng.pick(vertical.agents)}@${new URL(company.website).hostname.replace(/^www\./, '')}`
      : null,
    first_call: true,
    prior_calls: 0,
    total_calls: 1,
    lead_status: leadStatus,
    good_lead_call_id: null,
    good_lead_call_time: null,
    note: rng.chance(0.3) ? rng.pick(vertical.notes) : '',
    value: leadStatus === 'good_lead' && rng.chance(0.4) ? rng.pick(vertical.values) : '',
    tags,
    source_name: tracker.name,
    milestones,
    ...attribution,
  };
}
