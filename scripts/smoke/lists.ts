import type { FactName } from '../../src/callrailFactRegistry';
import {
  CALLER_ID_LIST_FORBIDDEN_STATUS,
  FORM_SUBMISSION_SORT,
  MAX_PER_PAGE,
  REST_TEXT_DIRECTIONS,
  USER_SORT,
} from '../../src/callrailFacts';
import { type QueryValue } from '../../src/client';
import { companyResource } from '../../src/company/resource';
import { formSubmissionResource } from '../../src/formSubmission/resource';
import type { FieldTable, Raw } from '../../src/fieldTable';
import { tagResource } from '../../src/tag/resource';
import { conversationResource } from '../../src/textMessage/conversation';
import { trackerResource } from '../../src/tracker/resource';
import { userResource } from '../../src/user/resource';
import { attempt, type SmokeContext } from './context';
import { payloadProblems, problemsOfAll } from './payload';
import { queryOf } from './probe';
import { holds, notChecked, verdict, type Finding } from './report';

/** An offset-paginated list the app reads, and the field table its items go through. */
interface OffsetList {
  path: string;
  key: string;
  params: (context: SmokeContext) => Record<string, QueryValue>;
  table?: { fact: FactName; fields: FieldTable };
  needsCompany?: true;
  allowStatuses?: number[];
}

const perPage = { per_page: MAX_PER_PAGE };

export const OFFSET_LISTS: OffsetList[] = [
  { path: '/a.json', key: 'accounts', params: () => ({ ...perPage, fields: 'numeric_id' }) },
  {
    path: 'companies.json',
    key: 'companies',
    params: () => ({ status: 'active', ...perPage }),
    table: { fact: 'company_fields', fields: companyResource.fields },
  },
  {
    path: 'trackers.json',
    key: 'trackers',
    params: ({ companyId }) => ({ company_id: companyId, status: 'active', ...perPage }),
    table: { fact: 'tracker_fields', fields: trackerResource.fields },
    needsCompany: true,
  },
  {
    path: 'users.json',
    key: 'users',
    params: () => ({ sort: USER_SORT, order: 'asc', ...perPage }),
    table: { fact: 'user_fields', fields: userResource.fields },
  },
  {
    path: 'tags.json',
    key: 'tags',
    params: () => perPage,
    table: { fact: 'tag_fields', fields: tagResource.fields },
  },
  {
    path: 'caller_ids.json',
    key: 'caller_ids',
    params: ({ companyId }) => ({ company_id: companyId, ...perPage }),
    needsCompany: true,
    allowStatuses: [CALLER_ID_LIST_FORBIDDEN_STATUS],
  },
  {
    path: 'text-messages.json',
    key: 'conversations',
    params: () => perPage,
    table: { fact: 'conversation_fields', fields: conversationResource.fields },
  },
  {
    path: 'form_submissions.json',
    key: 'form_submissions',
    params: () => ({ ...FORM_SUBMISSION_SORT, ...perPage }),
    table: { fact: 'form_submission_fields', fields: formSubmissionResource.fields },
  },
  {
    path: 'integrations.json',
    key: 'integrations',
    params: ({ companyId }) => ({ company_id: companyId, fields: 'signing_key', ...perPage }),
    needsCompany: true,
  },
];

const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

/** Offset pagination's fields: page, per_page and total_records; total_pages when present. */
export const pagingProblems = (body: Raw): string[] => [
  ...['page', 'per_page', 'total_records']
    .filter((key) => !isNumber(body[key]))
    .map((key) => `${key} is ${JSON.stringify(body[key]) ?? 'missing'}`),
  ...('total_pages' in body && !isNumber(body.total_pages)
    ? [`total_pages is ${JSON.stringify(body.total_pages)}`]
    : []),
];

const readList = async (context: SmokeContext, list: OffsetList): Promise<Finding[]> => {
  const checked = `GET ${list.path}${queryOf(list.params(context))}`;
  if (list.needsCompany && !context.companyId) {
    return [notChecked('list_envelopes', checked, 'the account has no active company')];
  }
  const response = await context.probe.getAllowing(
    list.path,
    list.params(context),
    list.allowStatuses ?? [],
  );
  if (response.status === CALLER_ID_LIST_FORBIDDEN_STATUS && list.allowStatuses) {
    return [
      holds('CALLER_ID_LIST_FORBIDDEN_STATUS', `${checked} answered 403`),
      notChecked('list_envelopes', checked, 'this account may not list caller IDs (403)'),
    ];
  }
  const body = response.data as Raw;
  const items = await context.probe.itemsIn(body, list.key, list.path);
  context.listed.set(list.path, items);
  const findings = [
    holds('list_envelopes', `${checked} → "${list.key}"`),
    verdict('offset_pagination', checked, pagingProblems(body)),
  ];
  if (list.table) {
    const { fact, fields } = list.table;
    findings.push(
      items.length === 0
        ? notChecked(fact, checked, `the list is empty`)
        : verdict(
            fact,
            checked,
            problemsOfAll(items.slice(0, 25), (raw) => payloadProblems(fields, raw)),
          ),
    );
  }
  return findings;
};

export const checkOffsetLists = async (context: SmokeContext): Promise<Finding[]> => {
  const findings: Finding[] = [];
  for (const list of OFFSET_LISTS) {
    findings.push(
      ...(await attempt('list_envelopes', `GET ${list.path}`, () => readList(context, list))),
    );
  }
  return findings;
};

const isSorted = (values: string[], compare: (a: string, b: string) => number) =>
  values.every((value, index) => index === 0 || compare(values[index - 1] ?? '', value) <= 0);

/** How lists are ordered and what their items carry, from the lists already read. */
export const checkListContents = (context: SmokeContext): Finding[] => {
  const users = context.listed.get('users.json') ?? [];
  const emails = users.map((user) => String(user.email ?? '').toLowerCase());
  const forms = context.listed.get('form_submissions.json') ?? [];
  const times = forms.map((form) => Date.parse(String(form.submitted_at)));
  const trackers = context.listed.get('trackers.json') ?? [];
  const messages = (context.listed.get('text-messages.json') ?? []).flatMap((conversation) =>
    Array.isArray(conversation.recent_messages) ? (conversation.recent_messages as Raw[]) : [],
  );
  const few = (what: string) => `fewer than two ${what} to compare`;
  return [
    emails.length < 2
      ? notChecked('USER_SORT', 'users.json', few('users'))
      : verdict(
          'USER_SORT',
          'users.json order',
          isSorted(emails, (a, b) => a.localeCompare(b))
            ? []
            : [`emails in this order: ${emails.slice(0, 5).join(', ')}`],
        ),
    times.length < 2
      ? notChecked('FORM_SUBMISSION_SORT', 'form_submissions.json', few('form submissions'))
      : verdict(
          'FORM_SUBMISSION_SORT',
          'form_submissions.json order',
          times.every((time, i) => i === 0 || (times[i - 1] ?? 0) >= time)
            ? []
            : ['submitted_at not newest first'],
        ),
    trackers.length === 0
      ? notChecked('TRACKER_SMS_FLAG_ABSENT_MEANS', 'trackers.json', 'no trackers')
      : verdict(
          'TRACKER_SMS_FLAG_ABSENT_MEANS',
          'trackers.json sms flags',
          problemsOfAll(trackers, (tracker) =>
            ['sms_supported', 'sms_enabled']
              .filter((flag) => typeof tracker[flag] !== 'boolean')
              .map((flag) => `${flag} not a boolean`),
          ),
        ),
    messages.length === 0
      ? notChecked('REST_TEXT_DIRECTIONS', 'text-messages.json', 'no recent messages')
      : verdict(
          'REST_TEXT_DIRECTIONS',
          'recent_messages[].direction',
          problemsOfAll(messages, (message) =>
            String(message.direction) in REST_TEXT_DIRECTIONS
              ? []
              : [`direction ${JSON.stringify(message.direction)}`],
          ),
        ),
    messages.length === 0
      ? notChecked('restTextMessageId', 'text-messages.json', 'no recent messages')
      : verdict(
          'restTextMessageId',
          'recent_messages[] ids',
          problemsOfAll(messages, (message) =>
            'id' in message ? ['a message has an id of its own'] : [],
          ),
        ),
  ];
};
