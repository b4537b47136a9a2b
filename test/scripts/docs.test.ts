import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import App from '../../index';
import {
  OPERATIONS_DOC,
  README,
  renderOperations,
  renderReadmeOperations,
  withReadmeOperations,
} from '../../scripts/docs';
import { conditionalField } from '../../src/fields';

const committedFile = (path: string) => readFileSync(join(__dirname, '..', '..', path), 'utf8');

describe('docs/operations.md', () => {
  it('is what the app definition says today', () => {
    const committed = committedFile(OPERATIONS_DOC);
    const state =
      committed === renderOperations(App)
        ? 'up to date'
        : `${OPERATIONS_DOC} is out of date: run \`npm run docs\` and commit it`;
    expect(state).toBe('up to date');
  });

  it('lists every visible operation and no hidden one', () => {
    const doc = renderOperations(App);
    for (const group of [App.triggers, App.creates, App.searches]) {
      for (const op of Object.values(group ?? {}) as {
        key: string;
        display: { hidden?: boolean };
      }[]) {
        expect([op.key, doc.includes(`- Key: \`${op.key}\``)]).toEqual([
          op.key,
          !op.display.hidden,
        ]);
      }
    }
  });

  it('lists every search-or-create with its label and the search and create it joins', () => {
    const doc = renderOperations(App);
    const joined = Object.values(App.searchOrCreates ?? {});
    expect(joined.length).toBeGreaterThan(0);
    for (const op of joined) {
      const search = (App.searches as Record<string, { display: { label: string } }>)[op.search];
      const create = (App.creates as Record<string, { display: { label: string } }>)[op.create];
      expect(doc).toContain(
        [
          `### ${op.display.label}`,
          '',
          `- Key: \`${op.key}\``,
          `- Search: ${search?.display.label} (\`${op.search}\`)`,
          `- Create: ${create?.display.label} (\`${op.create}\`)`,
          `- Description: ${op.display.description}`,
        ].join('\n'),
      );
    }
    expect(doc).toContain('### Find or Create Tag');
  });

  it('notes fields computed at edit time and operations with nothing listed', () => {
    const doc = renderOperations({
      triggers: {},
      creates: {
        ping: {
          key: 'ping',
          noun: 'Ping',
          display: { label: 'Ping', description: 'Sends a | ping\nnow.' },
          operation: { inputFields: [() => []], outputFields: [() => []] },
        },
      },
    });
    expect(doc).toContain('- Description: Sends a \\| ping now.');
    expect(doc).toContain('None.\n\nPlus 1 set(s) of fields computed when the Zap is edited.');
    expect(doc).toContain('None listed.\n\nPlus output fields computed when the Zap is edited.');
    expect(doc).toMatch(/## Searches\n\nNone\.\n$/);
  });

  it('lists a field shown only for some inputs, saying when', () => {
    const doc = renderOperations({
      creates: {
        ping: {
          key: 'ping',
          noun: 'Ping',
          display: { label: 'Ping', description: 'Sends a ping.' },
          operation: {
            inputFields: [
              { key: 'mode', label: 'Mode', altersDynamicFields: true },
              conditionalField(
                { key: 'loud', label: 'Loud', helpText: 'How loud.' },
                'Mode is "shout"',
                (input) => input.mode === 'shout',
              ),
            ],
          },
        },
      },
    });
    expect(doc).toContain(
      '| `loud` | Loud | string | no | Shown only when Mode is "shout". How loud. |',
    );
    expect(doc).not.toContain('computed when the Zap is edited');
  });
});

describe('the operation table in README.md', () => {
  it('is what the app definition says today', () => {
    const committed = committedFile(README);
    const state =
      committed === withReadmeOperations(committed, App)
        ? 'up to date'
        : `${README}'s operation table is out of date: run \`npm run docs\` and commit it`;
    expect(state).toBe('up to date');
  });

  it('has a row for every visible operation and search-or-create, and names the hidden ones', () => {
    const table = renderReadmeOperations(App);
    const groups = { triggers: 'Trigger', creates: 'Action', searches: 'Search' } as const;
    for (const [group, kind] of Object.entries(groups)) {
      for (const op of Object.values(App[group as keyof typeof groups] ?? {}) as {
        key: string;
        display: { label: string; hidden?: boolean };
      }[]) {
        const row = new RegExp(
          `^\\| ${kind} +\\| \`${op.key}\` +\\| \\*\\*${op.display.label.replace(/[()]/g, '\\$&')}\\*\\*`,
          'm',
        );
        expect([op.key, row.test(table)]).toEqual([op.key, !op.display.hidden]);
        if (op.display.hidden)
          expect(table).toMatch(new RegExp(`Hidden triggers.*\`${op.key}\``, 's'));
      }
    }
    expect(table).toMatch(
      /^\| Search or create \| `find_tag` +\| \*\*Find or Create Tag\*\*: `find_tag`, then `create_tag`/m,
    );
  });

  it('refuses a README whose markers are gone instead of writing it blindly', () => {
    expect(() => withReadmeOperations('# No table here\n', App)).toThrow(
      /README\.md has lost its markers/,
    );
  });
});
