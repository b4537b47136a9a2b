import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';

import { TAG_COLORS } from '../callrailFacts';
import { inputsOf } from '../inputs';
import { createTag } from '../tag/requests';
import { tagResource, type TagOutput } from '../tag/resource';
import { tagCompanyField, tagNameField } from '../tag/fields';

const inputFields = defineInputFields([
  tagNameField,
  {
    ...tagCompanyField,
    helpText: 'The company the tag belongs to. Leave empty for a tag for the whole account.',
  },
  {
    key: 'color',
    label: 'Color',
    required: false,
    choices: TAG_COLORS.map((color) => ({ value: color, label: color, sample: color })),
    helpText: "One of CallRail's tag colours. Leave empty for CallRail's default.",
  },
]);

/** One POST, sent once. */
const perform = (async (z, bundle) => {
  const input = inputsOf(z, bundle, inputFields);
  return createTag(z, bundle, {
    name: input.text('name', { required: true }),
    companyId: input.id('company_id', 'company'),
    color: input.choice('color', TAG_COLORS),
  });
}) satisfies CreatePerform<typeof inputFields, TagOutput>;

export default defineCreate({
  key: 'create_tag',
  noun: 'Tag',
  display: {
    label: 'Create Tag',
    description: 'Creates a tag, for one company or for the whole account.',
  },
  operation: {
    inputFields,
    perform,
    sample: tagResource.sample,
    outputFields: tagResource.outputFields,
  },
});
