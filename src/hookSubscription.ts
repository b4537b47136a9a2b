import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_INSTANT_COMPANIES, MAX_PER_PAGE } from './callrailFacts';
import { listActiveCompanies } from './company/requests';
import { invalidInput } from './inputs';
import type { CompanySelection } from './readers';
import { subscribe, unsubscribe, type EventUrls } from './webhookIntegration';

/**
 * What an instant Zap holds of its companies' Webhooks integrations (Zapier keeps it as
 * `bundle.subscribeData`), and how it gets there: each company subscribed exactly as one company
 * always was (src/webhookIntegration.ts), a few at a time, all or none.
 */

/** One company's part: its integration and its signing key. */
export interface CompanySubscription {
  company_id: string;
  /** The integration's id. */
  id: string;
  signing_key: string;
}

/**
 * One company: its part at the top level, the shape Zaps saved before several companies existed.
 * Several companies: each in `companies`; the top level holds no key, and as `id` (which Zapier's
 * subscription types expect) the integrations' ids.
 */
export type Subscription = Partial<CompanySubscription> & {
  urls: EventUrls;
  companies?: CompanySubscription[];
};

/** How many companies are subscribed at once: CallRail's limits are hourly, Zapier's wait is not. */
export const SUBSCRIBE_CONCURRENCY = 5;

/** Each company's part of a subscription, whichever shape Zapier hands back. */
export const companiesOf = (subscription: Partial<Subscription>): Partial<CompanySubscription>[] =>
  subscription.companies ?? [subscription];

/** `task` on every item, a few at a time; `stopOnFailure`: none started after one failed. */
const eachBounded = async <T, R>(
  items: readonly T[],
  task: (item: T) => Promise<R>,
  { stopOnFailure }: { stopOnFailure: boolean },
): Promise<{ done: R[]; failed: { item: T; error: unknown }[] }> => {
  const done: R[] = [];
  const failed: { item: T; error: unknown }[] = [];
  const queue = [...items];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      if (stopOnFailure && failed.length > 0) return;
      await task(item).then(
        (result) => done.push(result),
        (error: unknown) => failed.push({ item, error }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(SUBSCRIBE_CONCURRENCY, items.length) }, worker));
  return { done, failed };
};

/** Every active company of the account, 250 a page. */
const allActiveCompanies = async (z: ZObject, bundle: Bundle): Promise<string[]> => {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const companies = await listActiveCompanies(z, bundle, { page });
    ids.push(...companies.map((company) => company.id));
    if (companies.length < MAX_PER_PAGE) return ids;
  }
};

/** The companies an instant Zap watches: those chosen, or every active one; at most 25. */
export const companiesToWatch = async (
  z: ZObject,
  bundle: Bundle,
  selection: CompanySelection,
  pollingTwin: string,
): Promise<string[]> => {
  const ids = selection.all ? await allActiveCompanies(z, bundle) : selection.ids;
  if (ids.length === 0) {
    throw invalidInput(z, 'The account has no active company to watch.');
  }
  if (ids.length > MAX_INSTANT_COMPANIES) {
    throw invalidInput(
      z,
      `An instant trigger watches at most ${MAX_INSTANT_COMPANIES} companies (each costs CallRail requests when the Zap is turned on or off); ${selection.all ? 'the account has' : 'this Zap chose'} ${ids.length}. Use ${pollingTwin}, which covers any number of companies, or split the companies across Zaps.`,
    );
  }
  return ids;
};

/**
 * One company, as one company always was: a subscribe that could not make its URLs stick takes
 * them back out, and so does one whose signing key CallRail did not share (unsigned webhooks
 * could not be told from forged ones).
 */
const subscribeCompany = async (
  z: ZObject,
  bundle: Bundle,
  companyId: string,
  urls: EventUrls,
): Promise<CompanySubscription> => {
  const registration = await subscribe(z, bundle, { companyId, urls }).catch(
    async (error: unknown) => {
      await unsubscribe(z, bundle, { companyId, urls }).catch(() => undefined);
      throw error;
    },
  );
  if (!registration.signingKey) {
    await unsubscribe(z, bundle, { integrationId: registration.integrationId, urls });
    throw new z.errors.Error(
      `CallRail did not share company ${companyId}'s webhook signing key with this API key, so this Zap could not tell CallRail's webhooks from forged ones. Reconnect with the key of a CallRail user who may manage the company's integrations (usually an admin), or use the polling version of this trigger.`,
      'SigningKeyUnavailable',
      403,
    );
  }
  return {
    company_id: companyId,
    id: registration.integrationId,
    signing_key: registration.signingKey,
  };
};

const removeFrom =
  (z: ZObject, bundle: Bundle, urls: EventUrls) => (part: Partial<CompanySubscription>) =>
    unsubscribe(z, bundle, {
      ...(part.id ? { integrationId: part.id } : {}),
      ...(part.company_id ? { companyId: part.company_id } : {}),
      urls,
    });

/**
 * The error of one company's subscribe, saying which company and that none was left subscribed.
 * Zapier's own errors carry their message as JSON (with a code and status), kept as they are.
 */
const naming = (companyId: string, error: unknown): Error => {
  const failure = error instanceof Error ? error : new Error(String(error));
  const told = (text: string) =>
    `${text.includes(companyId) ? '' : `Company ${companyId}: `}${text} The Zap was not turned on for any of its companies.`;
  let detail: unknown;
  try {
    detail = JSON.parse(failure.message);
  } catch {
    detail = undefined;
  }
  failure.message =
    typeof detail === 'object' && detail !== null && 'message' in detail
      ? JSON.stringify({ ...detail, message: told(String(detail.message)) })
      : told(failure.message);
  return failure;
};

/**
 * Adds the Zap's URLs to every company. When one fails, the URLs come back out of the others
 * and the error names the company.
 */
export const subscribeCompanies = async (
  z: ZObject,
  bundle: Bundle,
  companyIds: readonly string[],
  urls: EventUrls,
): Promise<Subscription> => {
  if (companyIds.length === 1) {
    return { ...(await subscribeCompany(z, bundle, companyIds[0] as string, urls)), urls };
  }
  const { done, failed } = await eachBounded(
    companyIds,
    (companyId) => subscribeCompany(z, bundle, companyId, urls),
    { stopOnFailure: true },
  );
  const [failure] = failed;
  if (!failure) return { id: done.map((part) => part.id).join(','), urls, companies: done };
  await eachBounded(done, removeFrom(z, bundle, urls), { stopOnFailure: false });
  throw naming(failure.item, failure.error);
};

/** Takes the Zap's URLs out of every company it holds; tries them all, then names any left. */
export const unsubscribeCompanies = async (
  z: ZObject,
  bundle: Bundle,
  subscription: Partial<Subscription>,
): Promise<{ removed: boolean }> => {
  const urls = subscription.urls ?? {};
  const parts = companiesOf(subscription);
  if (parts.length === 1) return removeFrom(z, bundle, urls)(parts[0] as CompanySubscription);
  const { done, failed } = await eachBounded(parts, removeFrom(z, bundle, urls), {
    stopOnFailure: false,
  });
  if (failed.length > 0) {
    const messages = failed.map(({ error }) =>
      error instanceof Error ? error.message : String(error),
    );
    throw new z.errors.Error(
      `This Zap's webhook is still in the CallRail webhook settings of ${failed.map(({ item }) => item.company_id).join(', ')}: ${messages.join(' ')}`,
      'WebhookNotRemoved',
      409,
    );
  }
  return { removed: done.some((result) => result.removed) };
};
