import { defineTrigger, type Bundle, type InputField, type ZObject } from 'zapier-platform-core';

import { EVENT_TAG_PARAM, type WebhookEvent } from './callrailFacts';
import type { DynamicOutputFields, FieldTable, Output, Raw, Resource } from './fieldTable';
import { companiesField } from './fields';
import { eventOf, verifiedBody } from './hookDelivery';
import {
  companiesToWatch,
  subscribeCompanies,
  unsubscribeCompanies,
  type Subscription,
} from './hookSubscription';
import { readInputs, type InputSpec, type InputValues } from './inputs';
import * as read from './readers';
import { checkInputs } from './searchOperation';
import type { EventUrls } from './webhookIntegration';

/**
 * Every instant trigger is built here: its inputs read once (the companies it watches first),
 * subscribe and unsubscribe (merge-safe, in each company's one Webhooks integration,
 * src/hookSubscription.ts), the `Signature` check and which event a body belongs to
 * (src/hookDelivery.ts), the dedupe key, and the polling twin Zapier uses for samples. A trigger
 * only declares what differs.
 */

export type { Subscription } from './hookSubscription';

const companyInputs = { company_id: read.companies({ required: true }) };

/** What a hook trigger's callbacks get: its inputs, read and typed, the companies among them. */
export type HookInput<S extends InputSpec> = InputValues<S> & InputValues<typeof companyInputs>;

/** A field of the Zap editor that carries its key, so its reader finds it (conditional ones too). */
type HookInputField = InputField & { key: string; label?: string };

export interface HookTriggerDefinition<T extends FieldTable, S extends InputSpec> {
  key: string;
  noun: string;
  display: { label: string; description: string };
  resource: Resource<T>;
  /**
   * The Company input (one, several or all) comes first on its own; these follow it, plain
   * fields or fields shown only for some inputs (`conditionalField` in src/fields.ts).
   */
  inputFields: readonly HookInputField[];
  /** Input key → its reader (src/readers/), for each of `inputFields`; declare it beside them. */
  inputs: S;
  /** The CallRail events this Zap listens to. */
  events: (z: ZObject, input: HookInput<S>) => WebhookEvent[];
  /** Turns a webhook body of `event` into what the resource normalises (default: as is). */
  fromBody?: (body: Raw, event: WebhookEvent) => Raw;
  /**
   * Whether an item passes the Zap's own filters (default: every item). Its company is the one
   * whose key signed it, so the Company input is not read again here.
   */
  matches?: (item: Output<T>, event: WebhookEvent, input: InputValues<S>) => boolean;
  /** Output fields whose values together identify one delivery (default: the resource id). */
  dedupeOn?: readonly (keyof T & string)[];
  /** Real recent items, in exactly the shape a webhook produces (samples, testing the Zap). */
  performList: (z: ZObject, bundle: Bundle, input: HookInput<S>) => Promise<Output<T>[]>;
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

const companyField = companiesField({
  required: true,
  helpText:
    'One or several CallRail companies, or All Companies: every active company when the Zap is turned on (turn the Zap off and on to include companies added later).',
});

/** The Zap's webhook, delivered: verified, routed to its event, normalised, filtered. */
const deliveryOf =
  <T extends FieldTable, S extends InputSpec>(
    definition: HookTriggerDefinition<T, S>,
    readFilters: (z: ZObject, bundle: Bundle) => InputValues<S>,
  ) =>
  (z: ZObject, bundle: Bundle): Output<T> | undefined => {
    const subscription = subscriptionOf(bundle);
    const body = verifiedBody(z, bundle, subscription);
    const event = eventOf(bundle, registeredEvents(subscription), body);
    if (!event)
      throw new z.errors.HaltedError('Ignored a request for an event this Zap does not listen to.');
    const item = definition.resource.normalize(
      (definition.fromBody ?? ((raw) => raw))(body, event),
    );
    if (!(item as { id?: unknown }).id) {
      throw new z.errors.HaltedError(
        `Ignored a request that carries no CallRail ${definition.resource.noun.toLowerCase()}.`,
      );
    }
    const passes = definition.matches?.(item, event, readFilters(z, bundle)) ?? true;
    return passes ? item : undefined;
  };

/** Turning the Zap on: its events' URLs added to each company it watches (at most 25). */
const subscriberOf =
  <T extends FieldTable, S extends InputSpec>(
    definition: HookTriggerDefinition<T, S>,
    readHookInputs: (z: ZObject, bundle: Bundle) => HookInput<S>,
  ) =>
  async (z: ZObject, bundle: Bundle): Promise<Subscription> => {
    const input = readHookInputs(z, bundle);
    const events = definition.events(z, input);
    if (!bundle.targetUrl) {
      throw new z.errors.Error('Zapier gave no URL to subscribe.', 'MissingTargetUrl', 400);
    }
    const twin = `the ${definition.display.label.replace(/ \(Instant\)$/, '')} trigger`;
    const companyIds = await companiesToWatch(z, bundle, input.company_id, twin);
    return subscribeCompanies(z, bundle, companyIds, urlsFor(bundle.targetUrl, events));
  };

export const hookTrigger = <T extends FieldTable, S extends InputSpec>(
  definition: HookTriggerDefinition<T, S>,
) => {
  const { resource } = definition;
  const inputFields = [companyField, ...definition.inputFields];
  const inputs = { ...companyInputs, ...definition.inputs };
  checkInputs(definition.key, inputFields, inputs);
  const readHookInputs = (z: ZObject, bundle: Bundle): HookInput<S> =>
    readInputs(
      z,
      bundle,
      inputFields,
      inputs as typeof inputs & Record<string, never>,
    ) as HookInput<S>;
  const dedupeOn: readonly string[] = definition.dedupeOn ?? ['id'];
  const extend = definition.extend?.item ?? ((_z: ZObject, item: Output<T>) => item);
  const delivery = deliveryOf(definition, (z, bundle) =>
    readInputs(z, bundle, definition.inputFields, definition.inputs as S & Record<string, never>),
  );

  const performSubscribe = subscriberOf(definition, readHookInputs);

  return defineTrigger({
    key: definition.key,
    noun: definition.noun,
    display: definition.display,
    operation: {
      type: 'hook',
      inputFields,
      performSubscribe,
      performUnsubscribe: (z: ZObject, bundle: Bundle) =>
        unsubscribeCompanies(z, bundle, subscriptionOf(bundle)),
      perform: async (z: ZObject, bundle: Bundle): Promise<Output<T>[]> => {
        const item = delivery(z, bundle);
        return item ? [extend(z, item)] : [];
      },
      performList: async (z: ZObject, bundle: Bundle) =>
        (await definition.performList(z, bundle, readHookInputs(z, bundle))).map((item) =>
          extend(z, item),
        ),
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
