import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE, WEBHOOKS_INTEGRATION_TYPE, type WebhookEvent } from './callrailFacts';
import type { Integration, Page } from './callrailTypes';
import { callRail, callRailResponse, segment } from './client';

/**
 * CallRail allows one Webhooks integration per company, and other tools often use it too. A Zap
 * adds its URL to that integration's config and removes only its own URL again; every other URL
 * and key is written back untouched.
 */

export type WebhookConfig = Record<string, unknown>;

export interface Subscription {
  /** The integration's id; Zapier keeps subscription ids as strings. */
  id: string;
  company_id: string;
  event: WebhookEvent;
  target_url: string;
  /** The company's key for the `Signature` header, when CallRail shares it with this key. */
  signing_key: string | null;
}

const urlsOf = (config: WebhookConfig, event: WebhookEvent): string[] => {
  const urls = config[event];
  return Array.isArray(urls) ? urls.filter((url): url is string => typeof url === 'string') : [];
};

export const withUrl = (
  config: WebhookConfig,
  event: WebhookEvent,
  url: string,
): WebhookConfig => ({
  ...config,
  [event]: [...urlsOf(config, event).filter((existing) => existing !== url), url],
});

export const withoutUrl = (
  config: WebhookConfig,
  event: WebhookEvent,
  url: string,
): WebhookConfig => ({
  ...config,
  [event]: urlsOf(config, event).filter((existing) => existing !== url),
});

export const hasUrl = (config: WebhookConfig, event: WebhookEvent, url: string): boolean =>
  urlsOf(config, event).includes(url);

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

const ROUNDS = 3;

const forbiddenHint =
  "Adding a webhook needs a CallRail user allowed to manage the company's integrations (usually an admin): " +
  "reconnect with such a user's API key, or use the polling New Call trigger instead.";

const webhooksIntegration = async (z: ZObject, bundle: Bundle, companyId: string) => {
  const list = await callRail<Page & { integrations: Integration[] }>(z, bundle, {
    path: 'integrations.json',
    params: { company_id: companyId, fields: 'signing_key', per_page: MAX_PER_PAGE },
    context: {
      action: "read the company's webhooks",
      resource: `company ${companyId}`,
      forbiddenHint,
    },
  });
  return list.integrations.find((integration) => integration.type === WEBHOOKS_INTEGRATION_TYPE);
};

const readIntegration = (z: ZObject, bundle: Bundle, id: number | string) =>
  callRailResponse<Integration>(z, bundle, {
    path: `integrations/${segment(String(id))}.json`,
    params: { fields: 'signing_key' },
    context: { action: 'read the webhooks integration', forbiddenHint },
    allowStatuses: [404],
  });

const writeConfig = (z: ZObject, bundle: Bundle, integration: Integration, config: WebhookConfig) =>
  callRail<Integration>(z, bundle, {
    method: 'PUT',
    path: `integrations/${segment(String(integration.id))}.json`,
    body: integration.state === 'disabled' ? { config, state: 'active' } : { config },
    context: { action: 'update the webhooks integration', isWrite: true, forbiddenHint },
  });

const createIntegration = (z: ZObject, bundle: Bundle, companyId: string, config: WebhookConfig) =>
  callRailResponse<Integration & { error?: string }>(z, bundle, {
    method: 'POST',
    path: 'integrations.json',
    body: { type: WEBHOOKS_INTEGRATION_TYPE, company_id: companyId, config },
    context: {
      action: 'add a webhooks integration',
      resource: `company ${companyId}`,
      isWrite: true,
      forbiddenHint,
    },
    // Another Zap may have created the company's one Webhooks integration a moment ago.
    allowStatuses: [422],
  });

/**
 * Adds `url` for `event`, then reads the integration back: a Zap subscribing at the same moment
 * may have written its own config over ours, in which case ours is merged in again.
 */
export const subscribe = async (
  z: ZObject,
  bundle: Bundle,
  { companyId, event, url }: { companyId: string; event: WebhookEvent; url: string },
): Promise<Subscription> => {
  let integration = await webhooksIntegration(z, bundle, companyId);
  for (let round = 1; round <= ROUNDS; round += 1) {
    if (integration) {
      await writeConfig(z, bundle, integration, withUrl(integration.config, event, url));
    } else {
      const created = await createIntegration(z, bundle, companyId, { [event]: [url] });
      integration =
        created.status === 422 ? await webhooksIntegration(z, bundle, companyId) : created.data;
      if (created.status === 422) continue;
    }
    if (!integration) break;
    const current = await readIntegration(z, bundle, integration.id);
    if (current.status !== 404 && hasUrl(current.data.config, event, url)) {
      const signingKey = current.data.signing_key ?? integration.signing_key ?? null;
      return {
        id: String(integration.id),
        company_id: companyId,
        event,
        target_url: url,
        signing_key: signingKey,
      };
    }
    integration =
      current.status === 404 ? await webhooksIntegration(z, bundle, companyId) : current.data;
  }
  throw new z.errors.Error(
    `CallRail did not keep this Zap's webhook for company ${companyId}: another tool kept replacing the company's webhook settings. Turn the Zap on again in a minute.`,
    'WebhookNotKept',
    409,
  );
};

/** Removes only `url`; the integration and every other URL stay. Never deletes anything. */
export const unsubscribe = async (
  z: ZObject,
  bundle: Bundle,
  subscription: Partial<Subscription>,
): Promise<{ removed: boolean }> => {
  const { id, company_id: companyId, event, target_url: url } = subscription;
  if (!event || !url) return { removed: false };
  const byId = id === undefined ? null : await readIntegration(z, bundle, id);
  const integration =
    byId && byId.status !== 404
      ? byId.data
      : companyId
        ? await webhooksIntegration(z, bundle, companyId)
        : undefined;
  if (!integration || !hasUrl(integration.config, event, url)) return { removed: false };
  await writeConfig(
    z,
    bundle,
    { ...integration, state: undefined },
    withoutUrl(integration.config, event, url),
  );
  return { removed: true };
};
