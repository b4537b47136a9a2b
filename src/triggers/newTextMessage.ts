import { optionalCompanyField, readOptionalCompany } from '../fields';
import { pollingTrigger } from '../pollingTrigger';
import { textDirectionField, textDirections } from '../textMessage/filters';
import { recentTexts } from '../textMessage/recent';
import { textMessageResource } from '../textMessage/resource';

const companyField = {
  ...optionalCompanyField,
  helpText: 'Only texts of this CallRail company. Leave empty for every company.',
};

export default pollingTrigger({
  key: 'new_text_message',
  noun: 'Text Message',
  display: {
    label: 'New Text Message',
    description:
      'Triggers when a text is received from or sent to a customer (checked every few minutes).',
  },
  resource: textMessageResource,
  inputFields: [companyField, textDirectionField],
  read: (z, bundle) => ({
    companyId: readOptionalCompany(z, bundle),
    directions: textDirections(z, bundle),
  }),
  recent: recentTexts,
});
