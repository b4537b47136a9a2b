import type { Bundle, ZObject } from 'zapier-platform-core';

import { inputsOf } from '../src/inputs';
import { appTester, errorOf } from './helpers';

/**
 * The one place input is read. Each row runs the reader inside Zapier's runner (so the error is
 * Zapier's own "invalid input" error) and no request can be made.
 */
const FIELDS = [
  { key: 'company_id', label: 'Company', dynamic: 'company_list.id.name' },
  { key: 'call_id', label: 'Call' },
  { key: 'tracker_id', label: 'Tracker' },
  { key: 'form_submission_id', label: 'Form Submission' },
  { key: 'user_id', label: 'Agent' },
  { key: 'tag_id', label: 'Tag' },
  { key: 'phone', label: 'Phone Number' },
  { key: 'from', label: 'From Date' },
  { key: 'to', label: 'To Date' },
  { key: 'note', label: 'Note' },
  { key: 'value', label: 'Value' },
  { key: 'flag', label: 'Spam' },
  { key: 'count', label: 'Minimum Duration' },
  { key: 'email', label: 'Email' },
  { key: 'link', label: 'Form URL' },
  { key: 'fields', label: 'Form Fields' },
  { key: 'tags', label: 'Tags' },
] as const;

type Reader = ReturnType<typeof inputsOf<typeof FIELDS>>;
const read = <T>(inputData: Record<string, unknown>, use: (input: Reader) => T) =>
  appTester((z: ZObject, bundle: Bundle) => use(inputsOf(z, bundle, FIELDS)), { inputData });
const refusal = async (inputData: Record<string, unknown>, use: (input: Reader) => unknown) => {
  const error = await errorOf(read(inputData, use));
  expect(error.detail).toMatchObject({ code: 'InvalidInput', status: 400 });
  return String(error.detail.message);
};

describe('CallRail ids', () => {
  it.each([
    [
      'company',
      'company_id',
      ' COM8154748ae6bd4e278a7cddd38a662f4f ',
      'COM8154748ae6bd4e278a7cddd38a662f4f',
    ],
    ['company (legacy numeric)', 'company_id', '155920786', '155920786'],
    [
      'call',
      'call_id',
      'CAL8154748AE6BD4E278A7CDDD38A662F4F',
      'CAL8154748AE6BD4E278A7CDDD38A662F4F',
    ],
    ['call (legacy numeric)', 'call_id', '766970532', '766970532'],
    [
      'tracker',
      'tracker_id',
      'TRK8154748ae6bd4e278a7cddd38a662f4f',
      'TRK8154748ae6bd4e278a7cddd38a662f4f',
    ],
    [
      'form submission',
      'form_submission_id',
      'FRM8154748ae6bd4e278a7cddd38a662f4f',
      'FRM8154748ae6bd4e278a7cddd38a662f4f',
    ],
    [
      'user',
      'user_id',
      'USR8154748ae6bd4e278a7cddd38a662f4f',
      'USR8154748ae6bd4e278a7cddd38a662f4f',
    ],
    ['tag', 'tag_id', '7886733', '7886733'],
  ] as const)('accepts a %s id', async (_name, key, value, expected) => {
    const kind = {
      company_id: 'company',
      call_id: 'call',
      tracker_id: 'tracker',
      form_submission_id: 'form_submission',
      user_id: 'user',
      tag_id: 'tag',
    } as const;
    await expect(read({ [key]: value }, (input) => input.id(key, kind[key]))).resolves.toBe(
      expected,
    );
  });

  it.each([
    ['a name', 'company_id', 'company', 'Peachtree Dental'],
    ['a truncated id', 'company_id', 'company', 'COM123'],
    ['another resource', 'company_id', 'company', 'CAL8154748ae6bd4e278a7cddd38a662f4f'],
    ['a path', 'call_id', 'call', '../a.json'],
    ['a legacy number where none exists', 'tracker_id', 'tracker', '354024023'],
    ['a tag name', 'tag_id', 'tag', 'VIP'],
  ] as const)('refuses %s', async (_name, key, kind, value) => {
    expect(await refusal({ [key]: value }, (input) => input.id(key, kind))).toMatch(
      /must be a CallRail ID such as .*; ".*" is not\./,
    );
  });

  it('says how to fill a missing required dropdown, and that an empty optional one is fine', async () => {
    expect(
      await refusal({ company_id: '   ' }, (input) =>
        input.id('company_id', 'company', { required: true }),
      ),
    ).toBe('Choose the Company, or map one from an earlier step.');
    await expect(read({}, (input) => input.id('company_id', 'company'))).resolves.toBeUndefined();
  });

  it('reads a call id out of a link copied from CallRail', async () => {
    await expect(
      read(
        { call_id: 'https://app.callrail.com/calls/CAL8154748ae6bd4e278a7cddd38a662f4f/recording' },
        (input) => input.callId('call_id'),
      ),
    ).resolves.toBe('CAL8154748ae6bd4e278a7cddd38a662f4f');
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-28', '2026-02-28'],
    ['2024-02-29', '2024-02-29'],
    ['2026-11-20T10:00:00-05:00', '2026-11-20'],
  ])('reads %s as the day %s', async (value, day) => {
    await expect(read({ from: value }, (input) => input.day('from'))).resolves.toBe(day);
  });

  it.each(['2026-02-31', '2025-02-29', '2026-13-01', 'next Tuesday', '20/11/2026'])(
    'refuses %s',
    async (value) => {
      expect(await refusal({ from: value }, (input) => input.day('from'))).toMatch(
        /^From Date must be a date such as 2026-11-20/,
      );
    },
  );

  it('refuses an end before the start, and accepts one day or an open end', async () => {
    expect(
      await refusal({ from: '2026-11-20', to: '2026-11-19' }, (input) =>
        input.dayRange('from', 'to'),
      ),
    ).toBe('To Date (2026-11-19) is before From Date (2026-11-20).');
    await expect(
      read({ from: '2026-11-20', to: '2026-11-20' }, (input) => input.dayRange('from', 'to')),
    ).resolves.toEqual({ from: '2026-11-20', to: '2026-11-20' });
    await expect(
      read({ from: '2026-11-20' }, (input) => input.dayRange('from', 'to')),
    ).resolves.toEqual({
      from: '2026-11-20',
      to: undefined,
    });
  });
});

describe('other values', () => {
  it.each([
    ['(770) 555-0199', '+17705550199'],
    ['+1 416 555 0143', '+14165550143'],
  ])('reads the phone number %s as %s', async (value, e164) => {
    await expect(read({ phone: value }, (input) => input.phone('phone'))).resolves.toBe(e164);
  });

  it.each([
    ['+44 20 7946 0958', /outside the US and Canada/],
    ['555', /not a valid US or Canadian phone number/],
  ])('refuses the phone number %s', async (value, message) => {
    expect(await refusal({ phone: value }, (input) => input.phone('phone'))).toMatch(message);
  });

  it('requires a present, non-blank text and trims it', async () => {
    await expect(read({ note: '  Called back ' }, (input) => input.text('note'))).resolves.toBe(
      'Called back',
    );
    expect(await refusal({ note: ' \n ' }, (input) => input.text('note', { required: true }))).toBe(
      'Note is empty: type or map a value.',
    );
  });

  it.each([
    ['350', '350'],
    ['$1,250.50', '1250.50'],
  ])('reads the amount %s as %s', async (value, amount) => {
    await expect(read({ value }, (input) => input.amount('value'))).resolves.toBe(amount);
  });

  it.each([
    [
      'amount',
      { value: 'lots' },
      (input: Reader) => input.amount('value'),
      /Value must be an amount/,
    ],
    [
      'yes/no',
      { flag: 'maybe' },
      (input: Reader) => input.boolean('flag'),
      /Spam must be yes or no/,
    ],
    [
      'whole number',
      { count: '2.5' },
      (input: Reader) => input.integer('count'),
      /Minimum Duration must be a whole number/,
    ],
    [
      'email',
      { email: 'ada@' },
      (input: Reader) => input.email('email'),
      /Email must be an email address/,
    ],
    [
      'web address',
      { link: 'www.example.com' },
      (input: Reader) => input.url('link'),
      /Form URL must be a web address/,
    ],
    [
      'set of fields',
      { fields: '[1,2]' },
      (input: Reader) => input.dict('fields'),
      /Form Fields must be pairs/,
    ],
    [
      'choice',
      { tags: 'tags, colour' },
      (input: Reader) => input.choices('tags', ['tags', 'note']),
      /"colour" is not one of them/,
    ],
  ])('refuses a bad %s', async (_name, inputData, use, message) => {
    expect(await refusal(inputData, use)).toMatch(message);
  });

  it('reads yes/no words, lists and field sets the way Zapier sends them', async () => {
    await expect(read({ flag: 'Yes' }, (input) => input.boolean('flag'))).resolves.toBe(true);
    await expect(read({ flag: false }, (input) => input.boolean('flag'))).resolves.toBe(false);
    await expect(read({ tags: ' VIP, ,Hot,VIP' }, (input) => input.list('tags'))).resolves.toEqual([
      'VIP',
      'Hot',
    ]);
    await expect(read({ tags: ['a', ' b '] }, (input) => input.list('tags'))).resolves.toEqual([
      'a',
      'b',
    ]);
    await expect(
      read({ fields: '{"name":" Ada ","empty":"","n":3}' }, (input) => input.dict('fields')),
    ).resolves.toEqual({ name: 'Ada', n: '3' });
  });
});
