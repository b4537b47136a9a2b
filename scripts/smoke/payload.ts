import type { FieldSpec, FieldTable, Raw } from '../../src/fieldTable';

/**
 * Holds a CallRail object to a resource's field table: every raw key the table reads is there
 * (null allowed), with a value the table's type can take. Derived fields (`read`) are checked
 * through the key they ask CallRail for, when they name one.
 */

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** ISO-8601 with a time and an offset, as every CallRail timestamp is. */
const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;

const describe = (value: unknown): string =>
  Array.isArray(value)
    ? 'a list'
    : value === null
      ? 'null'
      : `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);

/** Null when the value fits the field's type, else what it is. */
export const typeProblem = (spec: FieldSpec, value: unknown): string | null => {
  if (value === null) return null;
  const fits =
    spec.nested === 'object'
      ? isRecord(value)
      : spec.nested === 'objects' || spec.list
        ? Array.isArray(value)
        : spec.primary
          ? typeof value === 'string' || typeof value === 'number'
          : spec.type === 'number'
            ? typeof value === 'number'
            : spec.type === 'integer'
              ? Number.isInteger(value)
              : spec.type === 'boolean'
                ? typeof value === 'boolean'
                : spec.type === 'datetime'
                  ? typeof value === 'string' && ISO_WITH_OFFSET.test(value)
                  : ['string', 'number', 'boolean'].includes(typeof value);
  const expected = spec.nested ?? (spec.list ? 'list' : (spec.type ?? 'string'));
  return fits ? null : `expected ${expected}, got ${describe(value)}`;
};

/** `fields=` mode: every name the table asks for is in the object, typed as the table says. */
export const requestedProblems = (table: FieldTable, raw: Raw): string[] => {
  const problems = new Set<string>();
  for (const [key, spec] of Object.entries(table)) {
    if (spec.request === undefined) continue;
    if (!(spec.request in raw)) {
      problems.add(`${spec.request} missing`);
      continue;
    }
    // A derived field reads its own shape out of the value; only its presence is checked.
    const problem = spec.read ? null : typeProblem(spec, raw[spec.request]);
    if (problem) problems.add(`${key}: ${problem}`);
  }
  return [...problems];
};

/** Default-payload mode: every raw key a direct field reads is there, typed as the table says. */
export const payloadProblems = (table: FieldTable, raw: Raw): string[] =>
  Object.entries(table).flatMap(([key, spec]) => {
    if (spec.read) return [];
    const keys = spec.from ?? [key];
    const found = keys.find((candidate) => candidate in raw);
    if (found === undefined) return [`${keys.join(' or ')} missing`];
    const problem = typeProblem(spec, raw[found]);
    return problem ? [`${found}: ${problem}`] : [];
  });

/** Problems of several objects, each named once, with how many objects had it. */
export const problemsOfAll = (items: readonly Raw[], check: (raw: Raw) => string[]): string[] => {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const problem of check(item)) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  }
  return [...counts].map(([problem, count]) => `${problem} (${count} of ${items.length})`);
};
