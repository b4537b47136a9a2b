import { defineInputFields } from 'zapier-platform-core';

import { TAG_COLORS } from '../callrailFacts';
import { createOperation } from '../createOperation';
import * as read from '../readers';
import { createTag } from '../tag/requests';
import { tagResource } from '../tag/resource';
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

const inputs = {
  name: read.required(read.text),
  company_id: read.id('company'),
  color: read.choice(TAG_COLORS),
};

export default createOperation({
  key: 'create_tag',
  noun: 'Tag',
  display: {
    label: 'Create Tag',
    description: 'Creates a tag, for one company or for the whole account.',
  },
  inputFields,
  inputs,
  resource: tagResource,
  // One POST, sent once.
  perform: (z, bundle, { name, company_id: companyId, color }) =>
    createTag(z, bundle, { name, companyId, color }),
});
