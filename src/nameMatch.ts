/**
 * Ranks what a CallRail `search` returned against what the user typed. CallRail's search may
 * match loosely (other fields, parts of words), so each row is checked here: an exact name
 * (ignoring case and outer space) first, then names containing the query; anything else is not
 * a match. Within each group, active records come before disabled ones and the API's order is
 * kept.
 */
export const rankByName = <T extends { name: string | null; status: string | null }>(
  rows: readonly T[],
  query: string,
): T[] => {
  const wanted = query.trim().toLowerCase();
  const scored = rows.flatMap((row, index) => {
    const name = (row.name ?? '').trim().toLowerCase();
    // No name asked for (a search by number): every row matches alike.
    const closeness = wanted === '' || name === wanted ? 0 : name.includes(wanted) ? 1 : null;
    if (closeness === null) return [];
    return [{ row, index, rank: closeness * 2 + (row.status === 'disabled' ? 1 : 0) }];
  });
  return scored.sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ row }) => row);
};
