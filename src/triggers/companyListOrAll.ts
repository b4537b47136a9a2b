import { listActiveCompanies } from '../company/requests';
import type { CompanyOutput } from '../company/resource';
import { dropdownTrigger, noInputs } from '../dropdownTrigger';
import { ALL_COMPANIES } from '../readers';
import { companyChoice } from './companyList';

const ALL = { id: ALL_COMPANIES, name: 'All Companies', time_zone: null };

/** The Company dropdown of operations that may cover every company: All Companies first. */
export default dropdownTrigger({
  key: 'company_list_or_all',
  noun: 'Company',
  label: 'List Companies or All',
  description: 'Lists All Companies, then the active companies, for dropdowns.',
  read: noInputs,
  list: async (z, bundle, _query, page): Promise<readonly (CompanyOutput | typeof ALL)[]> => [
    ...(page.number === 1 ? [ALL] : []),
    ...(await listActiveCompanies(z, bundle, { page: page.number })),
  ],
  choice: companyChoice,
});
