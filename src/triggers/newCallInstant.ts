import {
  defineInputFields,
  defineTrigger,
  type WebhookTriggerPerform,
  type WebhookTriggerPerformList,
  type WebhookTriggerPerformSubscribe,
  type WebhookTriggerPerformUnsubscribe,
} from 'zapier-platform-core';

import { matchesCallFilters, readCallFilters } from '../callFilters';
import { normalizeCall, type NormalizedCall } from '../callPayload';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../callrailFacts';
import { fetchRecentCalls, SAMPLE_PAGE_SIZE } from '../calls';
import {
  answerStatusField,
  requiredCompanyField,
  directionField,
  minDurationField,
  trackerFilterField,
} from '../fields';
import { sampleCall } from '../samples/call';
import {
  headerValue,
  isSignatureValid,
  subscribe,
  unsubscribe,
  type Subscription,
} from '../webhooks';
import { callOutputFields } from './newCall';

const CALL_EVENTS = [
  'post_call_webhook',
  'pre_call_webhook',
  'updated_call_webhook',
] as const satisfies readonly WebhookEvent[];
type CallEvent = (typeof CALL_EVENTS)[number];

export const inputFields = defineInputFields([
  requiredCompanyField,
  {
    key: 'event',
    label: 'When',
    required: true,
    default: 'post_call_webhook',
    choices: [
      {
        value: 'post_call_webhook',
        label: 'Call completed (recording and transcript attached, up to 20 minutes after hang-up)',
        sample: 'post_call_webhook',
      },
      {
        value: 'pre_call_webhook',
        label: 'Call started (before it is answered)',
        sample: 'pre_call_webhook',
      },
      {
        value: 'updated_call_webhook',
        label: 'Call modified (tags, note, value, lead status, recording)',
        sample: 'updated_call_webhook',
      },
    ],
    helpText: `CallRail sends one webhook per event. "${WEBHOOK_EVENTS.post_call_webhook}" suits most Zaps.`,
  },
  trackerFilterField,
  directionField,
  answerStatusField,
  minDurationField,
]);

const eventOf = (value: unknown): CallEvent =>
  (CALL_EVENTS as readonly unknown[]).includes(value) ? (value as CallEvent) : 'post_call_webhook';

export const performSubscribe = (async (z, bundle) => {
  if (!bundle.targetUrl)
    throw new z.errors.Error('Zapier gave no URL to subscribe.', 'MissingTargetUrl', 400);
  return subscribe(z, bundle, {
    companyId: bundle.inputData.company_id.trim(),
    event: eventOf(bundle.inputData.event),
    url: bundle.targetUrl,
  });
}) satisfies WebhookTriggerPerformSubscribe<typeof inputFields, Subscription>;

export const performUnsubscribe = (async (z, bundle) =>
  unsubscribe(
    z,
    bundle,
    (bundle.subscribeData ?? {}) as Partial<Subscription>,
  )) satisfies WebhookTriggerPerformUnsubscribe<typeof inputFields, { removed: boolean }>;

/**
 * Turns CallRail's webhook body into the shape New Call outputs. When the company's signing key
 * is known, a body whose `Signature` does not match is stopped, not run.
 */
export const perform = (async (z, bundle) => {
  const signingKey = (bundle.subscribeData as Partial<Subscription> | undefined)?.signing_key;
  const rawBody = bundle.rawRequest?.content;
  if (signingKey && typeof rawBody === 'string') {
    const signature = headerValue(bundle.rawRequest?.headers, 'Signature');
    if (!signature || !isSignatureValid(rawBody, signature, signingKey)) {
      throw new z.errors.HaltedError(
        'Ignored a request whose Signature header does not match the CallRail company signing key.',
      );
    }
  }
  const body = (bundle.cleanedRequest ?? {}) as Record<string, unknown>;
  const call = normalizeCall(body);
  if (!call.id) throw new z.errors.HaltedError('Ignored a request that carries no CallRail call.');
  // The webhook belongs to one company already, and old payloads carry its numeric id only.
  const { company_id: _company, ...filters } = readCallFilters(z, bundle);
  return matchesCallFilters(call, filters) ? [call] : [];
}) satisfies WebhookTriggerPerform<typeof inputFields, NormalizedCall>;

/** Real recent calls of the company, in exactly the shape a webhook produces. */
export const performList = (async (z, bundle) =>
  fetchRecentCalls(z, bundle, {
    filters: readCallFilters(z, bundle),
    pageSize: SAMPLE_PAGE_SIZE,
    followBursts: false,
  })) satisfies WebhookTriggerPerformList<typeof inputFields, NormalizedCall>;

export default defineTrigger({
  key: 'new_call_instant',
  noun: 'Call',
  display: {
    label: 'New Call (Instant)',
    description:
      "Triggers when a call of the chosen company completes, starts or changes, the moment CallRail reports it. Adds this Zap's URL to the company's CallRail webhooks without touching other tools' URLs.",
  },
  operation: {
    type: 'hook',
    inputFields,
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    sample: sampleCall,
    outputFields: callOutputFields,
  },
});
