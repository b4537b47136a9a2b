/**
 * `npm run docs`: writes docs/operations.md, the reference of every visible operation, from the
 * app definition itself (index.ts), so operations added later appear without touching this file.
 * test/scripts/docs.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import App from '../index';

type Field = {
  key?: string;
  label?: string;
  type?: string;
  required?: boolean;
  helpText?: string;
  dynamic?: string;
  list?: boolean;
  choices?: unknown;
};
type Operation = {
  key?: string;
  noun?: string;
  display?: { label?: string; description?: string; hidden?: boolean };
  operation?: { type?: string; inputFields?: unknown[]; outputFields?: unknown[] };
};

const GROUPS = [
  ['triggers', 'Triggers', 'trigger'],
  ['creates', 'Actions', 'action (create)'],
  ['searches', 'Searches', 'search'],
] as const;

export const OPERATIONS_DOC = join('docs', 'operations.md');

/** Plain text for one table cell: one line, pipes escaped. */
const cell = (value: unknown): string =>
  String(value ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim() || '—';

const isField = (value: unknown): value is Field =>
  typeof value === 'object' && value !== null && typeof (value as Field).key === 'string';

const typeOf = (field: Field): string => {
  const base = field.type ?? 'string';
  const extras = [
    field.list ? 'list' : '',
    field.dynamic ? `dropdown (${field.dynamic})` : '',
    field.choices ? 'choices' : '',
  ].filter(Boolean);
  return extras.length > 0 ? `${base}, ${extras.join(', ')}` : base;
};

const renderOperation = (kind: string, op: Operation): string[] => {
  const lines = [
    `### ${op.display?.label ?? op.key}`,
    '',
    `- Key: \`${op.key}\``,
    `- Kind: ${kind}${op.operation?.type ? ` (${op.operation.type})` : ''}`,
    `- Noun: ${op.noun ?? '—'}`,
    `- Description: ${cell(op.display?.description)}`,
    '',
  ];
  const inputs = (op.operation?.inputFields ?? []).filter(isField);
  const dynamicInputs = (op.operation?.inputFields ?? []).length - inputs.length;
  lines.push('Input fields:', '');
  if (inputs.length === 0) {
    lines.push('None.', '');
  } else {
    lines.push('| Key | Label | Type | Required | Help |', '| --- | --- | --- | --- | --- |');
    for (const field of inputs) {
      lines.push(
        `| \`${field.key}\` | ${cell(field.label)} | ${cell(typeOf(field))} | ${field.required ? 'yes' : 'no'} | ${cell(field.helpText)} |`,
      );
    }
    lines.push('');
  }
  if (dynamicInputs > 0) {
    lines.push(`Plus ${dynamicInputs} set(s) of fields computed when the Zap is edited.`, '');
  }
  const outputs = (op.operation?.outputFields ?? []).filter(isField);
  lines.push('Output fields:', '');
  if (outputs.length === 0) {
    lines.push('None listed.', '');
  } else {
    lines.push('| Key | Label |', '| --- | --- |');
    for (const field of outputs) lines.push(`| \`${field.key}\` | ${cell(field.label)} |`);
    lines.push('');
  }
  return lines;
};

/** The reference as Markdown; the same app always gives the same text. */
export const renderOperations = (app: object = App): string => {
  const lines = [
    '# Operations',
    '',
    '<!-- Generated from the app definition by `npm run docs` (scripts/docs.ts). Do not edit. -->',
    '',
    'Every operation a Zapier user can pick. Hidden operations (the sources of dropdowns) are left',
    'out. Keys are public: never rename one that shipped.',
    '',
  ];
  for (const [group, title, kind] of GROUPS) {
    const operations = Object.values(
      ((app as Record<string, unknown>)[group] ?? {}) as Record<string, Operation>,
    )
      .filter((op) => !op.display?.hidden)
      .sort((a, b) => String(a.key).localeCompare(String(b.key), 'en'));
    lines.push(`## ${title}`, '');
    if (operations.length === 0) lines.push('None.', '');
    for (const op of operations) lines.push(...renderOperation(kind, op));
  }
  return `${lines.join('\n').trimEnd()}\n`;
};

if (require.main === module) {
  const target = join(resolve(__dirname, '..', '..'), OPERATIONS_DOC);
  writeFileSync(target, renderOperations());
  console.log(`Wrote ${OPERATIONS_DOC}.`);
}
