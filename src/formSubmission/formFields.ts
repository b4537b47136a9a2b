import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE } from '../callrailFacts';
import { accountIdOf } from '../client';
import { readValues } from '../inputs';
import * as read from '../readers';
import { listPage } from './requests';
import { formSubmissionResource } from './resource';

/**
 * The form field names of the chosen company, as output fields, so a Zap can map a form field
 * before a submission with it arrives. Each form field is an entry of the `form_data` output;
 * Zapier shows a nested entry as `parent__child`, so `form_data__<name>` is the key it maps.
 * The names come from the company's recent submissions (no company: the account's), in one
 * request, kept for a while per connection. Nothing here may break the Zap editor: when the
 * names cannot be read, only the static output fields are listed.
 */

/** Long enough for one editing session, short enough that a new form field shows up soon. */
export const FORM_FIELD_NAMES_TTL_SECONDS = 15 * 60;

/** One connection's cache: an account's form fields are never shown to another connection. */
const CACHE_SCOPE = ['auth'];

/** `z.cache` as core implements it: `get` takes the scope too, which its type leaves out. */
interface ScopedCache {
  get: (key: string, scope: string[]) => Promise<unknown>;
  set: (key: string, value: unknown, ttl: number, scope: string[]) => Promise<unknown>;
}

/** Zapier's key for the form field `name` inside the `form_data` output. */
export const formFieldKey = (name: string): string => `form_data__${name}`;

const outputFieldOf = (name: string): PlainOutputField => ({
  key: formFieldKey(name),
  label: `Form Field: ${name}`,
});

/** The one company chosen, if exactly one is (several, "all" or a mapped value: none). */
const oneChosenCompany = (bundle: Bundle): string | undefined => {
  const chosen = readValues([{ key: 'company_id' }], bundle.inputData ?? {}, {
    company_id: read.companies(),
  });
  return 'value' in chosen
    ? read.oneCompanyOf(read.companyIdsOf(chosen.value.company_id))
    : undefined;
};

/** Every form field name in the newest submissions, newest first, each once. */
const fetchFormFieldNames = async (
  z: ZObject,
  bundle: Bundle,
  companyId: string | undefined,
): Promise<string[]> => {
  const page = await listPage(z, bundle, { company_id: companyId }, MAX_PER_PAGE);
  const names = page.items
    .map(formSubmissionResource.normalize)
    // A filter CallRail ignored must still hold.
    .filter((submission) => !companyId || submission.company_id === companyId)
    .flatMap((submission) => Object.keys(submission.form_data));
  return [...new Set(names)];
};

const cachedNames = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((name) => typeof name === 'string') ? value : undefined;

const learnFormFields = async (z: ZObject, bundle: Bundle): Promise<PlainOutputField[]> => {
  const cache: ScopedCache = z.cache;
  try {
    const companyId = oneChosenCompany(bundle);
    const key = `form_field_names:${accountIdOf(z, bundle)}:${companyId ?? 'all'}`;
    const cached = cachedNames(await cache.get(key, CACHE_SCOPE).catch(() => undefined));
    if (cached) return cached.map(outputFieldOf);
    const names = await fetchFormFieldNames(z, bundle, companyId);
    await cache.set(key, names, FORM_FIELD_NAMES_TTL_SECONDS, CACHE_SCOPE).catch(() => undefined);
    return names.map(outputFieldOf);
  } catch (error) {
    z.console.log(`Form field names not listed: ${(error as Error).message}`);
    return [];
  }
};

/**
 * The output fields of the chosen company's form fields; none when they cannot be read. What it
 * adds is said once, for the operations reference (scripts/docs.ts).
 */
export const formFieldOutputFields = Object.assign(learnFormFields, {
  description:
    "one per form field seen in the chosen company's recent submissions (the account's when no single company is chosen), keyed `form_data__<name>`",
});
