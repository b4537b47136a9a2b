import type { Handler, RequestContext } from '../http';
import { ApiError, bodyObject, NOT_FOUND, ok, requireString } from '../http';
import { offsetPage } from '../pagination';
import type { Json, TagRecord } from '../types';

/** [LIVE] The 24 colours CallRail accepts; anything else is a 400, with CallRail's words. */
export const TAG_COLORS: readonly string[] = [
  ...['gray', 'blue', 'cyan', 'purple', 'red', 'yellow'].flatMap((c) => [`${c}1`, `${c}2`]),
  ...['pink', 'orange', 'green'].flatMap((c) => [1, 2, 3, 4].map((n) => `${c}${n}`)),
];
export const BAD_COLOR = 'Color is not included in the list';

export const tagView = (tag: TagRecord): Json => ({
  id: tag.id,
  name: tag.name,
  tag_level: tag.company_id ? 'company' : 'account',
  color: tag.color,
  background_color: tag.color,
  company_id: tag.company_id,
  status: tag.status,
  created_at: tag.created_at,
});

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A company tag of that name, else an account-wide one. */
export const findTag = (
  ctx: RequestContext,
  name: string,
  companyId: string | null,
): TagRecord | undefined =>
  ctx.store.tags.find(
    (t) => t.account_id === ctx.account.id && t.company_id === companyId && sameName(t.name, name),
  ) ??
  ctx.store.tags.find(
    (t) => t.account_id === ctx.account.id && t.company_id === null && sameName(t.name, name),
  );

/** Creates a tag; calls do this for tag names CallRail does not know yet (at the company level). */
export const addTag = (
  ctx: RequestContext,
  name: string,
  companyId: string | null,
  color = 'gray1',
): TagRecord => {
  const tag: TagRecord = {
    id: ctx.store.nextTagId(),
    account_id: ctx.account.id,
    name,
    company_id: companyId,
    color,
    status: 'enabled',
    created_at: ctx.now().toISOString(),
  };
  ctx.store.tags.push(tag);
  return tag;
};

/** GET tags.json: `company_id` (that company's tags only) and `search` (in the name). */
export const listTags: Handler = (ctx) => {
  const companyId = ctx.query.get('company_id');
  const search = ctx.query.get('search')?.trim().toLowerCase();
  const tags = ctx.store.tags
    .filter((t) => t.account_id === ctx.account.id)
    .filter((t) => !companyId || t.company_id === companyId)
    .filter((t) => !search || t.name.toLowerCase().includes(search));
  return offsetPage(ctx, tags, 'tags', tagView);
};

const checkColor = (color: unknown): string | undefined => {
  if (color === undefined || color === null) return undefined;
  if (typeof color !== 'string' || !TAG_COLORS.includes(color)) throw new ApiError(400, BAD_COLOR);
  return color;
};

/** POST tags.json: `name`, optional `company_id` (none: account-wide) and `color`. */
export const createTag: Handler = (ctx) => {
  const body = bodyObject(ctx);
  const name = requireString(body, 'name').trim();
  const color = checkColor(body.color);
  let companyId: string | null = null;
  if (body.company_id !== undefined && body.company_id !== null && body.company_id !== '') {
    const company = ctx.store.companyIn(ctx.account.id, String(body.company_id));
    if (!company) throw new ApiError(404, NOT_FOUND);
    companyId = company.id;
  }
  const existing = findTag(ctx, name, companyId);
  if (existing && existing.company_id === companyId) {
    throw new ApiError(422, 'Name has already been taken');
  }
  return ok(tagView(addTag(ctx, name, companyId, color)), 201);
};

const tagOf = (ctx: RequestContext, id: string | undefined): TagRecord => {
  const tag = ctx.store.tags.find((t) => t.account_id === ctx.account.id && String(t.id) === id);
  if (!tag) throw new ApiError(404, NOT_FOUND);
  return tag;
};

/** PUT tags/{id}.json: a new `name` and/or `color`. Calls keep showing the new name. */
export const updateTag: Handler = (ctx, [, id]) => {
  const tag = tagOf(ctx, id);
  const body = bodyObject(ctx);
  const color = checkColor(body.color);
  if (color) tag.color = color;
  if (typeof body.name === 'string' && body.name.trim() !== '') {
    const renamed = body.name.trim();
    for (const call of ctx.store.calls) {
      if (call.account_id === tag.account_id)
        call.tags = call.tags.map((t) => (t === tag.name ? renamed : t));
    }
    tag.name = renamed;
  }
  return ok(tagView(tag));
};

/** DELETE tags/{id}.json: 204, and the tag leaves the calls that had it. */
export const deleteTag: Handler = (ctx, [, id]) => {
  const tag = tagOf(ctx, id);
  ctx.store.tags.splice(ctx.store.tags.indexOf(tag), 1);
  for (const call of ctx.store.calls) {
    if (call.account_id === tag.account_id) call.tags = call.tags.filter((t) => t !== tag.name);
  }
  return { status: 204 };
};
