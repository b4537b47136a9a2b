import { defineInputFields } from 'zapier-platform-core';

import * as read from '../readers';
import { searchOperation } from '../searchOperation';
import { tagCompanyField, tagNameField } from '../tag/fields';
import { findTagsNamed } from '../tag/requests';
import { tagResource } from '../tag/resource';

const inputFields = defineInputFields([
  tagNameField,
  {
    ...tagCompanyField,
    helpText:
      "The company's tag, or else an account-wide one. Leave empty to look in the whole account, account-wide tags first.",
  },
]);

const inputs = { name: read.required(read.text), company_id: read.id('company') };

export default searchOperation({
  key: 'find_tag',
  noun: 'Tag',
  display: {
    label: 'Find Tag',
    description: 'Finds a tag by name, in a company or across the whole account.',
  },
  inputFields,
  inputs,
  resource: tagResource,
  // One request; names are compared here, upper and lower case alike.
  perform: (z, bundle, input) =>
    findTagsNamed(z, bundle, { name: input.name, companyId: input.company_id }),
});
