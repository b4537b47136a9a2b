import { hookTrigger } from '../hookTrigger';
import { companyIdsOf } from '../readers';
import { fetchRecent, SAMPLE_REQUEST } from '../recentItems';
import {
  directionsOf,
  matchesTrackingNumber,
  textDirectionField,
  textEvents,
  textInputs,
  trackingNumberFilterField,
} from '../textMessage/filters';
import { recentTexts } from '../textMessage/recent';
import { textMessageResource, webhookMessageRaw } from '../textMessage/resource';

export default hookTrigger({
  key: 'new_text_message_instant',
  noun: 'Text Message',
  display: {
    label: 'New Text Message (Instant)',
    description:
      "Triggers when a customer texts one of the companies' tracking numbers, or a text is sent to a customer, the moment it happens.",
  },
  resource: textMessageResource,
  inputFields: [textDirectionField, trackingNumberFilterField],
  inputs: textInputs,
  events: (_z, { direction }) => textEvents(direction),
  fromBody: webhookMessageRaw,
  matches: (text, _event, { tracking_number }) => matchesTrackingNumber(text, tracking_number),
  performList: async (z, bundle, { company_id, direction, tracking_number }) => {
    const query = { companies: companyIdsOf(company_id), directions: directionsOf(direction) };
    const texts = await fetchRecent(z, bundle, recentTexts, query, SAMPLE_REQUEST);
    return texts.filter((text) => matchesTrackingNumber(text, tracking_number));
  },
});
