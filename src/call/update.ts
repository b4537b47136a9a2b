import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';

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
import type { CallUpdate } from './requests';

/** Update Call's inputs: every one but the call may be left empty, which leaves that alone. */
export const updateCallFields = defineInputFields([
  {
    key: 'call_id',
    label: 'Call',
    required: true,
    dynamic: 'call_list.id.name',
    search: 'find_call.id',
    helpText:
      'The call to update: choose it, map its ID (`CAL…`) from an earlier step, or paste its link from CallRail.',
  },
  tagsToAddField,
  tagsToRemoveField,
  noteField,
  {
    key: 'clear_note',
    label: 'Clear Note',
    type: 'boolean',
    required: false,
    helpText: "Yes removes the call's note. (An empty Note never does.)",
  },
  leadStatusField,
  { key: 'customer_name', label: 'Customer Name', required: false },
  {
    key: 'spam',
    label: 'Spam',
    type: 'boolean',
    required: false,
    helpText:
      'Yes marks the call as spam: CallRail then leaves it out of reports and call lists. No leaves it as it is.',
  },
  valueField,
]);

/** The call and the changes asked for, checked before anything is sent. */
export const readCallUpdate = (
  z: ZObject,
  bundle: Bundle,
): { callId: string; update: CallUpdate } => {
  const input = inputsOf(z, bundle, updateCallFields);
  const callId = input.callId('call_id', { required: true });
  const lead = readLeadUpdate(z, bundle);
  const clearNote = input.boolean('clear_note') === true;
  if (lead.fields.note !== undefined && clearNote) {
    throw invalidInput(z, 'Note has text and Clear Note is Yes: empty one of them.');
  }
  const customerName = input.text('customer_name');
  const spam = input.boolean('spam') === true;
  const update: CallUpdate = {
    tags: lead.tags,
    ...lead.fields,
    ...(clearNote ? { note: '' } : {}),
    ...(customerName === undefined ? {} : { customer_name: customerName }),
    ...(spam ? { spam: true as const } : {}),
  };
  if (!changesSomething(lead) && !clearNote && customerName === undefined && !spam) {
    throw invalidInput(
      z,
      'Nothing to update: fill in at least one of Tags to Add, Tags to Remove, Note, Clear Note, Lead Status, Customer Name, Spam or Value. Empty fields leave the call as it is.',
    );
  }
  return { callId, update };
};
