import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';

import { SETTABLE_LEAD_STATUSES } from '../callrailFacts';
import { inputsOf, invalidInput } from '../inputs';
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
  {
    key: 'tags_to_add',
    label: 'Tags to Add',
    required: false,
    list: true,
    dynamic: 'tag_list.name.name',
    helpText:
      'Tag names to add; the call keeps its other tags. Tags CallRail does not know yet are created by CallRail.',
  },
  {
    key: 'tags_to_remove',
    label: 'Tags to Remove',
    required: false,
    list: true,
    dynamic: 'tag_list.name.name',
    helpText: 'Tag names to take off the call (upper or lower case alike); its other tags stay.',
  },
  {
    key: 'note',
    label: 'Note',
    type: 'text',
    required: false,
    helpText: "Replaces the call's note. Left empty, the note stays as it is.",
  },
  {
    key: 'clear_note',
    label: 'Clear Note',
    type: 'boolean',
    required: false,
    helpText: "Yes removes the call's note. (An empty Note never does.)",
  },
  {
    key: 'lead_status',
    label: 'Lead Status',
    required: false,
    choices: [
      { value: 'good_lead', label: 'Good Lead', sample: 'good_lead' },
      { value: 'not_a_lead', label: 'Not a Lead', sample: 'not_a_lead' },
      { value: 'leave_as_is', label: 'Leave As It Is', sample: 'leave_as_is' },
    ],
  },
  { key: 'customer_name', label: 'Customer Name', required: false },
  {
    key: 'spam',
    label: 'Spam',
    type: 'boolean',
    required: false,
    helpText:
      'Yes marks the call as spam: CallRail then leaves it out of reports and call lists. No leaves it as it is.',
  },
  {
    key: 'value',
    label: 'Value',
    required: false,
    helpText: 'What the call was worth, e.g. 350.00.',
  },
]);

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The call and the changes asked for, checked before anything is sent. */
export const readCallUpdate = (
  z: ZObject,
  bundle: Bundle,
): { callId: string; update: CallUpdate } => {
  const input = inputsOf(z, bundle, updateCallFields);
  const callId = input.callId('call_id', { required: true });
  const add = input.list('tags_to_add');
  const remove = input.list('tags_to_remove');
  const both = add.find((tag) => remove.some((removed) => same(tag, removed)));
  if (both !== undefined) {
    throw invalidInput(z, `"${both}" is in both Tags to Add and Tags to Remove: keep it in one.`);
  }
  const note = input.text('note');
  const clearNote = input.boolean('clear_note') === true;
  if (note !== undefined && clearNote) {
    throw invalidInput(z, 'Note has text and Clear Note is Yes: empty one of them.');
  }
  const leadStatus = input.choice('lead_status', [...SETTABLE_LEAD_STATUSES, 'leave_as_is']);
  const customerName = input.text('customer_name');
  const value = input.amount('value');
  const update: CallUpdate = {
    tags: { add, remove },
    ...(note !== undefined ? { note } : clearNote ? { note: '' } : {}),
    ...(leadStatus && leadStatus !== 'leave_as_is' ? { lead_status: leadStatus } : {}),
    ...(customerName === undefined ? {} : { customer_name: customerName }),
    ...(input.boolean('spam') === true ? { spam: true as const } : {}),
    ...(value === undefined ? {} : { value }),
  };
  if (add.length === 0 && remove.length === 0 && Object.keys(update).length === 1) {
    throw invalidInput(
      z,
      'Nothing to update: fill in at least one of Tags to Add, Tags to Remove, Note, Clear Note, Lead Status, Customer Name, Spam or Value. Empty fields leave the call as it is.',
    );
  }
  return { callId, update };
};
