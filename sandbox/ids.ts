import { createHash } from 'node:crypto';

import type { SmsThread } from './types';

/**
 * Ids are hashes of a descriptive seed string ("company:0:1"), so every run of the sandbox
 * produces the same ids no matter when it starts, and tests can rely on them being stable.
 */

export function hex32(seed: string): string {
  return createHash('md5').update(`callrail-sandbox:${seed}`).digest('hex');
}

/** CallRail's masked ids: a 3-letter prefix (ACC, COM, TRK, CAL, PER, SMT, SCI) + 32 lowercase hex. */
export function resourceId(prefix: string, seed: string): string {
  return prefix + hex32(seed);
}

/** A 9-digit legacy id, as in app URLs and webhook payloads. */
export function nineDigitId(seed: string): number {
  return 100_000_000 + (parseInt(hex32(seed).slice(0, 12), 16) % 900_000_000);
}

const SHORT_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Conversation ids are short mixed-case tokens in CallRail ("k8mc8", "KZaGR", "crpLH"). */
export function shortId(seed: string): string {
  const digest = createHash('sha256').update(`callrail-sandbox:${seed}`).digest();
  let id = '';
  for (let i = 0; i < 5; i += 1)
    id += SHORT_ID_ALPHABET[(digest[i] ?? 0) % SHORT_ID_ALPHABET.length];
  return id;
}

/** A conversation's thread as CallRail first creates it: no notes, tags, value or qualification. */
export const newSmsThread = (seed: string): SmsThread => ({
  id: resourceId('SMT', seed),
  notes: null,
  tags: [],
  value: null,
  lead_qualification: null,
});
