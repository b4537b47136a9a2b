import { defineInputField, type ZObject } from 'zapier-platform-core';

import { SETTABLE_LEAD_STATUSES } from './callrailFacts';
import { choicesFrom } from './fields';
import { invalidInput, type InputValues } from './inputs';
import * as read from './readers';
import type { TagEdit } from './tag/changes';

/**
 * What Update Call and Update Form Submission share: the same inputs, read the same way. Blank
 * inputs leave the record alone; tags are added without a read and removed after one.
 */

export const tagsToAddField = defineInputField({
  key: 'tags_to_add',
  label: 'Tags to Add',
  required: false,
  list: true,
  dynamic: 'tag_list.name.name',
  helpText:
    'Tag names to add; its other tags stay. Tags CallRail does not know yet are created by CallRail.',
});

export const tagsToRemoveField = defineInputField({
  key: 'tags_to_remove',
  label: 'Tags to Remove',
  required: false,
  list: true,
  dynamic: 'tag_list.name.name',
  helpText: 'Tag names to take off (upper or lower case alike); its other tags stay.',
});

export const noteField = defineInputField({
  key: 'note',
  label: 'Note',
  type: 'text',
  required: false,
  helpText: 'Replaces the note. Left empty, the note stays as it is.',
});

const LEAVE_AS_IS = 'leave_as_is';

export const leadStatusField = defineInputField({
  key: 'lead_status',
  label: 'Lead Status',
  required: false,
  choices: choicesFrom({
    good_lead: 'Good Lead',
    not_a_lead: 'Not a Lead',
    [LEAVE_AS_IS]: 'Leave As It Is',
  }),
});

export const valueField = defineInputField({
  key: 'value',
  label: 'Value',
  required: false,
  helpText: 'What the lead is worth, e.g. 350.00.',
});

/** How the shared inputs are read, in the order the Zap editor shows them. */
export const leadUpdateInputs = {
  tags_to_add: read.list,
  tags_to_remove: read.list,
  note: read.text,
  lead_status: read.choice([...SETTABLE_LEAD_STATUSES, LEAVE_AS_IS]),
  value: read.amount,
};

export interface LeadUpdate {
  tags: TagEdit;
  /** What goes into the PUT body besides tags; only what the user filled in. */
  fields: { note?: string; lead_status?: (typeof SETTABLE_LEAD_STATUSES)[number]; value?: string };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The update the inputs ask for; a tag both added and removed is refused. */
export const leadUpdateOf = (
  z: ZObject,
  input: InputValues<typeof leadUpdateInputs>,
): LeadUpdate => {
  const { tags_to_add: add, tags_to_remove: remove, note, lead_status: leadStatus, value } = input;
  const both = add.find((tag) => remove.some((removed) => same(tag, removed)));
  if (both !== undefined) {
    throw invalidInput(z, `"${both}" is in both Tags to Add and Tags to Remove: keep it in one.`);
  }
  return {
    tags: { add, remove },
    fields: {
      ...(note === undefined ? {} : { note }),
      ...(leadStatus === undefined || leadStatus === LEAVE_AS_IS
        ? {}
        : { lead_status: leadStatus }),
      ...(value === undefined ? {} : { value }),
    },
  };
};

/** Whether an update changes anything at all; a step that would change nothing is refused. */
export const changesSomething = ({ tags, fields }: LeadUpdate): boolean =>
  tags.add.length > 0 || tags.remove.length > 0 || Object.keys(fields).length > 0;
