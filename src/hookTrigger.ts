import {
  defineTrigger,
  type Bundle,
  type PlainInputField,
  type ZObject,
} from 'zapier-platform-core';

import { EVENT_TAG_PARAM, type WebhookEvent } from './callrailFacts';
import type { FieldTable, Output, Raw, Resource } from './fieldTable';
import { requiredCompanyField } from './fields';
import { inputsOf } from './inputs';
import {
  headerValue,
  isSignatureValid,
  subscribe,
  unsubscribe,
  type EventUrls,
} from './webhookIntegration';

/**
 * Every instant trigger is built here: subscribe and unsubscribe (merge-safe, in the company's
 * one Webhooks integration), the `Signature` check, which event a body belongs to, the dedupe
 * key, and the polling twin Zapier uses for samples. A trigger only declares what differs.
 */

/** What `performSubscribe` returns and Zapier hands back as `bundle.subscribeData`. */
export interface Subscription {
  id: string;
  company_id: string;
  /** The URL registered under each event key. */
  urls: EventUrls;
  signing_key: string | null;
  /** Subscriptions made before 2.0 registered one URL for one event. */
  event?: WebhookEvent;
  target_url?: string;
}

export interface HookTriggerDefinition<T extends FieldTable> {
  key: string;
  noun: string;
  display: { label: string; description: string };
  resource: Resource<T>;
  /** `company_id` (required) comes first on its own; these follow it. */
  inputFields: readonly PlainInputField[];
  /** The CallRail events this Zap listens to, from its inputs. */
  events: (z: ZObject, bundle: Bundle) => WebhookEvent[];
  /** Turns a webhook body of `event` into what the resource normalises (default: as is). */
  fromBody?: (body: Raw, event: WebhookEvent) => Raw;
  /** Whether an item passes the Zap's own filters (default: every item). */
  matches?: (z: ZObject, bundle: Bundle, item: Output<T>, event: WebhookEvent) => boolean;
  /** Output fields whose values together identify one delivery (default: the resource id). */
  dedupeOn?: readonly (keyof T & string)[];
  /** Real recent items, in exactly the shape a webhook produces (samples, testing the Zap). */
  performList: (z: ZObject, bundle: Bundle) => Promise<Output<T>[]>;
  /** Outputs a field table cannot hold (a hydrated file), added to every item, listed and sent. */
  extend?: {
    item: (z: ZObject, item: Output<T>) => Output<T>;
    outputFields: readonly { key: string; label: string; type: 'file' }[];
    sample: Raw;
  };
}

const withEventParam = (url: string, event: WebhookEvent): string => {
  const tagged = new URL(url);
  tagged.searchParams.set(EVENT_TAG_PARAM, event);
  return tagged.toString();
};

/** One URL per event; tagged with the event when there is more than one, so bodies tell. */
export const urlsFor = (targetUrl: string, events: readonly WebhookEvent[]): EventUrls =>
  Object.fromEntries(
    events.map((event) => [
      event,
      events.length > 1 ? withEventParam(targetUrl, event) : targetUrl,
    ]),
  );

const subscriptionOf = (bundle: Bundle): Partial<Subscription> =>
  (bundle.subscribeData ?? {}) as Partial<Subscription>;

/** Subscriptions made before per-event URLs had `event` and `target_url`. */
const registeredUrls = (subscription: Partial<Subscription>): EventUrls =>
  subscription.urls ??
  (subscription.event && subscription.target_url
    ? { [subscription.event]: subscription.target_url }
    : {});

const queryParam = (bundle: Bundle, name: string): string | undefined => {
  const cleaned = (bundle.cleanedRequest as { querystring?: Record<string, unknown> } | undefined)
    ?.querystring?.[name];
  if (typeof cleaned === 'string') return cleaned;
  const raw = (bundle.rawRequest as { querystring?: unknown } | undefined)?.querystring;
  return typeof raw === 'string' ? (new URLSearchParams(raw).get(name) ?? undefined) : undefined;
};

/** The event a delivery belongs to: its URL's tag, else the one event subscribed. */
const eventOf = (bundle: Bundle, urls: EventUrls): WebhookEvent | undefined => {
  const events = Object.keys(urls) as WebhookEvent[];
  const tagged = queryParam(bundle, EVENT_TAG_PARAM);
  if (tagged && (events as string[]).includes(tagged)) return tagged as WebhookEvent;
  return events.length === 1 ? events[0] : undefined;
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

/**
 * The body to trust: with a signing key, only the raw body whose `Signature` matches it; a
 * subscription made before keys were kept has none, and is still served.
 */
const verifiedBody = (z: ZObject, bundle: Bundle, signingKey: string | null | undefined): Raw => {
  if (!signingKey) {
    z.console.log(
      'This Zap was turned on before CallRail signing keys were kept, so its webhooks are not verified: turn the Zap off and on again to verify them.',
    );
    return (bundle.cleanedRequest ?? {}) as Raw;
  }
  const rawBody = bundle.rawRequest?.content;
  const signature = headerValue(bundle.rawRequest?.headers, 'Signature');
  if (
    typeof rawBody !== 'string' ||
    !signature ||
    !isSignatureValid(rawBody, signature, signingKey)
  ) {
    throw new z.errors.HaltedError(
      'Ignored a request that is not signed with the CallRail company signing key.',
    );
  }
  const body = parseBody(rawBody);
  if (!body) throw new z.errors.HaltedError('Ignored a signed request whose body is not JSON.');
  return body;
};

export const hookTrigger = <T extends FieldTable>(definition: HookTriggerDefinition<T>) => {
  const { resource } = definition;
  const inputFields = [requiredCompanyField, ...definition.inputFields];
  const dedupeOn: readonly string[] = definition.dedupeOn ?? ['id'];
  const fromBody = definition.fromBody ?? ((body: Raw) => body);
  const extend = definition.extend?.item ?? ((_z: ZObject, item: Output<T>) => item);

  const performSubscribe = async (z: ZObject, bundle: Bundle): Promise<Subscription> => {
    const companyId = inputsOf(z, bundle, inputFields).id('company_id', 'company', {
      required: true,
    });
    const events = definition.events(z, bundle);
    if (!bundle.targetUrl) {
      throw new z.errors.Error('Zapier gave no URL to subscribe.', 'MissingTargetUrl', 400);
    }
    const urls = urlsFor(bundle.targetUrl, events);
    const registration = await subscribe(z, bundle, { companyId, urls }).catch(
      async (error: unknown) => {
        // A subscribe that could not make its URLs stick takes them back out: nothing is left
        // half-subscribed for CallRail to keep posting to.
        await unsubscribe(z, bundle, { companyId, urls }).catch(() => undefined);
        throw error;
      },
    );
    if (!registration.signingKey) {
      // Unsigned webhooks could not be told from forged ones: take the URLs back out, fail.
      await unsubscribe(z, bundle, { integrationId: registration.integrationId, urls });
      throw new z.errors.Error(
        `CallRail did not share company ${companyId}'s webhook signing key with this API key, so this Zap could not tell CallRail's webhooks from forged ones. Reconnect with the key of a CallRail user who may manage the company's integrations (usually an admin), or use the polling version of this trigger.`,
        'SigningKeyUnavailable',
        403,
      );
    }
    return {
      id: registration.integrationId,
      company_id: companyId,
      urls,
      signing_key: registration.signingKey,
    };
  };

  const performUnsubscribe = async (z: ZObject, bundle: Bundle) => {
    const subscription = subscriptionOf(bundle);
    return unsubscribe(z, bundle, {
      ...(subscription.id ? { integrationId: subscription.id } : {}),
      ...(subscription.company_id ? { companyId: subscription.company_id } : {}),
      urls: registeredUrls(subscription),
    });
  };

  const perform = async (z: ZObject, bundle: Bundle): Promise<Output<T>[]> => {
    const subscription = subscriptionOf(bundle);
    const body = verifiedBody(z, bundle, subscription.signing_key);
    const event = eventOf(bundle, registeredUrls(subscription));
    if (!event)
      throw new z.errors.HaltedError('Ignored a request for an event this Zap does not listen to.');
    const item = resource.normalize(fromBody(body, event));
    if (!(item as { id?: unknown }).id) {
      throw new z.errors.HaltedError(
        `Ignored a request that carries no CallRail ${resource.noun.toLowerCase()}.`,
      );
    }
    return !definition.matches || definition.matches(z, bundle, item, event)
      ? [extend(z, item)]
      : [];
  };

  return defineTrigger({
    key: definition.key,
    noun: definition.noun,
    display: definition.display,
    operation: {
      type: 'hook',
      inputFields,
      performSubscribe,
      performUnsubscribe,
      perform,
      performList: async (z: ZObject, bundle: Bundle) =>
        (await definition.performList(z, bundle)).map((item) => extend(z, item)),
      sample: { ...resource.sample, ...definition.extend?.sample },
      outputFields: [
        ...resource.outputFields.map((field) => ({
          ...field,
          primary: dedupeOn.includes(field.key),
        })),
        ...(definition.extend?.outputFields ?? []),
      ],
    },
  });
};
