import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';

import App from '../index';
import {
  LOOK_BACK_MINUTES,
  POLL_MAX_PAGES,
  readNewest,
  RELISTED_MINUTES,
  type ListPage,
} from '../src/polling';

type Item = { id: string; at: number };

const PAGE = 250;
const NOW = Date.parse('2026-11-22T12:00:00Z');

/** A list CallRail would serve newest first, `PAGE` a page, optionally before a time. */
const listOf = (items: Item[], requests: string[]) => {
  const pageAt =
    (rows: Item[], index: number, label: string) => async (): Promise<ListPage<Item>> => {
      requests.push(`${label}#${index}`);
      const slice = rows.slice(index * PAGE, index * PAGE + PAGE);
      const more = (index + 1) * PAGE < rows.length;
      return { items: slice, next: more ? pageAt(rows, index + 1, label) : null };
    };
  return (before?: string) => {
    const rows = before ? items.filter((item) => item.at < Date.parse(before)) : items;
    return pageAt(rows, 0, before ? 'before' : 'newest')();
  };
};

/** `count` items, newest first, `secondsApart` apart, the newest `ageSeconds` old. */
const burst = (count: number, secondsApart: number, ageSeconds = 0, prefix = 'c'): Item[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${index}`,
    at: NOW - (ageSeconds + index * secondsApart) * 1000,
  }));

const pollWith = (items: Item[], requests: string[]) => (z: ZObject, bundle: Bundle) =>
  readNewest(z, bundle, listOf(items, requests), {
    timeOf: (item) => item.at,
    pageSize: PAGE,
    followBursts: true,
    what: 'calls',
  });

describe('readNewest (every polling trigger)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'setTimeout'] });
  });
  afterEach(() => jest.useRealTimers());

  it('reads a burst of 5,000 new items in one poll, in ⌈5,000/250⌉ + 1 requests', async () => {
    const appTester = zapier.createAppTester(App);
    const items = [...burst(5000, 0.5), ...burst(300, 60, 3600, 'old')];
    const requests: string[] = [];
    const read = await appTester(pollWith(items, requests), { inputData: {} });
    expect(new Set(read.map((item) => item.id)).size).toBeGreaterThanOrEqual(5000);
    expect(requests).toHaveLength(21);
  });

  it('catches up on the next poll instead of dropping what a burst larger than a poll left', async () => {
    const appTester = zapier.createAppTester(App);
    const items = burst(7000, 0.5);
    const requests: string[] = [];
    const first = await appTester(pollWith(items, requests), { inputData: {} });
    expect(first).toHaveLength(POLL_MAX_PAGES * PAGE);
    requests.length = 0;
    const second = await appTester(pollWith(items, requests), { inputData: {} });
    const seen = new Set([...first, ...second].map((item) => item.id));
    expect(items.filter((item) => !seen.has(item.id))).toEqual([]);
    // The second poll reads back only RELISTED_MINUTES past its newest, then the backlog.
    expect(requests.filter((r) => r.startsWith('newest')).length).toBe(
      Math.ceil((RELISTED_MINUTES * 60) / 0.5 / PAGE),
    );
    expect(requests.some((r) => r.startsWith('before'))).toBe(true);
  });

  it('stops at the look-back window when nothing was read before', async () => {
    const appTester = zapier.createAppTester(App);
    const items = burst(1000, 10);
    const requests: string[] = [];
    await appTester(pollWith(items, requests), { inputData: {} });
    const insideWindow = items.filter((item) => item.at >= NOW - LOOK_BACK_MINUTES * 60_000);
    expect(requests).toHaveLength(Math.ceil(insideWindow.length / PAGE));
  });

  it('keeps each Zap apart: another input set starts with no memory', async () => {
    const appTester = zapier.createAppTester(App);
    const items = burst(7000, 0.5);
    await appTester(pollWith(items, []), { inputData: { company_id: 'A' } });
    const requests: string[] = [];
    await appTester(pollWith(items, requests), { inputData: { company_id: 'B' } });
    expect(requests).toHaveLength(POLL_MAX_PAGES);
  });
});
