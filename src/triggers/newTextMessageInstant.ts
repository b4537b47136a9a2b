import { hookTrigger } from '../hookTrigger';
import { fetchRecent, SAMPLE_REQUEST } from '../recentItems';
import {
  matchesTrackingNumber,
  textDirectionField,
  textDirections,
  textEvents,
  trackingNumberFilterField,
} from '../textMessage/filters';
import { recentTexts } from '../textMessage/recent';
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
    const query = {
      companyId: readRequiredCompany(z, bundle),
      directions: textDirections(z, bundle),
    };
    const texts = await fetchRecent(z, bundle, recentTexts, query, SAMPLE_REQUEST);
    return texts.filter((text) => matchesTrackingNumber(z, bundle, text));
  },
});
