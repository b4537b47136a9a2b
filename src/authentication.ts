import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { accountIdOf, callRail } from './client';
import { MAX_PER_PAGE } from './callrailFacts';
import type { Account, Page } from './callrailTypes';
import { API_KEY_BUTTON, API_KEY_MENU } from './errors';

type AccountPage = Page & { accounts: Account[] };

/** Agencies can see hundreds of accounts; stop long before a runaway loop could hurt. */
const MAX_ACCOUNT_PAGES = 20;
/** How many reachable accounts a message names; the rest are counted. */
export const MAX_ACCOUNTS_LISTED = 5;

const matches = (account: Account, accountId: string): boolean =>
  account.id.toLowerCase() === accountId.toLowerCase() || String(account.numeric_id) === accountId;

const describeAccount = (account: Account): string =>
  account.numeric_id
    ? `${account.name} (${account.id}, ${account.numeric_id})`
    : `${account.name} (${account.id})`;

/**
 * One `GET /v3/a.json` proves the key works and lists what it can reach, so a wrong account ID
 * gets an answer that names the right ones.
 */
const test = async (z: ZObject, bundle: Bundle) => {
  const accountId = accountIdOf(z, bundle);
  const seen: Account[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_ACCOUNT_PAGES; page += 1) {
    const result = await callRail<AccountPage>(z, bundle, {
      path: '/a.json',
      params: { page, per_page: MAX_PER_PAGE, fields: 'numeric_id', sort: 'name' },
      context: { action: 'list the accounts this API key can see' },
    });
    seen.push(...result.accounts);
    total = Math.max(total, result.total_records ?? 0, seen.length);
    const account = result.accounts.find((candidate) => matches(candidate, accountId));
    if (account) {
      return { id: account.id, name: account.name, numeric_id: account.numeric_id ?? null };
    }
    if (result.accounts.length < result.per_page || page >= (result.total_pages ?? page)) break;
  }
  const more = total - Math.min(seen.length, MAX_ACCOUNTS_LISTED);
  const listed = seen.slice(0, MAX_ACCOUNTS_LISTED).map(describeAccount);
  if (more > 0) listed.push(`and ${more.toLocaleString('en-US')} more`);
  const visible = seen.length ? `It can see: ${listed.join('; ')}.` : 'It cannot see any account.';
  throw new z.errors.Error(
    `This API key cannot reach CallRail account ${accountId}. ${visible} ` +
      'Reconnect with one of those account IDs, or with a key from a user of that account.',
    'AccountNotReachable',
    404,
  );
};

export default {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        `An API v3 key: in CallRail open **${API_KEY_MENU}** and choose **${API_KEY_BUTTON}**. ` +
        'CallRail shows the whole key for 15 minutes only. See [CallRail API keys](https://apidocs.callrail.com/#authentication).',
    },
    {
      key: 'account_id',
      label: 'Account ID',
      required: true,
      helpText:
        'Your CallRail account ID: `ACC` followed by 32 letters and digits, or the 9-digit account ' +
        'number that follows `/a/` in the address bar of app.callrail.com (or paste that whole address).',
    },
  ],
  test,
  connectionLabel: '{{name}}',
} satisfies Authentication;
