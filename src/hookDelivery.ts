import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Bundle, ZObject } from 'zapier-platform-core';

import {
  CALL_EVENT_KEYS,
  CALLRAIL_ID_PATTERNS,
  EVENT_TAG_PARAM,
  TEXT_EVENT_KEYS,
  WEBHOOK_BODY_COMPANY_KEYS,
  WEBHOOK_BODY_DIRECTION,
  type WebhookEvent,
} from './callrailFacts';
import { asText, type Raw } from './fieldTable';
import { companiesOf, type CompanySubscription, type Subscription } from './hookSubscription';

/**
 * What an instant trigger does with one delivery before it reads it: trust only a body signed
 * with its company's key (always: a subscription without a key is refused like a forged
 * delivery), then tell which of the Zap's events it is.
 */

/** Base64 HMAC-SHA1 of the raw body, keyed by the company's signing key. */
const signatureFor = (rawBody: string, signingKey: string): string =>
  createHmac('sha1', signingKey).update(rawBody, 'utf8').digest('base64');

export const isSignatureValid = (
  rawBody: string,
  signature: string,
  signingKey: string,
): boolean => {
  const expected = Buffer.from(signatureFor(rawBody, signingKey));
  const given = Buffer.from(signature.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
};

/** Zapier passes hook headers with an `Http-` prefix; accept either form, any case. */
export const headerValue = (
  headers: Record<string, string> | undefined,
  name: string,
): string | undefined => {
  const wanted = [name.toLowerCase(), `http-${name.toLowerCase()}`];
  const entry = Object.entries(headers ?? {}).find(([key]) => wanted.includes(key.toLowerCase()));
  return entry?.[1];
};

const parseBody = (content: string): Raw | null => {
  try {
    const parsed: unknown = JSON.parse(content);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Raw)
      : null;
  } catch {
    return null;
  }
};

const NOT_SIGNED = 'Ignored a request that is not signed with the CallRail company signing key.';

/** The company a body names: `company_resource_id`, else `company_id` (maybe a numeric id). */
const namedCompany = (body: Raw | null): string | undefined =>
  WEBHOOK_BODY_COMPANY_KEYS.map((key) => asText(body?.[key])).find((value): value is string =>
    Boolean(value),
  );

/**
 * The company part whose key signed the body. A Zap of one company (the shape saved before
 * several existed) checks its one key. A Zap of several checks the key of the company the body
 * names by `COM…` id, and refuses a body naming a company it does not watch; a body naming only
 * a numeric id is the company's whose key signed it (callrailFacts.ts WEBHOOK_BODY_COMPANY_KEYS).
 */
const signerOf = (
  subscription: Partial<Subscription>,
  body: Raw | null,
  signed: (signingKey: string) => boolean,
): Partial<CompanySubscription> | undefined => {
  const parts = companiesOf(subscription);
  const named = namedCompany(body);
  const candidates =
    subscription.companies && named && CALLRAIL_ID_PATTERNS.company.test(named)
      ? parts.filter((part) => part.company_id === named)
      : parts;
  return candidates.find((part) => part.signing_key && signed(part.signing_key));
};

/** The raw body whose `Signature` matches its company's signing key; anything else is halted. */
export const verifiedBody = (
  z: ZObject,
  bundle: Bundle,
  subscription: Partial<Subscription>,
): Raw => {
  if (!companiesOf(subscription).some((part) => part.signing_key)) {
    z.console.log(
      'This Zap holds no CallRail signing key, so its webhooks cannot be told from forged ones and are ignored: turn the Zap off and on again.',
    );
    throw new z.errors.HaltedError(
      'Ignored a request: this Zap holds no CallRail signing key. Turn the Zap off and on again.',
    );
  }
  const rawBody = bundle.rawRequest?.content;
  const signature = headerValue(bundle.rawRequest?.headers, 'Signature');
  if (typeof rawBody !== 'string' || !signature) throw new z.errors.HaltedError(NOT_SIGNED);
  // Read before it is trusted only to learn whose key to check it with.
  const body = parseBody(rawBody);
  const signer = signerOf(subscription, body, (signingKey) =>
    isSignatureValid(rawBody, signature, signingKey),
  );
  if (!signer) throw new z.errors.HaltedError(NOT_SIGNED);
  if (!body) throw new z.errors.HaltedError('Ignored a signed request whose body is not JSON.');
  return body;
};

const queryParam = (bundle: Bundle, name: string): string | undefined => {
  const cleaned = (bundle.cleanedRequest as { querystring?: Record<string, unknown> } | undefined)
    ?.querystring?.[name];
  if (typeof cleaned === 'string') return cleaned;
  const raw = (bundle.rawRequest as { querystring?: unknown } | undefined)?.querystring;
  return typeof raw === 'string' ? (new URLSearchParams(raw).get(name) ?? undefined) : undefined;
};

type Way = 'inbound' | 'outbound';

const TEXT_EVENTS: readonly WebhookEvent[] = TEXT_EVENT_KEYS.both;

/** Each event whose direction a body can tell, with that direction. */
const WAY_OF_EVENT = new Map<WebhookEvent, Way>([
  ...Object.values(CALL_EVENT_KEYS).flatMap((keys) =>
    Object.entries(keys).map(([way, event]) => [event, way as Way] as const),
  ),
  ...TEXT_EVENT_KEYS.received.map((event) => [event, 'inbound'] as const),
  ...TEXT_EVENT_KEYS.sent.map((event) => [event, 'outbound'] as const),
]);

/** What the body says of its direction; a text body says it by carrying an agent or not. */
const wayOfBody = (body: Raw, isText: boolean): Way | undefined => {
  const said = asText(body.direction)?.toLowerCase() ?? '';
  if ((WEBHOOK_BODY_DIRECTION.inbound as readonly string[]).includes(said)) return 'inbound';
  if ((WEBHOOK_BODY_DIRECTION.outbound as readonly string[]).includes(said)) return 'outbound';
  if (!isText) return undefined;
  return WEBHOOK_BODY_DIRECTION.sentTextKey in body ? 'outbound' : 'inbound';
};

/**
 * The event a delivery belongs to: the one event subscribed; else its URL's tag when that names
 * one of them; else the one of them whose direction the body tells. Undefined when none fits.
 */
export const eventOf = (
  bundle: Bundle,
  events: readonly WebhookEvent[],
  body: Raw,
): WebhookEvent | undefined => {
  if (events.length === 1) return events[0];
  const tagged = events.find((event) => event === queryParam(bundle, EVENT_TAG_PARAM));
  if (tagged) return tagged;
  const way = wayOfBody(
    body,
    events.every((event) => TEXT_EVENTS.includes(event)),
  );
  const matching = events.filter((event) => way !== undefined && WAY_OF_EVENT.get(event) === way);
  return matching.length === 1 ? matching[0] : undefined;
};
