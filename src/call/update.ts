import { defineInputFields, type ZObject } from 'zapier-platform-core';

import { invalidInput, type InputValues } from '../inputs';
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

export const updateCallInputs = {
  call_id: read.required(read.callId),
  ...leadUpdateInputs,
  clear_note: read.boolean,
  customer_name: read.text,
  spam: read.boolean,
};

/** The changes asked for, checked before anything is sent. */
export const callUpdateOf = (
  z: ZObject,
  input: InputValues<typeof updateCallInputs>,
): CallUpdate => {
  const lead = leadUpdateOf(z, input);
  const clearNote = input.clear_note === true;
  if (lead.fields.note !== undefined && clearNote) {
    throw invalidInput(z, 'Note has text and Clear Note is Yes: empty one of them.');
  }
  const customerName = input.customer_name;
  const spam = input.spam === true;
  if (!changesSomething(lead) && !clearNote && customerName === undefined && !spam) {
    throw invalidInput(
      z,
      'Nothing to update: fill in at least one of Tags to Add, Tags to Remove, Note, Clear Note, Lead Status, Customer Name, Spam or Value. Empty fields leave the call as it is.',
    );
  }
  return {
    tags: lead.tags,
    ...lead.fields,
    ...(clearNote ? { note: '' } : {}),
    ...(customerName === undefined ? {} : { customer_name: customerName }),
    ...(spam ? { spam: true as const } : {}),
  };
};
