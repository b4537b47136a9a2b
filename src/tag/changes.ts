/**
 * Tag edits on a call or a form submission. CallRail's PUT either replaces the tag list or, with
 * `append_tags`, adds to it; it cannot remove one tag. So adding alone needs no read, and removing
 * needs the current tags (one read), after which the whole new list is written in one PUT.
 */

export interface TagEdit {
  add: readonly string[];
  remove: readonly string[];
}

export type TagUpdate =
  | { kind: 'none' }
  /** `{ tags: add, append_tags: true }`: no read needed. */
  | { kind: 'append'; tags: string[] }
  /** Read the current tags first, then write `replacement(current)`. */
  | { kind: 'replace'; replacement: (current: readonly string[]) => string[] };

const sameTag = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const planTagUpdate = ({ add, remove }: TagEdit): TagUpdate => {
  if (remove.length === 0)
    return add.length === 0 ? { kind: 'none' } : { kind: 'append', tags: [...add] };
  return {
    kind: 'replace',
    replacement: (current) => {
      const kept = current.filter((tag) => !remove.some((removed) => sameTag(tag, removed)));
      const added = add.filter((tag) => !kept.some((existing) => sameTag(existing, tag)));
      return [...kept, ...added];
    },
  };
};

/** The tag part of a PUT body: nothing, an append, or the new whole list after one read. */
export const tagBodyOf = async (
  edit: TagEdit,
  readCurrentTags: () => Promise<string[]>,
): Promise<{ tags?: string[]; append_tags?: true }> => {
  const plan = planTagUpdate(edit);
  if (plan.kind === 'append') return { tags: plan.tags, append_tags: true };
  if (plan.kind === 'replace') return { tags: plan.replacement(await readCurrentTags()) };
  return {};
};
