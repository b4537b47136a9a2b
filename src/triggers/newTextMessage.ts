import { companiesField, readChosenCompanies } from '../fields';
import { pollingTrigger } from '../pollingTrigger';
import { textDirectionField, textDirections } from '../textMessage/filters';
import { recentTexts } from '../textMessage/recent';
import { textMessageResource } from '../textMessage/resource';

export default pollingTrigger({
  key: 'new_text_message',
  noun: 'Text Message',
  display: {
    label: 'New Text Message',
    description:
      'Triggers when a text is received from or sent to a customer (checked every few minutes).',
  },
  resource: textMessageResource,
  inputFields: [
    companiesField({
      required: false,
      helpText:
        'Only texts of these companies: one, several, or All Companies (also when left empty).',
    }),
    textDirectionField,
  ],
  read: (z, bundle) => ({
    companies: readChosenCompanies(z, bundle),
    directions: textDirections(z, bundle),
  }),
  recent: recentTexts,
});
