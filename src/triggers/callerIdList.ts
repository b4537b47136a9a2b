import { listCallerIdChoices } from '../callerId/requests';
import { chosenCompany, dropdownTrigger } from '../dropdownTrigger';

/** Numbers an outbound call can show the customer; an empty list until a company is chosen. */
export default dropdownTrigger({
  key: 'caller_id_list',
  noun: 'Caller ID',
  label: 'List Caller IDs',
  description: "Lists a company's tracking numbers and verified outbound caller IDs for dropdowns.",
  read: chosenCompany,
  list: async (z, bundle, { companyId }, page) =>
    companyId ? listCallerIdChoices(z, bundle, { companyId, page: page.number }) : [],
  choice: ({ id, name }) => ({ id, name }),
});
