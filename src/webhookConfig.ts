import type { WebhookEvent } from './callrailFacts';
import type { Integration } from './callrailTypes';

/**
 * A Webhooks integration's `config`: one array of URLs per event. A Zap adds its URLs and
 * removes only its own URLs again; every other URL and key is kept as it was.
 */

export type WebhookConfig = Record<string, unknown>;

/** Which URL this Zap registered under which event key. */
export type EventUrls = Partial<Record<WebhookEvent, string>>;

const urlsOf = (config: WebhookConfig, event: string): string[] => {
  const urls = config[event];
  return Array.isArray(urls) ? urls.filter((url): url is string => typeof url === 'string') : [];
};

export const entriesOf = (urls: EventUrls) =>
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

export const configOf = (integration: Integration): WebhookConfig =>
  typeof integration.config === 'object' &&
  integration.config !== null &&
  !Array.isArray(integration.config)
    ? integration.config
    : {};
