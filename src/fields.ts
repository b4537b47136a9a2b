import {
  defineInputField,
  type Bundle,
  type PlainInputField,
  type ZObject,
} from 'zapier-platform-core';

import { readInputs } from './inputs';
import * as read from './readers';

/**
 * Input fields shared by several operations, and the hidden triggers behind their dropdowns.
 * Keys are public: once shipped, never rename one.
 */

/** Static choices from `{ value: label }`, in that order, each with the sample Zapier wants. */
export const choicesFrom = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label, sample: value }));

const companyDropdown = {
  key: 'company_id',
  label: 'Company',
  dynamic: 'company_list.id.name',
  altersDynamicFields: true,
} as const;

export const requiredCompanyField = defineInputField({
  ...companyDropdown,
  required: true,
  helpText: 'The CallRail company (active companies of the connected account).',
});

export const optionalCompanyField = defineInputField({
  ...companyDropdown,
  required: false,
  helpText: 'Only calls of this CallRail company. Leave empty for every company in the account.',
});

/**
 * Spread into a dropdown whose list belongs to the chosen company (trackers, its numbers, caller
 * IDs…): the editor keeps it disabled until a company is chosen and clears it when the company
 * changes. Only in operations that have a `company_id` input (test/definition.test.ts holds both).
 */
export const dependsOnCompany = { dependsOn: ['company_id'] };

/**
 * A field the Zap editor shows only while `shown` holds for the inputs chosen so far: Zapier runs
 * the function again whenever a field with `altersDynamicFields` changes. It carries the field's
 * key and label, so input readers find it like any field (src/inputs.ts); `field` and `shownWhen`
 * let the docs and the definition tests see what it shows.
 */
export const conditionalField = <const F extends PlainInputField>(
  field: F,
  shownWhen: string,
  shown: (inputData: Record<string, unknown>) => boolean,
) =>
  Object.assign(
    (_z: ZObject, bundle: Bundle): PlainInputField[] =>
      shown(bundle.inputData ?? {}) ? [field] : [],
    { key: field.key, label: field.label, field, shownWhen },
  );

const chosenCompanies = { company_id: read.companies() };

/**
 * The companies chosen (one or several, typed, mapped or picked), undefined for every company;
 * a list of one company's items takes `read.oneCompanyOf` of it.
 */
export const readChosenCompanies = (z: ZObject, bundle: Bundle): string[] | undefined =>
  read.companyIdsOf(readInputs(z, bundle, [optionalCompanyField], chosenCompanies).company_id);

export const trackerFilterField = defineInputField({
  key: 'tracker_id',
  label: 'Tracker',
  required: false,
  dynamic: 'tracker_list.id.name',
  ...dependsOnCompany,
  helpText:
    'Only calls to this tracking number source. Choose a company first to see its trackers.',
});

export const directionField = defineInputField({
  key: 'direction',
  label: 'Direction',
  required: false,
  choices: [
    { value: 'inbound', label: 'Inbound', sample: 'inbound' },
    { value: 'outbound', label: 'Outbound', sample: 'outbound' },
  ],
});

export const answerStatusField = defineInputField({
  key: 'answer_status',
  label: 'Answered, Missed or Voicemail',
  required: false,
  choices: [
    { value: 'answered', label: 'Answered', sample: 'answered' },
    { value: 'missed', label: 'Missed (No Voicemail)', sample: 'missed' },
    { value: 'voicemail', label: 'Voicemail', sample: 'voicemail' },
  ],
});

export const minDurationField = defineInputField({
  key: 'min_duration',
  label: 'Minimum Duration (Seconds)',
  type: 'integer',
  required: false,
  helpText:
    'Only calls that lasted at least this many seconds, e.g. 60 for calls worth reporting to Google Ads.',
});

/**
 * One, several or all companies (read with `read.companies()`, src/readers/companies.ts). Its dropdown
 * offers All Companies first; it belongs only where "all" means something (reports, triggers
 * that watch companies), never where an operation acts on one company.
 */
export const companiesField = ({ required, helpText }: { required: boolean; helpText: string }) =>
  defineInputField({
    key: 'company_id',
    label: 'Company',
    list: true,
    required,
    dynamic: 'company_list_or_all.id.name',
    altersDynamicFields: true,
    helpText,
  });

export const firstTimeCallersField = defineInputField({
  key: 'first_time_callers',
  label: 'First-Time Callers Only',
  type: 'boolean',
  required: false,
  helpText: 'Only calls from people calling for the first time.',
});
