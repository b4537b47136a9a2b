import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';

import { updateFormSubmission } from '../formSubmission/requests';
import { formSubmissionResource, type FormSubmissionOutput } from '../formSubmission/resource';
import { inputsOf, invalidInput } from '../inputs';
import {
  changesSomething,
  leadStatusField,
  noteField,
  readLeadUpdate,
  tagsToAddField,
  tagsToRemoveField,
  valueField,
} from '../leadUpdate';

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

/** One write; one read before it only when tags are removed. Blank inputs change nothing. */
const perform = (async (z, bundle) => {
  const id = inputsOf(z, bundle, inputFields).id('form_submission_id', 'form_submission', {
    required: true,
  });
  const update = readLeadUpdate(z, bundle);
  if (!changesSomething(update)) {
    throw invalidInput(
      z,
      'Nothing to update: fill in Tags to Add, Tags to Remove, Note, Lead Status or Value.',
    );
  }
  return updateFormSubmission(z, bundle, id, update);
}) satisfies CreatePerform<typeof inputFields, FormSubmissionOutput>;

export default defineCreate({
  key: 'update_form_submission',
  noun: 'Form Submission',
  display: {
    label: 'Update Form Submission',
    description:
      'Updates a form submission: adds or removes tags, sets its note, lead status or value; blank fields leave it as it is.',
  },
  operation: {
    inputFields,
    perform,
    sample: formSubmissionResource.sample,
    outputFields: formSubmissionResource.outputFields,
  },
});
