import {
  defineCreate,
  defineInputFields,
  type Bundle,
  type CreatePerform,
  type ZObject,
} from 'zapier-platform-core';

import { FORM_SUBMISSION_LEAD_STATUSES } from '../callrailFacts';
import { updateFormSubmission, type FormSubmissionChanges } from '../formSubmission/requests';
import { formSubmissionResource, type FormSubmissionOutput } from '../formSubmission/resource';
import { inputsOf, invalidInput } from '../inputs';
import { planTagUpdate } from '../tag/changes';

const LEAVE_AS_IS = 'leave_as_is';

const inputFields = defineInputFields([
  {
    key: 'form_submission_id',
    label: 'Form Submission',
    required: true,
    dynamic: 'form_submission_list.id.name',
    helpText: 'A CallRail form submission ID (`FRM…`), e.g. from a trigger or a search.',
  },
  {
    key: 'tags_to_add',
    label: 'Tags to Add',
    required: false,
    list: true,
    helpText: 'Added to the tags it has. CallRail creates tags it does not know yet.',
  },
  {
    key: 'tags_to_remove',
    label: 'Tags to Remove',
    required: false,
    list: true,
    helpText: 'Removed if present, in any case; other tags stay.',
  },
  { key: 'note', label: 'Note', type: 'text', required: false, helpText: 'Replaces the note.' },
  {
    key: 'lead_status',
    label: 'Lead Status',
    required: false,
    choices: [
      { value: 'good_lead', label: 'Good Lead', sample: 'good_lead' },
      { value: 'not_a_lead', label: 'Not a Lead', sample: 'not_a_lead' },
      { value: LEAVE_AS_IS, label: 'Leave As Is', sample: LEAVE_AS_IS },
    ],
  },
  {
    key: 'value',
    label: 'Value',
    required: false,
    helpText: 'What the lead is worth, e.g. 350.00.',
  },
]);

/** What to change; blank inputs leave things alone, and no change at all is refused. */
const readChanges = (z: ZObject, bundle: Bundle): FormSubmissionChanges => {
  const input = inputsOf(z, bundle, inputFields);
  const id = input.id('form_submission_id', 'form_submission', { required: true });
  const leadStatus = input.choice('lead_status', [
    ...FORM_SUBMISSION_LEAD_STATUSES,
    LEAVE_AS_IS,
  ] as const);
  const changes: FormSubmissionChanges = {
    id,
    tags: planTagUpdate({ add: input.list('tags_to_add'), remove: input.list('tags_to_remove') }),
    note: input.text('note'),
    value: input.amount('value'),
    leadStatus: leadStatus === LEAVE_AS_IS ? undefined : leadStatus,
  };
  if (changes.tags.kind === 'none' && !changes.note && !changes.value && !changes.leadStatus) {
    throw invalidInput(
      z,
      'Nothing to update: fill in Tags to Add, Tags to Remove, Note, Lead Status or Value.',
    );
  }
  return changes;
};

const perform = (async (z, bundle) =>
  updateFormSubmission(z, bundle, readChanges(z, bundle))) satisfies CreatePerform<
  typeof inputFields,
  FormSubmissionOutput
>;

export default defineCreate({
  key: 'update_form_submission',
  noun: 'Form Submission',
  display: {
    label: 'Update Form Submission',
    description:
      'Adds or removes tags, and sets the note, lead status or value of a CallRail form submission; blank fields leave it as it is.',
  },
  operation: {
    inputFields,
    perform,
    sample: formSubmissionResource.sample,
    outputFields: formSubmissionResource.outputFields,
  },
});
