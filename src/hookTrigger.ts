import { defineTrigger, type Bundle, type InputField, type ZObject } from 'zapier-platform-core';

import { EVENT_TAG_PARAM, type WebhookEvent } from './callrailFacts';
import type { DynamicOutputFields, FieldTable, Output, Raw, Resource } from './fieldTable';
import { readRequiredCompany, requiredCompanyField } from './fields';
import { eventOf, verifiedBody } from './hookDelivery';
import { subscribe, unsubscribe, type EventUrls } from './webhookIntegration';

/**
 * Every instant trigger is built here: subscribe and unsubscribe (merge-safe, in the company's
 * one Webhooks integration), the `Signature` check and which event a body belongs to
 * (src/hookDelivery.ts), the dedupe key, and the polling twin Zapier uses for samples. A trigger
 * only declares what differs.
 */

/** What `performSubscribe` returns and Zapier hands back as `bundle.subscribeData`. */
export interface Subscription {
  id: string;
  company_id: string;
  /** The URL registered under each event key. */
  urls: EventUrls;
  signing_key: string;
}

export interface HookTriggerDefinition<T extends FieldTable> {
  key: string;
  noun: string;
  display: { label: string; description: string };
  resource: Resource<T>;
  /**
   * `company_id` (required) comes first on its own; these follow it, plain fields or fields
   * shown only for some inputs (`conditionalField` in src/fields.ts).
   */
  inputFields: readonly InputField[];
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
  /** Output fields learned when the Zap is edited, after the resource's. */
  dynamicOutputFields?: DynamicOutputFields;
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

/** The events this Zap's subscription registered URLs for. */
const registeredEvents = (subscription: Partial<Subscription>): WebhookEvent[] =>
  Object.keys(subscription.urls ?? {}) as WebhookEvent[];

export const hookTrigger = <T extends FieldTable>(definition: HookTriggerDefinition<T>) => {
  const { resource } = definition;
  const inputFields = [requiredCompanyField, ...definition.inputFields];
  const dedupeOn: readonly string[] = definition.dedupeOn ?? ['id'];
  const fromBody = definition.fromBody ?? ((body: Raw) => body);
  const extend = definition.extend?.item ?? ((_z: ZObject, item: Output<T>) => item);

  const performSubscribe = async (z: ZObject, bundle: Bundle): Promise<Subscription> => {
    const companyId = readRequiredCompany(z, bundle);
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
      urls: subscription.urls ?? {},
    });
  };

  const perform = async (z: ZObject, bundle: Bundle): Promise<Output<T>[]> => {
    const subscription = subscriptionOf(bundle);
    const body = verifiedBody(z, bundle, subscription.signing_key);
    const event = eventOf(bundle, registeredEvents(subscription), body);
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
        ...(definition.dynamicOutputFields ? [definition.dynamicOutputFields] : []),
      ],
    },
  });
};
