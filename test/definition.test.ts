import App from '../index';
import { appTester, authData, requestsDuring } from './helpers';
import { operation } from './operations';

type Field = {
  key: string;
  label?: string;
  helpText?: string;
  dynamic?: string;
  choices?: unknown;
  type?: string;
  dependsOn?: string[];
};
type Operation = {
  inputFields?: unknown[];
  sample?: Record<string, unknown>;
  outputFields?: unknown[];
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
const searchOrCreates = Object.values(App.searchOrCreates ?? {}) as unknown as {
  key: string;
  display: { label: string; description: string };
}[];
const actions = Object.entries(groups).flatMap(([group, byKey]) =>
  Object.values(byKey).map((action) => ({ group, action })),
);
const visible = actions.filter(({ action }) => !action.display.hidden);
const isField = (field: unknown): field is Field =>
  typeof field === 'object' && field !== null && typeof (field as Field).key === 'string';
/** Plain input fields, and each field shown only for some inputs (`conditionalField`). */
const staticFields = (action: Action): Field[] =>
  (action.operation.inputFields ?? []).flatMap((field) => {
    if (isField(field)) return [field];
    const shown = typeof field === 'function' ? (field as { field?: unknown }).field : undefined;
    return isField(shown) ? [shown] : [];
  });
/** Output fields listed in the definition (a function adds more when the Zap is edited). */
const staticOutputFields = (action: Action): Field[] =>
  (action.operation.outputFields ?? []).filter(isField);

const SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'the', 'to', 'for', 'in', 'on']);
const isTitleCase = (label: string) =>
  label
    .replace(/[()]/g, '')
    .split(/\s+/)
    .every((word, index) => (index > 0 && SMALL_WORDS.has(word)) || /^[A-Z0-9]/.test(word));

/** ID keys (public, so they stay) with nothing to list: a website visitor's session. Their
 * labels must not present them as IDs (D004). */
const NOTHING_TO_CHOOSE = new Set(['session_id']);

/** D008: links are Markdown links or code; what is left of a help text holds no bare URL. */
const bareUrls = (text: string) =>
  text
    .replace(/`[^`]*`/g, '')
    .replace(/\[[^\]]*\]\(https:\/\/[^)\s]+\)/g, '')
    .match(/(https?:\/\/|www\.)\S+/g) ?? [];

/** The publishing guidelines' opening verb for each kind of operation. */
const OPENING: Record<string, RegExp> = {
  triggers: /^Triggers when /,
  creates: /^(Creates|Sends|Updates) /,
  searches: /^Finds /,
};

/** Words other than a sentence's first that are capitalised like a name ("Call", "CallRail");
 * acronyms (SMS, ID) are not nouns written in capitals. */
const capitalisedWords = (description: string) =>
  description
    .split(/(?<=\.)\s+/)
    .flatMap((sentence) => sentence.split(/\s+/).slice(1))
    .filter((word) => /^\W*[A-Z][a-z]/.test(word));

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

// The integration checks Zapier runs on its servers (D004, D008, D010, D012, D018, D021, D023,
// D024) and its publishing guidelines for descriptions, held here so that every operation, now
// and later, meets them.
describe.each(
  visible.map(({ group, action }) => [`${group}.${action.key}`, group, action] as const),
)('%s', (_name, group, action) => {
  it('has a Title Case label and a described purpose', () => {
    expect(isTitleCase(action.display.label)).toBe(true);
    expect(action.display.description.length).toBeGreaterThan(20);
    expect(action.display.description.endsWith('.')).toBe(true);
  });

  it('describes itself as the guidelines ask: opening verb, no app name, no capitalised noun', () => {
    const { description } = action.display;
    expect(description).toMatch(OPENING[group] ?? /^$/);
    expect(description).not.toMatch(/callrail/i);
    expect(capitalisedWords(description)).toEqual([]);
  });

  it('writes links in help texts as Markdown links or code, never bare (D008)', () => {
    for (const field of staticFields(action)) expect(bareUrls(field.helpText ?? '')).toEqual([]);
  });

  it('has a sample with an id, ISO-8601 dates with offsets, and labelled output fields for it', () => {
    const { sample } = action.operation;
    const outputFields = staticOutputFields(action);
    expect(sample).toBeDefined();
    expect(typeof sample?.id).toBe('string');
    const labelled = new Set(outputFields.map((field) => field.key));
    for (const [key, value] of Object.entries(sample ?? {})) {
      expect(labelled).toContain(key);
      if (/(_at|_time|_date)$/.test(key) && value !== null)
        expect(String(value)).toMatch(ISO_WITH_OFFSET);
    }
    for (const field of outputFields) expect(isTitleCase(field.label ?? '')).toBe(true);
  });

  it('offers a dropdown for every ID input, or does not present it as an ID (D004)', () => {
    for (const field of staticFields(action)) {
      const dropdown = field.dynamic ?? field.choices;
      if (/\bIDs?\b/i.test(field.label ?? '')) expect(dropdown).toBeDefined();
      if (/(^|_)id$/.test(field.key) && !NOTHING_TO_CHOOSE.has(field.key))
        expect(dropdown).toBeDefined();
      expect(isTitleCase(field.label ?? '')).toBe(true);
    }
  });
});

describe.each(searchOrCreates.map((entry) => [entry.key, entry] as const))(
  'searchOrCreates.%s',
  (_key, entry) => {
    it('has a Title Case label and finds, as the guidelines ask', () => {
      expect(isTitleCase(entry.display.label)).toBe(true);
      expect(entry.display.description).toMatch(/^Finds .+\.$/);
      expect(entry.display.description).not.toMatch(/callrail/i);
      expect(capitalisedWords(entry.display.description)).toEqual([]);
    });
  },
);

describe('authentication', () => {
  it('writes links in help texts as Markdown links or code, never bare (D008)', () => {
    const fields = (App.authentication?.fields ?? []) as Field[];
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(bareUrls(field.helpText ?? '')).toEqual([]);
  });
});

describe('bareUrls (D008)', () => {
  it.each([
    ['e.g. https://www.example.com/contact.', ['https://www.example.com/contact.']],
    ['see www.callrail.com', ['www.callrail.com']],
    ['e.g. `https://www.example.com/contact`.', []],
    ['[API keys](https://app.callrail.com/settings/api-keys).', []],
    ['[API keys](http://app.callrail.com).', ['http://app.callrail.com).']],
  ])('%j → %j', (text, urls) => {
    expect(bareUrls(text)).toEqual(urls);
  });
});

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

/**
 * Whether a hidden dropdown's list belongs to the chosen company, told by what it does: a list
 * that reads `company_id` refuses a malformed one before sending anything; any other list ignores
 * it and asks CallRail.
 */
const readsCompany = async (key: string): Promise<boolean> => {
  let refusal = '';
  const sent = await requestsDuring(() =>
    appTester(operation('triggers', key), {
      authData,
      inputData: { company_id: 'not-a-company' },
      meta: {},
    }).catch((error: Error) => {
      refusal = error.message;
    }),
  );
  const refused = /Company must be a CallRail ID/.test(refusal);
  // Either refused with nothing sent, or asked CallRail: nothing in between.
  expect([key, sent > 0]).toEqual([key, !refused]);
  return refused;
};

describe('dropdowns that depend on the company', () => {
  const hiddenTriggers = actions.filter(
    ({ group, action }) => group === 'triggers' && action.display.hidden,
  );
  const companyLists: string[] = [];
  beforeAll(async () => {
    // One at a time: each probe counts the requests that reach CallRail's mock.
    for (const { action } of hiddenTriggers) {
      if (await readsCompany(action.key)) companyLists.push(action.key);
    }
  });

  it('are told apart by what each list does', () => {
    expect(companyLists).toEqual(expect.arrayContaining(['tracker_list', 'caller_id_list']));
    expect(companyLists).not.toContain('company_list');
  });

  it('declare dependsOn company_id wherever the operation has a company input', () => {
    const missing = visible.flatMap(({ group, action }) => {
      const fields = staticFields(action);
      if (!fields.some((field) => field.key === 'company_id')) return [];
      return fields
        .filter((field) => companyLists.includes(field.dynamic?.split('.')[0] ?? ''))
        .filter((field) => JSON.stringify(field.dependsOn) !== JSON.stringify(['company_id']))
        .map((field) => `${group}.${action.key}.${field.key}`);
    });
    expect(missing).toEqual([]);
  });

  it('never depend on an input the operation does not have (the field would stay disabled)', () => {
    const dangling = visible.flatMap(({ group, action }) => {
      const keys = staticFields(action).map((field) => field.key);
      return staticFields(action).flatMap((field) =>
        (field.dependsOn ?? [])
          .filter((key) => !keys.includes(key))
          .map((key) => `${group}.${action.key}.${field.key} → ${key}`),
      );
    });
    expect(dangling).toEqual([]);
  });
});
