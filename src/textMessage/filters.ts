import { defineInputField, type Bundle, type ZObject } from 'zapier-platform-core';

import { TEXT_EVENT_KEYS, type TextDirectionChoice, type WebhookEvent } from '../callrailFacts';
import { dependsOnCompany } from '../fields';
import { readInputs } from '../inputs';
import * as read from '../readers';
import type { TextMessageOutput } from './resource';

/** Which texts a text-message trigger reports: received, sent or both. */
export const textDirectionField = defineInputField({
  key: 'direction',
  label: 'Direction',
  required: false,
  default: 'received',
  choices: [
    { value: 'received', label: 'Received (from customers)', sample: 'received' },
    { value: 'sent', label: 'Sent (to customers)', sample: 'sent' },
    { value: 'both', label: 'Both', sample: 'both' },
  ],
  helpText: 'Texts customers send you, texts sent to them, or both. Received when left empty.',
});

export const trackingNumberFilterField = defineInputField({
  key: 'tracking_number',
  label: 'Tracking Number',
  required: false,
  dynamic: 'tracking_number_list.id.name',
  ...dependsOnCompany,
  helpText: 'Only texts to or from this tracking number. Leave empty for all of them.',
});

const CHOICES = Object.keys(TEXT_EVENT_KEYS) as TextDirectionChoice[];

/** How the text triggers' own inputs are read. */
export const textInputs = { direction: read.choice(CHOICES), tracking_number: read.phone };

const directionInput = { direction: textInputs.direction };

const directionChoice = (z: ZObject, bundle: Bundle): TextDirectionChoice =>
  readInputs(z, bundle, [textDirectionField], directionInput).direction ?? 'received';

/** The webhook events for the chosen direction (received when none is). */
export const textEvents = (choice: TextDirectionChoice | undefined): WebhookEvent[] => [
  ...TEXT_EVENT_KEYS[choice ?? 'received'],
];

/** The message directions for the chosen direction (received when none is). */
export const directionsOf = (
  choice: TextDirectionChoice | undefined = 'received',
): ('received' | 'sent')[] => (choice === 'both' ? ['received', 'sent'] : [choice]);

/** The message directions of the Zap's Direction input. */
export const textDirections = (z: ZObject, bundle: Bundle): ('received' | 'sent')[] =>
  directionsOf(directionChoice(z, bundle));

/**
 * Whether a text went through the chosen tracking number (E.164). A masked number can only be
 * compared on the digits it shows.
 */
export const matchesTrackingNumber = (text: TextMessageOutput, wanted: string | undefined) => {
  if (!wanted) return true;
  if (text.tracking_phone_number_e164) return text.tracking_phone_number_e164 === wanted;
  const shown = (text.tracking_phone_number ?? '').replace(/\D/g, '');
  return shown !== '' && wanted.endsWith(shown);
};
