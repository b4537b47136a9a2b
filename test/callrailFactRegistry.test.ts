import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CALLRAIL_FACTS } from '../src/callrailFactRegistry';

/**
 * A constant's confidence is data in the registry (what `npm run smoke` reports). Where the
 * comment above the constant in src/callrailFacts.ts names confidences too, the registry's must
 * be one of them, so the two never drift apart.
 */
const source = readFileSync(join(__dirname, '..', 'src', 'callrailFacts.ts'), 'utf8');

/** Each exported constant with the doc comment right above it (blank when it has none). */
const documented = [...source.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export const (\w+)/g)]
  .map(([, comment, name]) => ({
    name: name as keyof typeof CALLRAIL_FACTS,
    tags: [...(comment ?? '').matchAll(/\[(DOC\*?|LIVE|CODE|INF)\]/g)].map(([, tag]) => tag),
  }))
  .filter(({ tags }) => tags.length > 0);

describe('the fact registry and src/callrailFacts.ts', () => {
  it('finds the constants whose comments name a confidence', () => {
    expect(documented.length).toBeGreaterThan(5);
  });

  it.each(documented)("$name's registry tag is one its comment names", ({ name, tags }) => {
    expect([name, tags]).toEqual([name, expect.arrayContaining([CALLRAIL_FACTS[name].tag])]);
  });
});
