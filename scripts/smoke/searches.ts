import type { Bundle, ZObject } from 'zapier-platform-core';

import type { FactName } from '../../src/callrailFactRegistry';
import { monthsAgo, searchCallsByPhone, SEARCH_WINDOW_MONTHS } from '../../src/call/requests';
import { searchCompanies } from '../../src/company/requests';
import type { Raw } from '../../src/fieldTable';
import { findTagsNamed } from '../../src/tag/requests';
import { searchConversations } from '../../src/textMessage/requests';
import { searchTrackers } from '../../src/tracker/requests';
import { listUsers } from '../../src/user/requests';
import { attempt, listedOf, type SmokeContext } from './context';
import { queryOf } from './probe';
import { notChecked, verdict, type Finding } from './report';

const digitsOf = (value: unknown) =>
  String(value ?? '')
    .replace(/\D/g, '')
    .slice(-10);

/** One search as the app runs it: the item it was looking for must be among what it finds. */
interface Search {
  fact: FactName;
  /** The list whose first suitable item is searched for. */
  from: string;
  /** The search term of an item, or '' when the item cannot be searched for. */
  term: (item: Raw) => string;
  run: (z: ZObject, bundle: Bundle, term: string) => Promise<{ id: string }[]>;
}

const SEARCHES: Search[] = [
  {
    fact: 'company_search',
    from: 'companies.json',
    term: (company) => String(company.name ?? ''),
    run: (z, bundle, name) => searchCompanies(z, bundle, name),
  },
  {
    fact: 'tracker_search',
    from: 'trackers.json',
    term: (tracker) =>
      digitsOf(Array.isArray(tracker.tracking_numbers) ? tracker.tracking_numbers[0] : ''),
    run: (z, bundle, digits) => searchTrackers(z, bundle, { search: digits }),
  },
  {
    fact: 'user_search',
    from: 'users.json',
    term: (user) => String(user.email ?? ''),
    run: (z, bundle, email) => listUsers(z, bundle, { search: email }),
  },
  {
    fact: 'tag_search',
    from: 'tags.json',
    term: (tag) => String(tag.name ?? ''),
    run: (z, bundle, name) => findTagsNamed(z, bundle, { name }),
  },
  {
    fact: 'call_search',
    from: 'calls.json',
    term: (call) => digitsOf(call.customer_phone_number),
    run: (z, bundle, digits) => searchCallsByPhone(z, bundle, { digits, limit: 25 }),
  },
  {
    fact: 'conversation_search',
    from: 'text-messages.json',
    term: (conversation) => digitsOf(conversation.customer_phone_number),
    run: (z, bundle, digits) => searchConversations(z, bundle, { digits }),
  },
];

const runSearch = async (context: SmokeContext, search: Search): Promise<Finding[]> => {
  const item = listedOf(context, search.from).find(
    (candidate) => search.term(candidate).length >= 3,
  );
  const checked = `${search.from}?search=…`;
  if (!item)
    return [notChecked(search.fact, checked, `nothing listed in ${search.from} to search for`)];
  const term = search.term(item);
  return attempt(search.fact, checked, async () => {
    const found = await context.probe.run((z, bundle) => search.run(z, bundle, term));
    const wanted = String(item.id);
    return verdict(
      search.fact,
      `${search.from}?search=${term}`,
      found.some((row) => row.id === wanted) ? [] : [`${found.length} results, without ${wanted}`],
    );
  });
};

/**
 * Calls as a filter returns them: every call must match, or CallRail ignored the filter. Calls
 * without the field compared (`fields=` ignored) show nothing either way.
 */
const filtered = async (
  context: SmokeContext,
  fact: FactName,
  params: Record<string, string>,
  field: string,
  matches: (value: unknown) => boolean,
): Promise<Finding[]> => {
  const query = {
    ...params,
    per_page: '25',
    sort: 'start_time',
    order: 'desc',
    start_date: monthsAgo(SEARCH_WINDOW_MONTHS),
  };
  const checked = `GET calls.json${queryOf(query)}`;
  return attempt(fact, checked, async () => {
    const body = await context.probe.get('calls.json', query);
    const calls = await context.probe.itemsIn(body, 'calls', 'calls.json');
    if (calls.length === 0) return notChecked(fact, checked, 'no calls match');
    if (calls.some((call) => !(field in call))) {
      return notChecked(fact, checked, `the calls carry no ${field} to compare`);
    }
    const wrong = calls.filter((call) => !matches(call[field]));
    return verdict(
      fact,
      checked,
      wrong.length
        ? [
            `${wrong.length} of ${calls.length} calls have another ${field}, e.g. ${JSON.stringify(wrong[0]?.[field])}`,
          ]
        : [],
    );
  });
};

const checkFilters = async (context: SmokeContext): Promise<Finding[]> => {
  const { companyId } = context;
  const calls = listedOf(context, 'calls.json');
  const older = calls.find((call, index) => index > 0 && call.start_time !== calls[0]?.start_time);
  const endDate = String(older?.start_time);
  return [
    ...(companyId
      ? await filtered(
          context,
          'calls_company_filter',
          { company_id: companyId, fields: 'company_id' },
          'company_id',
          (value) => value === companyId,
        )
      : [
          notChecked(
            'calls_company_filter',
            'calls.json?company_id=…',
            'the account has no active company',
          ),
        ]),
    ...(await filtered(
      context,
      'calls_direction_filter',
      { direction: 'inbound' },
      'direction',
      (value) => value === 'inbound',
    )),
    ...(older
      ? await filtered(
          context,
          'list_date_filters',
          { end_date: endDate },
          'start_time',
          (value) => Date.parse(String(value)) <= Date.parse(endDate),
        )
      : [
          notChecked(
            'list_date_filters',
            'calls.json?end_date=…',
            'fewer than two calls at different times',
          ),
        ]),
  ];
};

export const checkSearches = async (context: SmokeContext): Promise<Finding[]> => {
  const findings = await checkFilters(context);
  for (const search of SEARCHES) findings.push(...(await runSearch(context, search)));
  return findings;
};
