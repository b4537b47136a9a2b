import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';

import { searchCompanies } from '../company/requests';
import { companyResource, type CompanyOutput } from '../company/resource';
import { inputsOf } from '../inputs';
import { rankByName } from '../nameMatch';

const inputFields = defineInputFields([
  {
    key: 'name',
    label: 'Company Name',
    required: true,
    helpText:
      'The company’s name in CallRail, in any case. An exact name comes first, then names that contain it; active companies come before disabled ones (check Status to skip those).',
  },
]);

/** One request; CallRail's matches are re-checked against the name, best first. */
const perform = (async (z, bundle) => {
  const name = inputsOf(z, bundle, inputFields).text('name', { required: true });
  return rankByName(await searchCompanies(z, bundle, name), name);
}) satisfies SearchPerform<typeof inputFields, CompanyOutput>;

export default defineSearch({
  key: 'find_company',
  noun: 'Company',
  display: {
    label: 'Find Company',
    description: 'Finds a company by name, for its ID, time zone and status.',
  },
  operation: {
    inputFields,
    perform,
    sample: companyResource.sample,
    outputFields: companyResource.outputFields,
  },
});
