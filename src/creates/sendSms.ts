import { defineInputFields, type ZObject } from 'zapier-platform-core';

import { SMS_LIMITS, SMS_MAX_LENGTH } from '../callrailFacts';
import { dependsOnCompany, requiredCompanyField } from '../fields';
import { createOperation } from '../createOperation';
import { invalidInput, type InputValues } from '../inputs';
import * as read from '../readers';
import { smsLength, splitIntoTexts } from '../smsSegments';
import { sendTexts, type Outgoing } from '../textMessage/requests';
import { sentTextResource } from '../textMessage/sentText';
import { MAX_SPLIT_LENGTH, MAX_TEXTS_PER_SEND, SMS_THROTTLE } from '../throttles';

const inputFields = defineInputFields([
  requiredCompanyField,
  {
    key: 'tracking_number',
    label: 'Send From (Tracking Number)',
    required: true,
    dynamic: 'tracking_number_list.id.name',
    ...dependsOnCompany,
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
    helpText: `Send a message over ${SMS_MAX_LENGTH} characters as up to ${MAX_TEXTS_PER_SEND} texts, broken between words. Each text counts toward CallRail's limit of ${SMS_LIMITS.perHour} an hour, so Zapier holds this step after ${SMS_THROTTLE.limit} sends an hour per connection (${SMS_THROTTLE.limit} × ${MAX_TEXTS_PER_SEND} = ${SMS_THROTTLE.limit * MAX_TEXTS_PER_SEND}) and runs it later.`,
  },
]);

const inputs = {
  company_id: read.required(read.id('company')),
  tracking_number: read.required(read.phone),
  customer_phone_number: read.required(read.phone),
  content: read.required(read.text),
  media_url: read.url,
  split_long_messages: read.boolean,
};

/** Everything a send needs, checked before anything is sent. */
const outgoingOf = (z: ZObject, input: InputValues<typeof inputs>): Outgoing => {
  const message = input.content;
  const length = smsLength(message);
  const parts = splitIntoTexts(message, SMS_MAX_LENGTH);
  if (length > SMS_MAX_LENGTH && !input.split_long_messages) {
    throw invalidInput(
      z,
      `The Message is ${length} characters; CallRail allows ${SMS_MAX_LENGTH} per text. ` +
        `Shorten it, or set Split Long Messages to Yes to send it as ${parts.length} texts.`,
    );
  }
  if (parts.length > MAX_TEXTS_PER_SEND) {
    throw invalidInput(
      z,
      `The Message is ${length} characters, ${parts.length} texts; one step sends at most ${MAX_TEXTS_PER_SEND} (about ${MAX_SPLIT_LENGTH} characters), so held steps stay within CallRail's ${SMS_LIMITS.perHour} texts an hour. Shorten it.`,
    );
  }
  return {
    companyId: input.company_id,
    trackingNumber: input.tracking_number,
    customerNumber: input.customer_phone_number,
    parts,
    mediaUrl: input.media_url,
    message,
  };
};

export default createOperation({
  key: 'send_sms',
  noun: 'Text Message',
  display: {
    label: 'Send SMS',
    description:
      "Sends a text (SMS or MMS) to a customer from one of a company's tracking numbers.",
  },
  inputFields,
  inputs,
  resource: sentTextResource,
  perform: (z, bundle, input) => sendTexts(z, bundle, outgoingOf(z, input)),
  throttle: SMS_THROTTLE,
});
