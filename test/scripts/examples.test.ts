import App from '../../index';
import { benchCases, EXAMPLES, examplesFor, type AppOperations } from '../../scripts/examples';
import { invokeArgs, startSteps } from '../../scripts/start';

const app = App as unknown as AppOperations;
const keysOf = (group: 'triggers' | 'creates' | 'searches', hidden: boolean) =>
  Object.values(app[group] ?? {})
    .filter((op) => !!op.display?.hidden === hidden)
    .map((op) => op.key);
const visible = [
  ...keysOf('triggers', false),
  ...keysOf('creates', false),
  ...keysOf('searches', false),
];
const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();

/** The app with one more operation, as another branch would add it. */
const withOperation = (
  group: 'triggers' | 'creates' | 'searches',
  key: string,
  hidden = false,
  operation: { type?: string; inputFields?: unknown[] } = {},
) => ({
  ...app,
  [group]: { ...app[group], [key]: { key, display: { label: 'New', hidden }, operation } },
});

describe('npm start and the bench take their operations from the app definition', () => {
  it('npm start runs every visible operation, and the dropdowns it fills along the way', () => {
    expect(sorted(startSteps(app).map((s) => s.key))).toEqual(
      sorted([
        ...visible,
        ...['company_list', 'company_list_or_all', 'tracking_number_list', 'user_list'],
        'caller_id_list',
      ]),
    );
  });

  it('the bench measures every visible operation, and eight dropdowns', () => {
    expect(sorted(benchCases(app).map((c) => c.planned.key))).toEqual(
      sorted([
        ...visible,
        ...['company_list', 'company_list_or_all', 'tracking_number_list', 'user_list'],
        ...['caller_id_list', 'text_conversation_list', 'form_submission_list', 'tag_list'],
      ]),
    );
  });

  it('every hidden trigger has its row too', () => {
    for (const key of keysOf('triggers', true)) expect([key, key in EXAMPLES]).toEqual([key, true]);
  });

  it.each([
    ['triggers', 'new_tag'],
    ['creates', 'create_tracker'],
    ['searches', 'find_tracking_number'],
  ] as const)('a %s operation without a row (%s) stops both, named', (group, key) => {
    const grown = withOperation(group, key);
    const message = new RegExp(`${group}\\.${key} has no row`);
    expect(() => startSteps(grown)).toThrow(message);
    expect(() => benchCases(grown)).toThrow(message);
  });

  it('a new polling trigger whose inputs are optional filters is polled without a row', () => {
    const grown = withOperation('triggers', 'new_tag', false, {
      type: 'polling',
      inputFields: [{ key: 'company_id', required: false }],
    });
    expect(startSteps(grown).at(-1)?.key).toBe('new_tag');
    expect(benchCases(grown).at(-1)?.benchCase).toMatchObject({ name: 'New poll', maxRequests: 1 });
  });

  it.each([
    ['a required input', [{ key: 'company_id', required: true }]],
    ['dynamic fields', [() => []]],
  ])('but one with %s needs its row', (_what, inputFields) => {
    const grown = withOperation('triggers', 'new_tag', false, { type: 'polling', inputFields });
    expect(() => startSteps(grown)).toThrow(/triggers\.new_tag has no row/);
  });

  it('so does a new hidden trigger', () => {
    expect(() => startSteps(withOperation('triggers', 'tracking_rule_list', true))).toThrow(
      /triggers\.tracking_rule_list has no row/,
    );
  });

  it('a visible operation needs both an npm start step and a bench case', () => {
    const table = { ...EXAMPLES, find_user: { bench: EXAMPLES.find_user?.bench } };
    expect(() => examplesFor(app, table)).toThrow(/searches\.find_user has no npm start step/);
    const noBench = { ...EXAMPLES, find_user: { start: EXAMPLES.find_user?.start, bench: [] } };
    expect(() => examplesFor(app, noBench)).toThrow(/searches\.find_user has no bench case/);
  });

  it('a row for an operation the app no longer has stops them too', () => {
    expect(() => examplesFor(app, { ...EXAMPLES, old_trigger: {} })).toThrow(
      /old_trigger has a row but the app has no such operation/,
    );
  });

  it('runs a hidden trigger as its dropdown and the others as they are', () => {
    const args = Object.fromEntries(startSteps(app).map((s) => [s.key, invokeArgs(s)]));
    expect(args.company_list).toEqual(['trigger', 'company_list', '--isFillingDynamicDropdown']);
    expect(args.new_call).toEqual(['trigger', 'new_call']);
    expect(args.send_sms).toEqual(['create', 'send_sms']);
    expect(args.find_call).toEqual(['search', 'find_call']);
  });

  it('gives every instant trigger events to fire', () => {
    const hooks = Object.values(app.triggers ?? {})
      .filter((op) => (op as { operation?: { type?: string } }).operation?.type === 'hook')
      .map((op) => op.key);
    expect(hooks.length).toBeGreaterThan(0);
    for (const key of hooks) expect([key, typeof EXAMPLES[key]?.fire]).toEqual([key, 'function']);
  });
});
