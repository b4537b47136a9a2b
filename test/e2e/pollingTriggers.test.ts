import App from '../../index';
import { activeCompany, appTester, authFor, useSandbox } from './harness';
import { operation } from '../operations';

/**
 * Every visible polling trigger of the app, end to end against the sandbox: a poll and a sample
 * for one company, in the shape the trigger declares. A new polling trigger is covered here
 * without a new test. Then New Call with a call in progress, under both readings of CallRail.
 */

type InputField = { key: string; default?: string };
type PollingTrigger = {
  key: string;
  display: { hidden?: boolean };
  operation: {
    type: string;
    inputFields?: InputField[];
    outputFields?: ({ key: string } | (() => unknown))[];
  };
};

const pollingTriggers = (Object.values(App.triggers ?? {}) as unknown as PollingTrigger[]).filter(
  (trigger) => trigger.operation.type === 'polling' && trigger.display.hidden !== true,
);

const defaultsOf = (trigger: PollingTrigger): Record<string, string> =>
  Object.fromEntries(
    (trigger.operation.inputFields ?? []).flatMap((field) =>
      field.default === undefined ? [] : [[field.key, field.default]],
    ),
  );

const sandbox = useSandbox();
let zap = 0;
/** Each poll series is its own Zap: a poll's memory is kept per Zap. */
const zapMeta = (extra: Record<string, unknown> = {}) => {
  zap += 1;
  return { zap: { id: `e2e-polling-${zap}`, user: { timezone: 'UTC' } }, ...extra };
};

describe('every polling trigger against the sandbox', () => {
  it('has polling triggers to test', () => {
    expect(pollingTriggers.map((trigger) => trigger.key)).toEqual(
      expect.arrayContaining(['new_call', 'new_text_message', 'new_form_submission']),
    );
  });

  it.each(pollingTriggers.map((trigger) => [trigger.key, trigger] as const))(
    '%s polls in one request and loads a sample of a few items',
    async (key, trigger) => {
      const company = activeCompany(sandbox());
      const inputData = { ...defaultsOf(trigger), company_id: company.id };
      const authData = authFor(sandbox());
      sandbox().resetRequests();
      const items = await appTester(operation('triggers', key), {
        authData,
        inputData,
        meta: zapMeta(),
      });
      expect(sandbox().requests).toHaveLength(1);
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
      // A function among the output fields adds fields only the Zap editor asks for.
      const keys = (trigger.operation.outputFields ?? []).flatMap((field) =>
        typeof field === 'object' ? [field.key] : [],
      );
      for (const item of items) expect(Object.keys(item)).toEqual(keys);

      sandbox().resetRequests();
      const sample = await appTester(operation('triggers', key), {
        authData,
        inputData,
        meta: zapMeta({ isLoadingSample: true }),
      });
      expect(sandbox().requests.map((request) => request.query.per_page)).toEqual(['10']);
      expect(sample.length).toBeGreaterThan(0);
      expect(sample.map((item) => item.id)).toEqual(items.slice(0, sample.length).map((i) => i.id));
    },
  );
});

describe('New Call with a call in progress', () => {
  const newCall = operation('triggers', 'new_call');
  afterEach(() => {
    sandbox().store.callsInProgressHidden = false;
  });

  it.each([
    ['listed while in progress', false],
    ['hidden until it ends', true],
  ])(
    'emits a two-hour call once, after it ends, when CallRail has it %s',
    async (_reading, hidden) => {
      sandbox().store.callsInProgressHidden = hidden;
      const company = activeCompany(sandbox(), 0, 1);
      const poll = (meta: Record<string, unknown>, inputs: Record<string, unknown> = {}) =>
        appTester(newCall, {
          authData: authFor(sandbox()),
          inputData: { company_id: company.id, ...inputs },
          meta,
        });
      const zapAll = zapMeta();
      const zapMissed = zapMeta();
      const ringing = sandbox().startCall(company.id, 2 * 60 * 60);
      sandbox().addCalls(company.id, 5, 60);
      const ids = async (meta: Record<string, unknown>, inputs?: Record<string, unknown>) =>
        (await poll(meta, inputs)).map((call) => call.id);
      expect(await ids(zapAll)).not.toContain(ringing.id);
      expect(await ids(zapMissed, { answer_status: 'missed' })).not.toContain(ringing.id);

      sandbox().endCall(ringing.id, { answered: false, duration: 7200 });
      const emitted = (await poll(zapAll)).find((call) => call.id === ringing.id);
      expect(emitted).toMatchObject({ answered: false, duration: 7200 });
      expect(await ids(zapMissed, { answer_status: 'missed' })).toContain(ringing.id);
    },
  );
});
