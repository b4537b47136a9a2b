import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE, WEBHOOKS_INTEGRATION_TYPE, type WebhookEvent } from './callrailFacts';
import type { Integration } from './callrailTypes';
import { callRail, callRailResponse, itemsOf, segment } from './client';

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

/**
 * CallRail has no compare-and-set: every subscriber reads the config, merges its URLs and PUTs
 * the whole config back, so a Zap that read a moment before our write can store a config without
 * our URL. Such a competing write lands about one round trip after its read, so after each write
 * we wait longer than that (a settle delay scaled from this run's slowest request, jittered so
 * that racing Zaps drift apart), then read again: what that read shows is what stays. If our
 * change is not there, it is merged into that fresh config and written again, within bounds.
 */
export const webhookTiming = {
  /** How long to wait after a write before reading it back, given the slowest request so far. */
  settleMs: (slowestMs: number): number => {
    const base = Math.min(Math.max(3 * slowestMs, 100), 3_000);
    return base + Math.random() * base;
  },
  /** Writes at most, per subscribe or unsubscribe. */
  maxWrites: 8,
  /** No further write is started when it could not be verified within this. */
  maxTotalMs: 20_000,
  sleep: (ms: number): Promise<void> =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
};

const forbiddenHint =
  "Adding a webhook needs a CallRail user allowed to manage the company's integrations (usually an admin): " +
  "reconnect with such a user's API key, or use the polling New Call trigger instead.";

/** Times every request of one subscribe or unsubscribe, for the settle delay and the deadline. */
const stopwatch = () => {
  const started = Date.now();
  let slowest = 0;
  return {
    time: async <T>(request: Promise<T>): Promise<T> => {
      const sent = Date.now();
      try {
        return await request;
      } finally {
        slowest = Math.max(slowest, Date.now() - sent);
      }
    },
    settleMs: () => webhookTiming.settleMs(slowest),
    /** Whether another write, its settle delay and its read fit in the time left. */
    hasTimeFor: (settleMs: number) =>
      Date.now() - started + settleMs + 2 * slowest <= webhookTiming.maxTotalMs,
  };
};

type Stopwatch = ReturnType<typeof stopwatch>;

const configOf = (integration: Integration): WebhookConfig =>
  typeof integration.config === 'object' &&
  integration.config !== null &&
  !Array.isArray(integration.config)
    ? integration.config
    : {};

const webhooksIntegration = async (z: ZObject, bundle: Bundle, companyId: string) => {
  const endpoint = 'integrations.json';
  const body = await callRail<unknown>(z, bundle, {
    path: endpoint,
    params: { company_id: companyId, fields: 'signing_key', per_page: MAX_PER_PAGE },
    context: {
      action: "read the company's webhooks",
      resource: `company ${companyId}`,
      forbiddenHint,
    },
  });
  return itemsOf<Integration>(z, body, 'integrations', endpoint).find(
    (integration) => integration.type === WEBHOOKS_INTEGRATION_TYPE,
  );
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
 * Waits for competing writes to land, then reads the integration again: the fresh record, or
 * undefined when it is gone (then found again by company, if one is known).
 */
const settleAndRead = async (
  z: ZObject,
  bundle: Bundle,
  watch: Stopwatch,
  settleMs: number,
  id: number | string,
  companyId: string | undefined,
): Promise<Integration | undefined> => {
  await webhookTiming.sleep(settleMs);
  const current = await watch.time(readIntegration(z, bundle, id));
  if (current.status !== 404) return current.data;
  return companyId ? watch.time(webhooksIntegration(z, bundle, companyId)) : undefined;
};

export interface Registration {
  /** The integration's id; Zapier keeps subscription ids as strings. */
  integrationId: string;
  /** The company's key for the `Signature` header. */
  signingKey: string | null;
}

/**
 * Adds this Zap's URLs: list, write, settle, read back (3 requests when nobody competes). While
 * the read-back lacks them, they are merged into that fresh config and written again, up to
 * `webhookTiming.maxWrites` writes within `webhookTiming.maxTotalMs`; then it fails rather than
 * report a webhook CallRail did not keep.
 */
export const subscribe = async (
  z: ZObject,
  bundle: Bundle,
  { companyId, urls }: { companyId: string; urls: EventUrls },
): Promise<Registration> => {
  const watch = stopwatch();
  let integration = await watch.time(webhooksIntegration(z, bundle, companyId));
  for (let writes = 1; writes <= webhookTiming.maxWrites; writes += 1) {
    if (integration) {
      await watch.time(writeConfig(z, bundle, integration, withUrls(configOf(integration), urls)));
    } else {
      const created = await watch.time(createIntegration(z, bundle, companyId, withUrls({}, urls)));
      if (created.status === 422) {
        // Another Zap created it a moment ago: join it.
        integration = await watch.time(webhooksIntegration(z, bundle, companyId));
        continue;
      }
      integration = created.data;
    }
    const settleMs = watch.settleMs();
    const written: Integration = integration;
    integration = await settleAndRead(z, bundle, watch, settleMs, written.id, companyId);
    if (
      integration &&
      integration.state !== 'disabled' &&
      hasAllUrls(configOf(integration), urls)
    ) {
      return {
        integrationId: String(integration.id),
        signingKey: integration.signing_key ?? written.signing_key ?? null,
      };
    }
    if (!watch.hasTimeFor(watch.settleMs())) break;
  }
  throw new z.errors.Error(
    `CallRail did not keep this Zap's webhook for company ${companyId}: other Zaps or tools kept rewriting the company's webhook settings at the same moment. Turn the Zap on again in a minute.`,
    'WebhookNotKept',
    409,
  );
};

/**
 * Removes only this Zap's URLs; the integration and every other URL stay. Never deletes. Read,
 * write, settle, read back (3 requests when nobody competes); a write made at the same moment
 * from an older read may put the URLs back, so they are removed again from the fresh config.
 */
export const unsubscribe = async (
  z: ZObject,
  bundle: Bundle,
  {
    integrationId,
    companyId,
    urls,
  }: { integrationId?: string; companyId?: string; urls: EventUrls },
): Promise<{ removed: boolean }> => {
  if (entriesOf(urls).length === 0) return { removed: false };
  const watch = stopwatch();
  const byId =
    integrationId === undefined
      ? null
      : await watch.time(readIntegration(z, bundle, integrationId));
  let integration =
    byId && byId.status !== 404
      ? byId.data
      : companyId
        ? await watch.time(webhooksIntegration(z, bundle, companyId))
        : undefined;
  if (!integration || !hasAnyUrl(configOf(integration), urls)) return { removed: false };
  for (let writes = 1; writes <= webhookTiming.maxWrites; writes += 1) {
    await watch.time(
      writeConfig(
        z,
        bundle,
        { ...integration, state: undefined },
        withoutUrls(configOf(integration), urls),
      ),
    );
    integration = await settleAndRead(
      z,
      bundle,
      watch,
      watch.settleMs(),
      integration.id,
      companyId,
    );
    if (!integration || !hasAnyUrl(configOf(integration), urls)) return { removed: true };
    if (!watch.hasTimeFor(watch.settleMs())) break;
  }
  throw new z.errors.Error(
    `CallRail kept putting this Zap's webhook back for company ${companyId ?? integrationId}: other Zaps or tools kept rewriting the company's webhook settings at the same moment. Turn the Zap off again in a minute.`,
    'WebhookNotRemoved',
    409,
  );
};
