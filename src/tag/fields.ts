import { defineInputField } from 'zapier-platform-core';

/** The inputs Create Tag and Find Tag share, so the search can feed the create. */

export const tagNameField = defineInputField({
  key: 'name',
  label: 'Tag Name',
  required: true,
  helpText: 'E.g. Water Heater Quote. Upper and lower case count as the same name.',
});

export const tagCompanyField = defineInputField({
  key: 'company_id',
  label: 'Company',
  required: false,
  dynamic: 'company_list.id.name',
});
