import { normalizeUsCaNumber, formatNumber } from '../../sandbox/phone';
import { Random } from '../../sandbox/random';
import { formatDuration, titleCase } from '../../sandbox/serializers';
import { isoInZone, legacyUtc, railsLocal, shiftDate, zonedToDate } from '../../sandbox/time';

describe('sandbox time helpers', () => {
  const instant = new Date('2026-07-04T17:05:09.007Z');

  it('writes CallRail timestamps in any zone, half-hour offsets and UTC included', () => {
    expect(isoInZone(instant, 'America/New_York')).toBe('2026-07-04T13:05:09.007-04:00');
    expect(isoInZone(instant, 'Asia/Kolkata')).toBe('2026-07-04T22:35:09.007+05:30');
    expect(isoInZone(instant, 'America/St_Johns')).toBe('2026-07-04T14:35:09.007-02:30');
    expect(isoInZone(instant, 'UTC')).toBe('2026-07-04T17:05:09.007+00:00');
    expect(legacyUtc(instant)).toBe('2026-07-04 17:05:09');
    expect(railsLocal(instant, 'America/Denver')).toBe('2026-07-04 11:05:09 -0600');
  });

  it('finds the instant of a wall-clock time across DST changes', () => {
    expect(
      zonedToDate({ year: 2026, month: 1, day: 15, hour: 9 }, 'America/New_York').toISOString(),
    ).toBe('2026-01-15T14:00:00.000Z');
    expect(
      zonedToDate({ year: 2026, month: 7, day: 15, hour: 9 }, 'America/New_York').toISOString(),
    ).toBe('2026-07-15T13:00:00.000Z');
    // Midnight on the day clocks change, both ways.
    expect(zonedToDate({ year: 2026, month: 3, day: 8 }, 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(
      zonedToDate({ year: 2026, month: 11, day: 1, hour: 12 }, 'America/New_York').toISOString(),
    ).toBe('2026-11-01T17:00:00.000Z');
  });

  it('shifts dates across month and year ends', () => {
    expect(shiftDate({ year: 2026, month: 12, day: 31 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
    expect(shiftDate({ year: 2026, month: 1, day: 1 }, 0, -1)).toEqual({
      year: 2025,
      month: 12,
      day: 1,
    });
  });
});

describe('sandbox phone helpers', () => {
  it.each([
    ['+14045558514', '+14045558514'],
    ['(404) 555-8514', '+14045558514'],
    ['1-404-555-8514', '+14045558514'],
    ['+1 416 555 0100', '+14165550100'],
    ['+447911123456', null],
    ['+18765550123', null],
    ['404-155-8514', null],
    ['12345', null],
    ['404.555.8514 ext 2', null],
  ])('normalises %s', (input, expected) => {
    expect(normalizeUsCaNumber(input)).toBe(expected);
  });

  it('formats +1 numbers CallRail-style and leaves others alone', () => {
    expect(formatNumber('+14045558514')).toBe('404-555-8514');
    expect(formatNumber('+447911123456')).toBe('+447911123456');
  });
});

describe('sandbox formatting helpers', () => {
  it('formats durations and caller names', () => {
    expect([formatDuration(13), formatDuration(125), formatDuration(3725)]).toEqual([
      '13s',
      '2m 5s',
      '1h 2m',
    ]);
    expect(titleCase("SIOBHAN O'BRIEN-HALL")).toBe("Siobhan O'Brien-Hall");
  });

  it('draws a reproducible sequence and refuses to pick from nothing', () => {
    const a = new Random(7);
    const b = new Random(7);
    expect([a.next(), a.int(1, 6), a.hex(8)]).toEqual([b.next(), b.int(1, 6), b.hex(8)]);
    expect(() => a.pick([])).toThrow('empty');
  });
});
