import App from '../index';

type Field = { key: string; label?: string; dynamic?: string; choices?: unknown; type?: string };
type Operation = {
  inputFields?: unknown[];
  sample?: Record<string, unknown>;
  outputFields?: Field[];
};
type Action = {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: Operation;
};

const groups = {
  triggers: App.triggers,
  creates: App.creates,
  searches: App.searches,
} as unknown as Record<string, Record<string, Action>>;
const actions = Object.entries(groups).flatMap(([group, byKey]) =>
  Object.values(byKey).map((action) => ({ group, action })),
);
const visible = actions.filter(({ action }) => !action.display.hidden);
const staticFields = (action: Action) =>
  (action.operation.inputFields ?? []).filter(
    (field): field is Field => typeof field === 'object' && field !== null,
  );

const SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'the', 'to', 'for', 'in', 'on']);
const isTitleCase = (label: string) =>
  label
    .replace(/[()]/g, '')
    .split(/\s+/)
    .every((word, index) => (index > 0 && SMALL_WORDS.has(word)) || /^[A-Z0-9]/.test(word));

/** IDs no CallRail endpoint lists, so there is nothing to offer (a website visitor's session). */
const NOTHING_TO_CHOOSE = new Set(['session_id']);

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

// The integration checks Zapier runs on its servers (D004, D010, D012, D018, D021, D023, D024),
// held here so that every operation, now and later, meets them.
describe.each(visible.map(({ group, action }) => [`${group}.${action.key}`, action]))(
  '%s',
  (_name, action) => {
    it('has a Title Case label and a described purpose', () => {
      expect(isTitleCase(action.display.label)).toBe(true);
      expect(action.display.description.length).toBeGreaterThan(20);
      expect(action.display.description.endsWith('.')).toBe(true);
    });

    it('has a sample with an id, ISO-8601 dates with offsets, and labelled output fields for it', () => {
      const { sample, outputFields } = action.operation;
      expect(sample).toBeDefined();
      expect(typeof sample?.id).toBe('string');
      const labelled = new Set((outputFields ?? []).map((field) => field.key));
      for (const [key, value] of Object.entries(sample ?? {})) {
        expect(labelled).toContain(key);
        if (/(_at|_time|_date)$/.test(key) && value !== null)
          expect(String(value)).toMatch(ISO_WITH_OFFSET);
      }
      for (const field of outputFields ?? []) expect(isTitleCase(field.label ?? '')).toBe(true);
    });

    it('offers a dropdown for every ID input', () => {
      for (const field of staticFields(action)) {
        if (/(^|_)id$/.test(field.key) && !NOTHING_TO_CHOOSE.has(field.key))
          expect(field.dynamic ?? field.choices).toBeDefined();
        expect(isTitleCase(field.label ?? '')).toBe(true);
      }
    });
  },
);

describe('triggers', () => {
  it.each(
    visible.filter(({ group }) => group === 'triggers').map(({ action }) => [action.key, action]),
  )('%s says when it triggers', (_key, action) => {
    expect(action.display.description).toMatch(/^Triggers when .+\.$/);
  });

  it('point every dropdown at a trigger that exists', () => {
    const triggerKeys = Object.keys(groups.triggers ?? {});
    for (const { action } of actions) {
      for (const field of staticFields(action)) {
        if (field.dynamic) expect(triggerKeys).toContain(field.dynamic.split('.')[0]);
      }
    }
  });
});
