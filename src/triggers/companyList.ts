import { listActiveCompanies } from '../company/requests';
import { dropdownTrigger, noInputs } from '../dropdownTrigger';

/** Active companies, for every Company dropdown; Zapier asks for more pages as the user scrolls. */
export default dropdownTrigger({
  key: 'company_list',
  noun: 'Company',
  label: 'List Companies',
  description: 'Lists active companies for dropdowns.',
  read: noInputs,
  list: (z, bundle, _query, page) => listActiveCompanies(z, bundle, { page: page.number }),
  choice: (company) => ({
    id: company.id,
    name: company.name,
    time_zone: company.time_zone,
  }),
});
