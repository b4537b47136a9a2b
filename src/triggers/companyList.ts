import { listActiveCompanies } from '../company/requests';
import type { CompanyOutput } from '../company/resource';
import { dropdownTrigger, noInputs } from '../dropdownTrigger';

/** How a company is offered in every Company dropdown. */
export const companyChoice = (company: Pick<CompanyOutput, 'id' | 'name' | 'time_zone'>) => ({
  id: company.id,
  name: company.name,
  time_zone: company.time_zone,
});

/** Active companies, for every Company dropdown; Zapier asks for more pages as the user scrolls. */
export default dropdownTrigger({
  key: 'company_list',
  noun: 'Company',
  label: 'List Companies',
  description: 'Lists active companies for dropdowns.',
  read: noInputs,
  list: (z, bundle, _query, page) => listActiveCompanies(z, bundle, { page: page.number }),
  choice: companyChoice,
});
