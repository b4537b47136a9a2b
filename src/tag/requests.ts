import type { Bundle, ZObject } from 'zapier-platform-core';

import { MAX_PER_PAGE, type TagColor } from '../callrailFacts';
import { callRail, itemsOf } from '../client';
import { presentValues, type Raw } from '../fieldTable';
import { tagResource, type TagOutput } from './resource';

const LIST_ENDPOINT = 'the tag list (tags.json)';

/** One page (CallRail's, 1-based) of the account's tags, optionally of one company and matching a search. */
export const listTags = async (
  z: ZObject,
  bundle: Bundle,
  {
    companyId,
    search,
    page = 1,
  }: { companyId?: string | undefined; search?: string; page?: number },
): Promise<TagOutput[]> => {
  const body = await callRail<unknown>(z, bundle, {
    path: 'tags.json',
    params: { company_id: companyId, search, per_page: MAX_PER_PAGE, page },
    context: {
      action: 'list your tags',
      ...(companyId ? { resource: `company ${companyId}` } : {}),
    },
  });
  return itemsOf<Raw>(z, body, 'tags', LIST_ENDPOINT).map(tagResource.normalize);
};

const sameName = (a: string | null, b: string) =>
  (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Tags named `name` (case aside): with a company, that company's tag first, then an
 * account-level one (which applies to every company); without, account-level tags first.
 * CallRail is asked for the name only: a company filter might hide account-level tags, and
 * every returned name is compared here anyway, in case CallRail ignores `search`.
 */
export const findTagsNamed = async (
  z: ZObject,
  bundle: Bundle,
  { name, companyId }: { name: string; companyId?: string },
): Promise<TagOutput[]> => {
  const named = (await listTags(z, bundle, { search: name })).filter((tag) =>
    sameName(tag.name, name),
  );
  const accountLevel = named.filter((tag) => tag.company_id === null);
  if (companyId) {
    return [...named.filter((tag) => tag.company_id === companyId), ...accountLevel];
  }
  return [...accountLevel, ...named.filter((tag) => tag.company_id !== null)];
};

export interface NewTag {
  name: string;
  companyId?: string | undefined;
  color?: TagColor | undefined;
}

/** POST tags.json, sent once; the output is what was sent, completed by CallRail's answer. */
export const createTag = async (z: ZObject, bundle: Bundle, tag: NewTag): Promise<TagOutput> => {
  const body = {
    name: tag.name,
    ...(tag.companyId === undefined ? {} : { company_id: tag.companyId }),
    ...(tag.color === undefined ? {} : { color: tag.color }),
  };
  const answer = await callRail<unknown>(z, bundle, {
    method: 'POST',
    path: 'tags.json',
    body,
    context: {
      action: 'create the tag',
      ...(tag.companyId ? { resource: `company ${tag.companyId}` } : {}),
      isWrite: true,
      notFoundHint: 'Choose the company from the dropdown, or leave it empty for an account tag.',
    },
  });
  return tagResource.normalize({
    tag_level: tag.companyId ? 'company' : 'account',
    ...body,
    ...presentValues(answer),
  });
};
