import type { Bundle, ZObject } from 'zapier-platform-core';

import { RECORDING_URL_KEY } from '../callrailFacts';
import { callRail, segment } from '../client';
import { asText, recordOf } from '../fieldTable';
import { callResource, type CallOutput } from './resource';

/**
 * A call's recording as a file a later Zap step (Google Drive, a transcriber) can take. It is a
 * hydrated file: the trigger or search only leaves a pointer, so nothing is downloaded unless a
 * step uses it; then Zapier runs the hydrator below.
 */

/**
 * The hydrator: asks CallRail for the recording's link each time (in HIPAA accounts the link
 * expires, so it is never kept), then streams the audio to Zapier. The link is not CallRail's
 * API, so the middleware sends no API key with it.
 */
export const downloadRecording = async (z: ZObject, bundle: Bundle<{ callId?: unknown }>) => {
  const callId = asText(bundle.inputData.callId) ?? '';
  const answer = await callRail<unknown>(z, bundle, {
    path: `calls/${segment(callId)}/recording.json`,
    context: {
      action: 'get the call recording',
      resource: `recording of call ${callId}`,
      notFoundHint: 'The recording may have been deleted, or the call was not recorded.',
    },
  });
  const url = asText(recordOf(answer)[RECORDING_URL_KEY]);
  if (!url || !/^https?:\/\//i.test(url)) {
    throw new z.errors.Error(
      `CallRail gave no link to the recording of call ${callId}. It may still be processing: try again in a few minutes.`,
      'RecordingUnavailable',
      502,
    );
  }
  return z.stashFile(z.request({ url, method: 'GET', raw: true }));
};

export const RECORDING_FILE_FIELD = {
  key: 'recording_file',
  label: 'Recording File',
  type: 'file',
} as const;

export type CallWithFile = CallOutput & { recording_file: string | null };

/** Adds the recording file to a call: a pointer when it has a recording, null otherwise. */
export const withRecordingFile = (z: ZObject, call: CallOutput): CallWithFile => ({
  ...call,
  recording_file:
    call.recording && call.id ? z.dehydrateFile(downloadRecording, { callId: call.id }) : null,
});

/**
 * Outputs of every operation that yields recorded calls. The sample shows the pointer Zapier
 * receives (and turns into the file when a step uses it) for the sample call.
 */
export const recordedCallOutput = {
  sample: {
    ...callResource.sample,
    recording_file: `hydrate|||${JSON.stringify({
      type: 'file',
      method: 'hydrators.downloadRecording',
      bundle: { callId: callResource.sample.id },
    })}|||hydrate`,
  },
  outputFields: [...callResource.outputFields, RECORDING_FILE_FIELD],
};

/** The recording file, as the call triggers' builders add it to every call. */
export const recordingFileExtension = {
  item: withRecordingFile,
  outputFields: [RECORDING_FILE_FIELD],
  sample: { recording_file: recordedCallOutput.sample.recording_file },
};
