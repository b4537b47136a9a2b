import type { Bundle, ZObject } from 'zapier-platform-core';

import {
  configOf,
  entriesOf,
  hasAllUrls,
  hasAnyUrl,
  withoutUrls,
  withUrls,
  type EventUrls,
} from './webhookConfig';
import { converge, stopwatch } from './webhookConverge';
import {
  createIntegration,
  findIntegration,
  readIntegration,
  writeConfig,
} from './webhookRequests';

/**
 * CallRail allows one Webhooks integration per company, and other tools often use it too. A Zap
 * adds its URLs to that integration's config and removes only its own URLs again (see
 * src/webhookConfig.ts), one company at a time.
 */

export type { EventUrls } from './webhookConfig';
export { webhookTiming } from './webhookConverge';

export interface Registration {
  /** The integration's id; Zapier keeps subscription ids as strings. */
  integrationId: string;
  /** The company's key for the `Signature` header. */
  signingKey: string | null;
}

/** One company's hook: the URLs this Zap registers there, by event. */
export interface CompanyHook {
  companyId: string;
  urls: EventUrls;
}

/**
 * Adds this Zap's URLs to one company: list, write, settle, read back (3 requests when nobody
 * competes), converging (src/webhookConverge.ts); then it fails rather than report a webhook CallRail did not keep.
 */
export const subscribe = async (
  z: ZObject,
  bundle: Bundle,
  { companyId, urls }: CompanyHook,
): Promise<Registration> => {
  const watch = stopwatch();
  const registration = await converge(
    z,
    bundle,
    watch,
    await watch.time(findIntegration(z, bundle, companyId)),
    {
      companyId,
      write: async (integration) => {
        if (integration) {
          await watch.time(
            writeConfig(z, bundle, integration, withUrls(configOf(integration), urls)),
          );
          return { written: integration };
        }
        const created = await watch.time(
          createIntegration(z, bundle, companyId, withUrls({}, urls)),
        );
        // Another Zap created it a moment ago: join it.
        if (created.status === 422)
          return { retry: await watch.time(findIntegration(z, bundle, companyId)) };
        return { written: created.data };
      },
      kept: (current, written) =>
        current && current.state !== 'disabled' && hasAllUrls(configOf(current), urls)
          ? {
              integrationId: String(current.id),
              signingKey: current.signing_key ?? written.signing_key ?? null,
            }
          : undefined,
    },
  );
  if (registration) return registration;
  throw new z.errors.Error(
    `CallRail did not keep this Zap's webhook for company ${companyId}: other Zaps or tools kept rewriting the company's webhook settings at the same moment. Turn the Zap on again in a minute.`,
    'WebhookNotKept',
    409,
  );
};

/**
 * Removes only this Zap's URLs from one company; the integration and every other URL stay. Never
 * deletes. Read, write, settle, read back (3 requests when nobody competes), converging (src/webhookConverge.ts):
 * a write made at the same moment from an older read may put the URLs back.
 */
export const unsubscribe = async (
  z: ZObject,
  bundle: Bundle,
  { integrationId, companyId, urls }: { integrationId?: string } & Partial<CompanyHook>,
): Promise<{ removed: boolean }> => {
  const wanted = urls ?? {};
  if (entriesOf(wanted).length === 0) return { removed: false };
  const watch = stopwatch();
  const byId =
    integrationId === undefined
      ? null
      : await watch.time(readIntegration(z, bundle, integrationId));
  const integration =
    byId && byId.status !== 404
      ? byId.data
      : companyId
        ? await watch.time(findIntegration(z, bundle, companyId))
        : undefined;
  if (!integration || !hasAnyUrl(configOf(integration), wanted)) return { removed: false };
  const removed = await converge(z, bundle, watch, integration, {
    companyId,
    write: async (current) => {
      // Never undefined here: a read-back without the integration ends the loop as removed.
      const target = current ?? integration;
      await watch.time(
        writeConfig(
          z,
          bundle,
          { ...target, state: undefined },
          withoutUrls(configOf(target), wanted),
        ),
      );
      return { written: target };
    },
    kept: (current) => (!current || !hasAnyUrl(configOf(current), wanted) ? true : undefined),
  });
  if (removed) return { removed: true };
  throw new z.errors.Error(
    `CallRail kept putting this Zap's webhook back for company ${companyId ?? integrationId}: other Zaps or tools kept rewriting the company's webhook settings at the same moment. Turn the Zap off again in a minute.`,
    'WebhookNotRemoved',
    409,
  );
};
