import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';

import { inputsOf } from '../inputs';
import { tagCompanyField, tagNameField } from '../tag/fields';
import { findTagsNamed } from '../tag/requests';
import { tagResource, type TagOutput } from '../tag/resource';

const inputFields = defineInputFields([
  tagNameField,
  {
    ...tagCompanyField,
    helpText:
      "The company's tag, or else an account-wide one. Leave empty to look in the whole account, account-wide tags first.",
  },
]);

/** One request; names are compared here, upper and lower case alike. */
const perform = (async (z, bundle) => {
  const input = inputsOf(z, bundle, inputFields);
  return findTagsNamed(z, bundle, {
    name: input.text('name', { required: true }),
    companyId: input.id('company_id', 'company'),
  });
}) satisfies SearchPerform<typeof inputFields, TagOutput>;

export default defineSearch({
  key: 'find_tag',
  noun: 'Tag',
  display: {
    label: 'Find Tag',
    description: 'Finds a tag by name, in a company or across the whole account.',
  },
  operation: {
    inputFields,
    perform,
    sample: tagResource.sample,
    outputFields: tagResource.outputFields,
  },
});
