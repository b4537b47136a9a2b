import { defineInputFields } from 'zapier-platform-core';

import { createOperation } from '../createOperation';

import { updateFormSubmission } from '../formSubmission/requests';
import { formSubmissionResource } from '../formSubmission/resource';
import { invalidInput } from '../inputs';
import {
  changesSomething,
  leadStatusField,
  noteField,
  leadUpdateInputs,
  leadUpdateOf,
  tagsToAddField,
  tagsToRemoveField,
  valueField,
} from '../leadUpdate';
import * as read from '../readers';

const inputFields = defineInputFields([
  {
    key: 'form_submission_id',
    label: 'Form Submission',
    required: true,
    dynamic: 'form_submission_list.id.name',
    helpText: 'A CallRail form submission ID (`FRM…`), e.g. from a trigger or a search.',
  },
  tagsToAddField,
  tagsToRemoveField,
  noteField,
  leadStatusField,
  valueField,
]);

const inputs = {
  form_submission_id: read.required(read.id('form_submission')),
  ...leadUpdateInputs,
};

export default createOperation({
  key: 'update_form_submission',
  noun: 'Form Submission',
  display: {
    label: 'Update Form Submission',
    description:
      'Updates a form submission: adds or removes tags, sets its note, lead status or value; blank fields leave it as it is.',
  },
  inputFields,
  inputs,
  resource: formSubmissionResource,
  // One write; one read before it only when tags are removed. Blank inputs change nothing.
  perform: (z, bundle, input) => {
    const update = leadUpdateOf(z, input);
    if (!changesSomething(update)) {
      throw invalidInput(
        z,
        'Nothing to update: fill in Tags to Add, Tags to Remove, Note, Lead Status or Value.',
      );
    }
    return updateFormSubmission(z, bundle, input.form_submission_id, update);
  },
});
