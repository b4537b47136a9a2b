import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import App from '../../index';
import { OPERATIONS_DOC, renderOperations } from '../../scripts/docs';

describe('docs/operations.md', () => {
  it('is what the app definition says today', () => {
    const committed = readFileSync(join(__dirname, '..', '..', OPERATIONS_DOC), 'utf8');
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

  it('notes fields computed at edit time and operations with nothing listed', () => {
    const doc = renderOperations({
      triggers: {},
      creates: {
        ping: {
          key: 'ping',
          noun: 'Ping',
          display: { label: 'Ping', description: 'Sends a | ping\nnow.' },
          operation: { inputFields: [() => []], outputFields: [] },
        },
      },
    });
    expect(doc).toContain('- Description: Sends a \\| ping now.');
    expect(doc).toContain('None.\n\nPlus 1 set(s) of fields computed when the Zap is edited.');
    expect(doc).toContain('None listed.');
    expect(doc).toMatch(/## Searches\n\nNone\.\n$/);
  });
});
