import {
  defineCreate,
  defineInputFields,
  type Bundle,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';

import { SMS_LIMITS, SMS_MAX_LENGTH } from '../callrailFacts';
import type { Conversation } from '../callrailTypes';
import { callRail } from '../client';
import { requiredCompanyField } from '../fields';
import { checkUsCaPhoneNumber } from '../phone';
import { splitIntoTexts } from '../smsSegments';

export const inputFields = defineInputFields([
  requiredCompanyField,
  {
    key: 'tracking_number',
    label: 'Send From (Tracking Number)',
    required: true,
    dynamic: 'tracking_number_list.id.name',
    helpText: "One of the company's SMS-enabled tracking numbers. Choose a company first.",
  },
  {
    key: 'customer_phone_number',
    label: 'Send To (Customer Phone Number)',
    required: true,
    helpText: 'A US or Canadian number in any common format, e.g. (770) 555-0199 or +17705550199.',
  },
  {
    key: 'content',
    label: 'Message',
    type: 'text',
    required: true,
    helpText: `CallRail allows ${SMS_MAX_LENGTH} characters per text, and adds opt-out instructions to the first text a customer gets. Texting must be switched on for your account by CallRail support, for person-to-person messages only.`,
  },
  {
    key: 'media_url',
    label: 'Image URL (MMS)',
    required: false,
    helpText:
      'Optional: a public link to a JPEG, PNG or GIF of up to 5 MB, sent with the (first) text.',
  },
  {
    key: 'split_long_messages',
    label: 'Split Long Messages',
    type: 'boolean',
    required: false,
    default: 'false',
    helpText: `Send a message over ${SMS_MAX_LENGTH} characters as several texts, broken between words. Each text counts toward CallRail's limit of ${SMS_LIMITS.perHour} an hour.`,
  },
]);

export type SentText = {
  id: string;
  message: string;
  parts_sent: number;
  media_url: string | null;
  sent_at: string | null;
  customer_phone_number: string;
  formatted_customer_phone_number: string | null;
  customer_name: string | null;
  tracking_number: string;
  tracker_id: string | null;
  tracker_name: string | null;
  company_id: string;
  company_name: string | null;
  last_message_at: string | null;
  sms_thread_id: string | null;
};

const invalid = (z: ZObject, message: string) => new z.errors.Error(message, 'InvalidInput', 400);

const isTrue = (value: unknown) =>
  value === true ||
  (typeof value === 'string' && ['true', 'yes', '1'].includes(value.trim().toLowerCase()));

interface Outgoing {
  companyId: string;
  trackingNumber: string;
  customerNumber: string;
  parts: string[];
  mediaUrl: string | null;
  message: string;
}

/** Everything a send needs, checked before anything is sent. */
const readOutgoing = (z: ZObject, bundle: Bundle<Record<string, unknown>>): Outgoing => {
  const input = bundle.inputData;
  const companyId = typeof input.company_id === 'string' ? input.company_id.trim() : '';
  if (!companyId) throw invalid(z, 'Choose the Company to send from.');
  const from = checkUsCaPhoneNumber(input.tracking_number);
  if (!from.ok)
    throw invalid(
      z,
      `Send From (Tracking Number) ${from.problem}: choose one of the company's texting numbers.`,
    );
  const to = checkUsCaPhoneNumber(input.customer_phone_number);
  if (!to.ok) throw invalid(z, `Send To (Customer Phone Number) ${to.problem}.`);
  const message = typeof input.content === 'string' ? input.content.trim() : '';
  if (!message) throw invalid(z, 'The Message is empty: map or type the text to send.');
  const mediaUrl =
    typeof input.media_url === 'string' && input.media_url.trim() ? input.media_url.trim() : null;
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) {
    throw invalid(
      z,
      `Image URL (MMS) must be a public http(s) link to the image; "${mediaUrl}" is not.`,
    );
  }
  if (message.length > SMS_MAX_LENGTH && !isTrue(input.split_long_messages)) {
    const parts = splitIntoTexts(message, SMS_MAX_LENGTH).length;
    throw invalid(
      z,
      `The Message is ${message.length} characters; CallRail allows ${SMS_MAX_LENGTH} per text. ` +
        `Shorten it, or set Split Long Messages to Yes to send it as ${parts} texts.`,
    );
  }
  return {
    companyId,
    trackingNumber: from.e164,
    customerNumber: to.e164,
    parts: splitIntoTexts(message, SMS_MAX_LENGTH),
    mediaUrl,
    message,
  };
};

/** Zapier's errors carry their message as JSON. */
const innerMessage = (error: Error): string => {
  try {
    return String((JSON.parse(error.message) as { message: unknown }).message);
  } catch {
    return error.message;
  }
};

/**
 * After one part has gone out, nothing may make Zapier run the step again (not even a 429):
 * the parts already sent would be sent twice.
 */
const partialFailure = (z: ZObject, error: unknown, sent: number, total: number) =>
  new z.errors.Error(
    `Sent ${sent} of ${total} texts, then CallRail stopped: ${innerMessage(error as Error)} ` +
      `Do not re-run this step as it is, or the first ${sent === 1 ? 'text' : `${sent} texts`} would be sent again; send the rest from CallRail.`,
    'PartiallySent',
    502,
  );

const toOutput = (conversation: Conversation, outgoing: Outgoing): SentText => {
  const latest = conversation.recent_messages[0];
  return {
    id: conversation.id,
    message: outgoing.message,
    parts_sent: outgoing.parts.length,
    media_url: outgoing.mediaUrl,
    sent_at: latest?.created_at ?? conversation.last_message_at ?? null,
    customer_phone_number: conversation.customer_phone_number,
    formatted_customer_phone_number: conversation.formatted_customer_phone_number ?? null,
    customer_name: conversation.customer_name ?? null,
    tracking_number: conversation.current_tracking_number ?? outgoing.trackingNumber,
    tracker_id: conversation.current_tracker_id ?? null,
    tracker_name: conversation.tracker_name ?? null,
    company_id: conversation.company_id,
    company_name: conversation.company_name ?? null,
    last_message_at: conversation.last_message_at ?? null,
    sms_thread_id: latest?.sms_thread?.id ?? null,
  };
};

const sendPart = (z: ZObject, bundle: Bundle, outgoing: Outgoing, index: number) =>
  callRail<Conversation>(z, bundle, {
    method: 'POST',
    path: 'text-messages.json',
    body: {
      company_id: outgoing.companyId,
      tracking_number: outgoing.trackingNumber,
      customer_phone_number: outgoing.customerNumber,
      content: outgoing.parts[index],
      ...(outgoing.mediaUrl && index === 0 ? { media_url: outgoing.mediaUrl } : {}),
    },
    context: {
      action: 'send the text',
      resource: `company ${outgoing.companyId} or tracking number ${outgoing.trackingNumber}`,
      isWrite: true,
      notFoundHint: 'Choose the company and one of its texting numbers from the dropdowns.',
      forbiddenHint:
        'Texting through the CallRail API must be switched on for your account by CallRail support: ask them to enable it. The tracking number must also be SMS-enabled and registered for business texting (10DLC).',
      throttleHint: `CallRail allows ${SMS_LIMITS.perHour} texts an hour and ${SMS_LIMITS.perDay.toLocaleString('en-US')} a day per account`,
    },
  });

export const perform = (async (z, bundle) => {
  const outgoing = readOutgoing(z, bundle);
  let conversation = await sendPart(z, bundle, outgoing, 0);
  for (let index = 1; index < outgoing.parts.length; index += 1) {
    try {
      conversation = await sendPart(z, bundle, outgoing, index);
    } catch (error) {
      throw partialFailure(z, error, index, outgoing.parts.length);
    }
  }
  return toOutput(conversation, outgoing);
}) satisfies CreatePerform<typeof inputFields, SentText>;

export const sampleSentText: SentText = {
  id: 'k8mc8',
  message:
    "Hi Dmitri, this is Grin's Irrigation confirming your visit tomorrow at 9am. Reply STOP to opt out.",
  parts_sent: 1,
  media_url: null,
  sent_at: '2026-11-20T16:25:04.953-05:00',
  customer_phone_number: '+19527373312',
  formatted_customer_phone_number: '952-737-3312',
  customer_name: 'Dmitri Rakitin',
  tracking_number: '+19525293750',
  tracker_id: 'TRK019c5f8c1c3279f98b678fb73d04887e',
  tracker_name: 'Website',
  company_id: 'COM019c31a27f5b732b9d214e04eaa3061f',
  company_name: "Grin's Irrigation & Landscaping",
  last_message_at: '2026-11-20T16:25:04.953-05:00',
  sms_thread_id: 'SMT019d69f77fb472829bfb403cc4104584',
};

export default defineCreate({
  key: 'send_sms',
  noun: 'Text Message',
  display: {
    label: 'Send SMS',
    description:
      "Sends a text (SMS or MMS) to a customer from one of a company's CallRail tracking numbers.",
  },
  operation: {
    inputFields,
    perform,
    sample: sampleSentText,
    outputFields: [
      { key: 'id', label: 'Conversation ID' },
      { key: 'message', label: 'Message Sent' },
      { key: 'parts_sent', label: 'Texts Sent', type: 'integer' },
      { key: 'media_url', label: 'Image URL (MMS)' },
      { key: 'sent_at', label: 'Sent At', type: 'datetime' },
      { key: 'customer_phone_number', label: 'Customer Phone Number' },
      { key: 'formatted_customer_phone_number', label: 'Customer Phone Number (Formatted)' },
      { key: 'customer_name', label: 'Customer Name' },
      { key: 'tracking_number', label: 'Tracking Number' },
      { key: 'tracker_id', label: 'Tracker ID' },
      { key: 'tracker_name', label: 'Tracker Name' },
      { key: 'company_id', label: 'Company ID' },
      { key: 'company_name', label: 'Company Name' },
      { key: 'last_message_at', label: 'Last Message At', type: 'datetime' },
      { key: 'sms_thread_id', label: 'SMS Thread ID' },
    ],
  },
});
