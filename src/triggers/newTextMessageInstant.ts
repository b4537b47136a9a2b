import { hookTrigger } from '../hookTrigger';
import { SAMPLE_PAGE_SIZE } from '../polling';
import {
  matchesTrackingNumber,
  textDirectionField,
  textDirections,
  textEvents,
  trackingNumberFilterField,
} from '../textMessage/filters';
import { fetchRecentTexts } from '../textMessage/requests';
import { textMessageResource, webhookMessageRaw } from '../textMessage/resource';
import { readRequiredCompany } from '../fields';

export default hookTrigger({
  key: 'new_text_message_instant',
  noun: 'Text Message',
  display: {
    label: 'New Text Message (Instant)',
    description:
      "Triggers when a customer texts one of the company's tracking numbers, or a text is sent to a customer, the moment it happens.",
  },
  resource: textMessageResource,
  inputFields: [textDirectionField, trackingNumberFilterField],
  events: textEvents,
  fromBody: webhookMessageRaw,
  matches: (z, bundle, text) => matchesTrackingNumber(z, bundle, text),
  performList: async (z, bundle) => {
    const texts = await fetchRecentTexts(z, bundle, {
      companyId: readRequiredCompany(z, bundle),
      directions: textDirections(z, bundle),
      pageSize: SAMPLE_PAGE_SIZE,
      followBursts: false,
    });
    return texts.filter((text) => matchesTrackingNumber(z, bundle, text));
  },
});
