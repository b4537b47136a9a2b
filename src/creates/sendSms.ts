import {
  defineCreate,
  defineInputFields,
  type Bundle,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';

import { SMS_LIMITS, SMS_MAX_LENGTH } from '../callrailFacts';
import { requiredCompanyField } from '../fields';
import { inputsOf, invalidInput } from '../inputs';
import { smsLength, splitIntoTexts } from '../smsSegments';
import { sendTexts, type Outgoing } from '../textMessage/requests';
import { sentTextResource, type SentText } from '../textMessage/sentText';

const inputFields = defineInputFields([
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

/** Everything a send needs, checked before anything is sent. */
const readOutgoing = (z: ZObject, bundle: Bundle): Outgoing => {
  const input = inputsOf(z, bundle, inputFields);
  const companyId = input.id('company_id', 'company', { required: true });
  const trackingNumber = input.phone('tracking_number', { required: true });
  const customerNumber = input.phone('customer_phone_number', { required: true });
  const message = input.text('content', { required: true });
  const mediaUrl = input.url('media_url');
  const length = smsLength(message);
  if (length > SMS_MAX_LENGTH && !input.boolean('split_long_messages')) {
    const parts = splitIntoTexts(message, SMS_MAX_LENGTH).length;
    throw invalidInput(
      z,
      `The Message is ${length} characters; CallRail allows ${SMS_MAX_LENGTH} per text. ` +
        `Shorten it, or set Split Long Messages to Yes to send it as ${parts} texts.`,
    );
  }
  return {
    companyId,
    trackingNumber,
    customerNumber,
    parts: splitIntoTexts(message, SMS_MAX_LENGTH),
    mediaUrl,
    message,
  };
};

const perform = (async (z, bundle) =>
  sendTexts(z, bundle, readOutgoing(z, bundle))) satisfies CreatePerform<
  typeof inputFields,
  SentText
>;

export default defineCreate({
  key: 'send_sms',
  noun: 'Text Message',
  display: {
    label: 'Send SMS',
    description:
      "Sends a text (SMS or MMS) to a customer from one of a company's tracking numbers.",
  },
  operation: {
    inputFields,
    perform,
    sample: sentTextResource.sample,
    outputFields: sentTextResource.outputFields,
  },
});
