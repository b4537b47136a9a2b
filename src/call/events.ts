import {
  CALL_CHANGE_NAMES,
  CALL_EVENT_KEYS,
  type CallChange,
  type CallEventChoice,
  type WebhookEvent,
} from '../callrailFacts';
import type { CallOutput } from './resource';

/** What a user picks under "When", in the words of CallRail's webhook settings. */
export const CALL_EVENT_CHOICES: Record<CallEventChoice, string> = {
  post_call_webhook:
    'Call completed (recording and transcript attached, up to 20 minutes after hang-up)',
  pre_call_webhook: 'Call started (before it is answered)',
  answered_call_webhook: 'Call answered (routing complete)',
  updated_call_webhook:
    'Call modified (tags, note, value, lead status, transcript, recording, score)',
};

export const CALL_CHANGE_CHOICES: Record<CallChange, string> = {
  tags: 'Tags',
  note: 'Note',
  value: 'Value',
  lead_status: 'Lead status',
  transcription: 'Transcription',
  call_summary: 'Call summary',
  recording: 'Recording',
  score: 'Score',
};

/** The event keys of a "When" choice for a direction; both directions when none is chosen. */
export const callEventKeys = (
  choice: CallEventChoice,
  direction: 'inbound' | 'outbound' | undefined,
): WebhookEvent[] => {
  const keys: { inbound: WebhookEvent; outbound?: WebhookEvent } = CALL_EVENT_KEYS[choice];
  if (direction === 'inbound') return [keys.inbound];
  if (direction === 'outbound') return keys.outbound ? [keys.outbound] : [];
  return keys.outbound ? [keys.inbound, keys.outbound] : [keys.inbound];
};

/** Call Modified fires for every change; a Zap may want only some of them. */
export const hasWantedChange = (
  call: CallOutput,
  event: WebhookEvent,
  wanted: readonly CallChange[],
): boolean =>
  !event.startsWith('updated_') ||
  wanted.length === 0 ||
  wanted.some((change) => CALL_CHANGE_NAMES[change].some((name) => call.changes.includes(name)));
