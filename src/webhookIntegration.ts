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

/** Which URL this Zap registered under which event key. */
export type EventUrls = Partial<Record<WebhookEvent, string>>;

const urlsOf = (config: WebhookConfig, event: string): string[] => {
  const urls = config[event];
  return Array.isArray(urls) ? urls.filter((url): url is string => typeof url === 'string') : [];
};

const entriesOf = (urls: EventUrls) =>
  Object.entries(urls).filter((entry): entry is [WebhookEvent, string] => Boolean(entry[1]));

/** The config with these URLs added; every other key and URL kept as it was. */
export const withUrls = (config: WebhookConfig, urls: EventUrls): WebhookConfig =>
  entriesOf(urls).reduce<WebhookConfig>(
    (merged, [event, url]) => ({
      ...merged,
      [event]: [...urlsOf(merged, event).filter((existing) => existing !== url), url],
    }),
    config,
  );

/** The config with these URLs removed; every other key and URL kept as it was. */
export const withoutUrls = (config: WebhookConfig, urls: EventUrls): WebhookConfig =>
  entriesOf(urls).reduce<WebhookConfig>(
    (remaining, [event, url]) => ({
      ...remaining,
      [event]: urlsOf(remaining, event).filter((existing) => existing !== url),
    }),
    config,
  );

export const hasAllUrls = (config: WebhookConfig, urls: EventUrls): boolean =>
  entriesOf(urls).every(([event, url]) => urlsOf(config, event).includes(url));

export const hasAnyUrl = (config: WebhookConfig, urls: EventUrls): boolean =>
  entriesOf(urls).some(([event, url]) => urlsOf(config, event).includes(url));

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

export interface Registration {
  /** The integration's id; Zapier keeps subscription ids as strings. */
  integrationId: string;
  /** The company's key for the `Signature` header. */
  signingKey: string | null;
}

/**
 * Adds this Zap's URLs, then reads the integration back: a Zap subscribing at the same moment
 * may have written its own config over ours, in which case ours is merged in again.
 */
export const subscribe = async (
  z: ZObject,
  bundle: Bundle,
  { companyId, urls }: { companyId: string; urls: EventUrls },
): Promise<Registration> => {
  let integration = await webhooksIntegration(z, bundle, companyId);
  for (let round = 1; round <= ROUNDS; round += 1) {
    if (integration) {
      await writeConfig(z, bundle, integration, withUrls(integration.config, urls));
    } else {
      const created = await createIntegration(z, bundle, companyId, withUrls({}, urls));
      integration =
        created.status === 422 ? await webhooksIntegration(z, bundle, companyId) : created.data;
      if (created.status === 422) continue;
    }
    if (!integration) break;
    const current = await readIntegration(z, bundle, integration.id);
    if (current.status !== 404 && hasAllUrls(current.data.config, urls)) {
      return {
        integrationId: String(integration.id),
        signingKey: current.data.signing_key ?? integration.signing_key ?? null,
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

/** Removes only this Zap's URLs; the integration and every other URL stay. Never deletes. */
export const unsubscribe = async (
  z: ZObject,
  bundle: Bundle,
  {
    integrationId,
    companyId,
    urls,
  }: { integrationId?: string; companyId?: string; urls: EventUrls },
): Promise<{ removed: boolean }> => {
  if (Object.keys(urls).length === 0) return { removed: false };
  const byId = integrationId === undefined ? null : await readIntegration(z, bundle, integrationId);
  const integration =
    byId && byId.status !== 404
      ? byId.data
      : companyId
        ? await webhooksIntegration(z, bundle, companyId)
        : undefined;
  if (!integration || !hasAnyUrl(integration.config, urls)) return { removed: false };
  await writeConfig(
    z,
    bundle,
    { ...integration, state: undefined },
    withoutUrls(integration.config, urls),
  );
  return { removed: true };
};
