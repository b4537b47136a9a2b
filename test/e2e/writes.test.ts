import App from '../../index';
import { operation } from '../operations';
import { activeCompany, appTester, authFor, failureOf, useSandbox } from './harness';

/** See test/call/recording.test.ts: z.stashFile needs Zapier's RPC, so only the upload is faked. */
const mockStashed: Buffer[] = [];
jest.mock(
  'zapier-platform-core/src/tools/create-file-stasher',
  () => () => async (request: unknown) => {
    const response = (await request) as {
      throwForStatus: () => void;
      buffer: () => Promise<Buffer>;
    };
    response.throwForStatus();
    mockStashed.push(await response.buffer());
    return 'https://zapier-files.example/recording.wav';
  },
);

const updateCall = operation<Record<string, unknown>>('creates', 'update_call');
const createOutboundCall = operation<Record<string, unknown>>('creates', 'create_outbound_call');
const createTag = operation<Record<string, unknown>>('creates', 'create_tag');
const findTag = operation('searches', 'find_tag');
const findCall = operation('searches', 'find_call');
const callerIdList = operation('triggers', 'caller_id_list');

const sandbox = useSandbox();

const recordedCall = (recorded = true) => {
  const company = activeCompany(sandbox());
  const call = sandbox()
    .store.calls.filter((c) => c.company_id === company.id && (c.recording !== null) === recorded)
    .at(-1);
  if (!call) throw new Error('No such call seeded.');
  return call;
};

describe('writes through the app against the sandbox', () => {
  it('adds then removes tags on a call (1 request, then 2) and reads them back', async () => {
    const call = recordedCall();
    const before = [...call.tags];
    const update = (inputData: Record<string, unknown>) =>
      appTester(updateCall, {
        authData: authFor(sandbox()),
        inputData: { call_id: call.id, ...inputData },
      });

    sandbox().resetRequests();
    const added = await update({ tags_to_add: ['Zapier Follow-Up'], note: 'Called back' });
    expect(sandbox().requests.map((r) => r.method)).toEqual(['PUT']);
    expect(added).toMatchObject({
      id: call.id,
      tags: [...before, 'Zapier Follow-Up'],
      note: 'Called back',
    });

    sandbox().resetRequests();
    const removed = await update({ tags_to_remove: ['zapier follow-up'], clear_note: true });
    expect(sandbox().requests.map((r) => r.method)).toEqual(['GET', 'PUT']);
    expect(removed).toMatchObject({ tags: before, note: null });

    const [found] = await appTester(findCall, {
      authData: authFor(sandbox()),
      inputData: { call_id: call.id },
    });
    expect(found).toMatchObject({ id: call.id, tags: before, note: null });
  });

  it('accepts a pasted call link', async () => {
    const call = recordedCall(false);
    const result = await appTester(updateCall, {
      authData: authFor(sandbox()),
      inputData: {
        call_id: `https://app.callrail.com/calls/${call.id}/details`,
        lead_status: 'good_lead',
      },
    });
    expect(result).toMatchObject({ id: call.id, lead_status: 'good_lead' });
  });

  it('creates a tag once, then finds it instead of creating it again', async () => {
    const company = activeCompany(sandbox());
    const authData = authFor(sandbox());
    const inputData = { name: 'Spring Promo', company_id: company.id, color: 'green2' };
    await expect(appTester(findTag, { authData, inputData })).resolves.toEqual([]);
    const created = await appTester(createTag, { authData, inputData });
    expect(created).toMatchObject({
      name: 'Spring Promo',
      color: 'green2',
      company_id: company.id,
      tag_level: 'company',
    });
    const found = await appTester(findTag, {
      authData,
      inputData: { name: 'spring promo', company_id: company.id },
    });
    expect(found).toEqual([created]);
    const refused = await failureOf(appTester(createTag, { authData, inputData }));
    expect(refused.message).toMatch(/could not create the tag: Name has already been taken/);
  });

  it('places an outbound call from a caller ID the dropdown offers', async () => {
    const company = activeCompany(sandbox());
    const authData = authFor(sandbox());
    const choices = await appTester(callerIdList, {
      authData,
      inputData: { company_id: company.id },
      meta: { page: 0 },
    });
    expect(choices.some((c) => String(c.name).endsWith('verified caller ID'))).toBe(true);
    const callerId = String(choices[0]?.id);
    sandbox().resetRequests();
    const call = await appTester(createOutboundCall, {
      authData,
      inputData: {
        company_id: company.id,
        caller_id: callerId,
        customer_phone_number: '(303) 555-0161',
        business_phone_number: '720-555-0100',
        recording_enabled: 'yes',
      },
    });
    expect(sandbox().requests).toHaveLength(1);
    expect(sandbox().requests[0]?.body).toMatchObject({ caller_id: callerId });
    expect(call).toMatchObject({
      direction: 'outbound',
      company_id: company.id,
      tracking_phone_number: callerId,
      customer_phone_number: '+13035550161',
      answered: null,
    });
    expect(String(call.id)).toMatch(/^CAL/);
  });

  it('downloads a recording through the hydrator, with a fresh link and no API key on the audio', async () => {
    const call = recordedCall();
    const [found] = await appTester(findCall, {
      authData: authFor(sandbox()),
      inputData: { call_id: call.id },
    });
    expect(String(found?.recording_file)).toMatch(/^hydrate\|\|\|.*hydrators\.downloadRecording/);
    sandbox().resetRequests();
    mockStashed.length = 0;
    const hydrator = App.hydrators?.downloadRecording as Parameters<typeof appTester>[0];
    await appTester(hydrator, { authData: authFor(sandbox()), inputData: { callId: call.id } });
    const [link, audio] = sandbox().requests;
    expect(link?.path).toMatch(/\/calls\/CAL[0-9a-f]+\/recording\.json$/);
    expect(audio?.path).toBe(`/recordings/${call.id}.wav`);
    expect(audio?.headers.authorization).toBeUndefined();
    expect(mockStashed[0]?.subarray(0, 4).toString('ascii')).toBe('RIFF');
  });
});
