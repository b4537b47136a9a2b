import { defineInputFields } from 'zapier-platform-core';

import { searchCompanies } from '../company/requests';
import { companyResource } from '../company/resource';
import { rankByName } from '../nameMatch';
import * as read from '../readers';
import { searchOperation } from '../searchOperation';

const inputFields = defineInputFields([
  {
    key: 'name',
    label: 'Company Name',
    required: true,
    helpText:
      'The company’s name in CallRail, in any case. An exact name comes first, then names that contain it; active companies come before disabled ones (check Status to skip those).',
  },
]);

const inputs = { name: read.required(read.text) };

export default searchOperation({
  key: 'find_company',
  noun: 'Company',
  display: {
    label: 'Find Company',
    description: 'Finds a company by name, for its ID, time zone and status.',
  },
  inputFields,
  inputs,
  resource: companyResource,
  // One request; CallRail's matches are re-checked against the name, best first.
  perform: async (z, bundle, { name }) => rankByName(await searchCompanies(z, bundle, name), name),
});
