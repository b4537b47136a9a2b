import type { Handler } from '../http';
import { compareText, offsetPage, sortOrder } from '../pagination';
import { resourceId } from '../ids';
import { isoInZone, DAY_MS } from '../time';
import type { AccountRecord, JsonObject } from '../types';

/**
 * The account's users (reference §5). They are derived from the account itself, so they are the
 * same on every run and need nothing in the store: each account in seeded order gets the people
 * below, created some weeks after the account.
 */

type Person = { first: string; last: string; email: string; role: string; accepted: boolean };

const PEOPLE: readonly (readonly Person[])[] = [
  [
    {
      first: 'Dana',
      last: 'Whitfield',
      email: 'dana.whitfield@summitdental.example',
      role: 'admin',
      accepted: true,
    },
    {
      first: 'Marcus',
      last: 'Lee',
      email: 'Marcus.Lee@summitdental.example',
      role: 'manager',
      accepted: true,
    },
    {
      first: 'Priya',
      last: 'Raman',
      email: 'priya.raman@summitdental.example',
      role: 'reporting',
      accepted: true,
    },
    {
      first: 'Elena',
      last: 'Ruiz',
      email: 'elena@summitdental.example',
      role: 'manager',
      accepted: true,
    },
    {
      first: 'Tom',
      last: 'Okafor',
      email: 'tom.okafor@summitdental.example',
      role: 'manager',
      accepted: false,
    },
  ],
  [
    {
      first: 'Frank',
      last: 'Castellano',
      email: 'frank@harborhome.example',
      role: 'admin',
      accepted: true,
    },
    {
      first: 'Jo',
      last: 'Nguyen',
      email: 'jo.nguyen@harborhome.example',
      role: 'manager',
      accepted: true,
    },
    {
      first: 'Sam',
      last: 'Patel',
      email: 'sam.patel@harborhome.example',
      role: 'reporting',
      accepted: true,
    },
  ],
];

/** `2025-05-19 15:00:00 -0400` (the accounts endpoint's form) as a Date. */
const parseRailsLocal = (text: string): Date =>
  new Date(text.replace(' ', 'T').replace(/ ([+-]\d{2})(\d{2})$/, '$1:$2'));

export function usersOf(account: AccountRecord, accounts: readonly AccountRecord[]): JsonObject[] {
  const index = accounts.findIndex((a) => a.id === account.id);
  const created = parseRailsLocal(account.created_at).getTime();
  return (PEOPLE[index] ?? []).map((person, i) => ({
    id: resourceId('USR', `user:${account.id}:${i}`),
    email: person.email,
    first_name: person.first,
    last_name: person.last,
    name: `${person.first} ${person.last}`,
    role: person.role,
    accepted: person.accepted,
    created_at: isoInZone(new Date(created + (i + 1) * 17 * DAY_MS), 'America/New_York'),
  }));
}

const SORTS = ['id', 'email', 'created_at'] as const;

/**
 * GET users.json: `search` (first name, last name or email, case-insensitive, part of a word),
 * `sort=id|email|created_at` (default id), `order`, offset pagination.
 */
export const listUsers: Handler = (ctx) => {
  const search = ctx.query.get('search')?.trim().toLowerCase();
  const requested = ctx.query.get('sort');
  const sortBy = SORTS.find((s) => s === requested) ?? 'id';
  const direction = sortOrder(ctx, 'asc') === 'asc' ? 1 : -1;
  const users = usersOf(ctx.account, ctx.store.accounts)
    .filter(
      (u) =>
        !search ||
        [u.first_name, u.last_name, u.email].some((v) => String(v).toLowerCase().includes(search)),
    )
    .sort((a, b) => compareText(String(a[sortBy]), String(b[sortBy])) * direction);
  return offsetPage(ctx, users, 'users', (u) => u);
};
