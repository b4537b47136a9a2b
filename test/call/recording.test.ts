import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import nock from 'nock';

import App from '../../index';
import { callResource } from '../../src/call/resource';
import restCall from '../fixtures/call-rest.json';
import postCallBody from '../fixtures/webhook-post-call-test-vector.json';
import { accountPath, appTester, authData, callRailApi, errorOf, freezeDate } from '../helpers';
import { operation } from '../operations';

/**
 * z.stashFile uploads through Zapier's RPC, which only exists on Zapier. This stand-in does
 * what the real one does up to the upload (awaits the request, throws for its status, reads the
 * bytes) and records what it got, so the hydrator's requests are real and checked by nock.
 */
const mockStashed: { url: string; headers: Record<string, unknown>; bytes: Buffer }[] = [];
jest.mock(
  'zapier-platform-core/src/tools/create-file-stasher',
  () => () => async (request: unknown) => {
    const response = (await request) as {
      throwForStatus: () => void;
      buffer: () => Promise<Buffer>;
      request: { url: string; headers: Record<string, unknown> };
    };
    response.throwForStatus();
    mockStashed.push({
      url: response.request.url,
      headers: response.request.headers,
      bytes: await response.buffer(),
    });
    return 'https://zapier-files.example/recording.wav';
  },
);

const CALL = 'CAL8154748ae6bd4e278a7cddd38a662f4f';
const AUDIO_HOST = 'https://callrail-recordings.s3.example';
const AUDIO = Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt ', 'binary');
const hydrator = App.hydrators?.downloadRecording as Parameters<typeof appTester>[0];
const hydrate = () => appTester(hydrator, { authData, inputData: { callId: CALL } });
const pointer = (callId: string) =>
  `hydrate|||${JSON.stringify({ type: 'file', method: 'hydrators.downloadRecording', bundle: { callId } })}|||hydrate`;
const recordingLink = () => callRailApi().get(accountPath(`calls/${CALL}/recording.json`));

beforeEach(() => {
  mockStashed.length = 0;
});

describe('recording files on call outputs', () => {
  beforeEach(() => freezeDate('2026-11-22T12:00:00Z'));
  afterEach(() => jest.useRealTimers());

  it('New Call gives a recorded call a file pointer and others null, with no extra request', async () => {
    callRailApi()
      .get(accountPath('calls.json'))
      .query(true)
      .reply(200, {
        has_next_page: false,
        next_page: null,
        calls: [
          restCall,
          { ...restCall, id: 'CAL00000000000000000000000000000001', recording: null },
        ],
      });
    const calls = await appTester(operation('triggers', 'new_call'), { authData, inputData: {} });
    expect(calls.map((call) => call.recording_file)).toEqual([pointer(CALL), null]);
  });

  it('Find Call gives the file too', async () => {
    callRailApi()
      .get(accountPath(`calls/${CALL}.json`))
      .query({ fields: callResource.requestedFields })
      .reply(200, restCall);
    const calls = await appTester(operation('searches', 'find_call'), {
      authData,
      inputData: { call_id: CALL },
    });
    expect(calls[0]).toMatchObject({ id: CALL, recording_file: pointer(CALL) });
  });

  it('New Call (Instant) gives the file for a webhook body with a recording', async () => {
    // CallRail's published test vector, with the signature it publishes for it.
    const subscription = {
      id: '6102231',
      company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f',
      urls: { post_call_webhook: 'https://hooks.zapier.com/1' },
      signing_key: '072e77e426f92738a72fe23c4d1953b4',
    };
    const calls = await appTester(operation('triggers', 'new_call_instant'), {
      authData,
      inputData: { company_id: 'COM8154748ae6bd4e278a7cddd38a662f4f' },
      subscribeData: subscription,
      cleanedRequest: postCallBody,
      rawRequest: {
        method: 'POST',
        content: readFileSync(
          join(__dirname, '../fixtures/webhook-post-call-test-vector.json'),
          'utf8',
        ),
        headers: { 'Http-Signature': 'UZAHbUdfm3GqL7qzilGozGzWV64=' },
      },
    });
    expect(calls[0]?.recording_file).toBe(pointer('766970532'));
  });

  it('labels the file output on all three, with a sample pointer', () => {
    for (const [group, key] of [
      ['triggers', 'new_call'],
      ['triggers', 'new_call_instant'],
      ['searches', 'find_call'],
    ] as const) {
      const { operation: op } = (
        App[group] as unknown as Record<string, { operation: Record<string, unknown> }>
      )[key] ?? {
        operation: {},
      };
      expect(op.outputFields).toContainEqual({
        key: 'recording_file',
        label: 'Recording File',
        type: 'file',
      });
      expect((op.sample as Record<string, unknown>).recording_file).toBe(pointer(CALL));
    }
  });
});

describe('the recording hydrator', () => {
  it('asks CallRail for a fresh link, then streams the audio without the API key', async () => {
    recordingLink().reply(200, { url: `${AUDIO_HOST}/rec/abc.wav?X-Amz-Signature=1` });
    nock(AUDIO_HOST, { badheaders: ['authorization', 'request-from'] })
      .get('/rec/abc.wav')
      .query({ 'X-Amz-Signature': '1' })
      .reply(200, AUDIO, { 'Content-Type': 'audio/wav' });
    await expect(hydrate()).resolves.toBe('https://zapier-files.example/recording.wav');
    expect(mockStashed).toHaveLength(1);
    expect(mockStashed[0]?.bytes.equals(AUDIO)).toBe(true);
  });

  it('never reuses a link: each use asks CallRail again (HIPAA links expire)', async () => {
    recordingLink().reply(200, { url: `${AUDIO_HOST}/1.wav` });
    recordingLink().reply(200, { url: `${AUDIO_HOST}/2.wav` });
    nock(AUDIO_HOST).get('/1.wav').reply(200, AUDIO).get('/2.wav').reply(200, AUDIO);
    await hydrate();
    await hydrate();
    expect(mockStashed.map((stash) => stash.url)).toEqual([
      `${AUDIO_HOST}/1.wav`,
      `${AUDIO_HOST}/2.wav`,
    ]);
  });

  it('says the recording is unavailable when CallRail gives no link', async () => {
    recordingLink().reply(200, { url: null });
    const failure = await errorOf(hydrate());
    expect(String(failure.detail.message)).toMatch(
      /gave no link to the recording of call CAL8154748ae6bd4e278a7cddd38a662f4f/,
    );
  });

  it('explains a missing recording', async () => {
    recordingLink().reply(404, { error: 'Not found' });
    const failure = await errorOf(hydrate());
    expect(String(failure.detail.message)).toMatch(
      /could not get the call recording: CallRail found no recording of call CAL8154748ae6bd4e278a7cddd38a662f4f\. The recording may have been deleted/,
    );
  });

  it('fails on an expired or refused audio link rather than stash an error page', async () => {
    recordingLink().reply(200, { url: `${AUDIO_HOST}/gone.wav` });
    nock(AUDIO_HOST).get('/gone.wav').reply(403, '<Error>AccessDenied</Error>');
    await expect(hydrate()).rejects.toThrow(/403/);
    expect(mockStashed).toHaveLength(0);
  });
});
