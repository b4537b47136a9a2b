import * as read from '../src/readers';
import type { InputField, Reader } from '../src/readers';

/**
 * The table of what each reader accepts and refuses. Readers are pure: a field and the raw value
 * Zapier sent in, the value or a problem out (src/inputs.ts turns a problem into the error).
 */
const field = (label: string, extra: Partial<InputField> = {}): InputField => ({
  key: 'key',
  label,
  ...extra,
});
const COMPANY = field('Company', { dynamic: 'company_list.id.name' });

const ID = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const CALL = 'CAL8154748ae6bd4e278a7cddd38a662f4f';

describe('readers accept', () => {
  it.each<[string, Reader<unknown>, unknown, unknown]>([
    ['a company id, trimmed', read.id('company'), ` ${ID} `, ID],
    ['a legacy numeric company id', read.id('company'), '155920786', '155920786'],
    ['a call id in capitals', read.id('call'), CALL.toUpperCase(), CALL.toUpperCase()],
    ['a legacy numeric call id', read.id('call'), '766970532', '766970532'],
    [
      'a tracker id',
      read.id('tracker'),
      'TRK8154748ae6bd4e278a7cddd38a662f4f',
      'TRK8154748ae6bd4e278a7cddd38a662f4f',
    ],
    [
      'a form submission id',
      read.id('form_submission'),
      'FRM8154748ae6bd4e278a7cddd38a662f4f',
      'FRM8154748ae6bd4e278a7cddd38a662f4f',
    ],
    [
      'a user id',
      read.id('user'),
      'USR8154748ae6bd4e278a7cddd38a662f4f',
      'USR8154748ae6bd4e278a7cddd38a662f4f',
    ],
    ['a tag id', read.id('tag'), '7886733', '7886733'],
    ['a blank optional id', read.id('company'), '   ', undefined],
    [
      'a call link copied from CallRail',
      read.callId,
      `https://app.callrail.com/calls/${CALL}/recording`,
      CALL,
    ],
    ['a phone number', read.phone, '(770) 555-0199', '+17705550199'],
    ['a Canadian phone number', read.phone, '+1 416 555 0143', '+14165550143'],
    ['phone digits to search for', read.phoneDigits, '(770) 555-0199', '7705550199'],
    ['a day', read.day, '2026-02-28', '2026-02-28'],
    ['a leap day', read.day, '2024-02-29', '2024-02-29'],
    ['the day of a date-time', read.day, '2026-11-20T10:00:00-05:00', '2026-11-20'],
    ['a text, trimmed', read.text, '  Called back ', 'Called back'],
    ['a number as text', read.text, 42, '42'],
    ['an amount', read.amount, '350', '350'],
    ['an amount with $ and commas', read.amount, '$1,250.50', '1250.50'],
    ['yes', read.boolean, 'Yes', true],
    ['false', read.boolean, false, false],
    ['off', read.boolean, 'off', false],
    ['a blank yes/no', read.boolean, '', undefined],
    ['a whole number', read.integer(), '60', 60],
    ['an email', read.email, 'ada@example.com', 'ada@example.com'],
    [
      'a web address',
      read.url,
      'https://www.example.com/contact',
      'https://www.example.com/contact',
    ],
    ['a list, trimmed, blanks and repeats dropped', read.list, ' VIP, ,Hot,VIP', ['VIP', 'Hot']],
    ['a multi-select', read.list, ['a', ' b '], ['a', 'b']],
    ['nothing as a list', read.list, undefined, []],
    ['a choice', read.choice(['inbound', 'outbound']), ' inbound ', 'inbound'],
    ['choices', read.choices(['tags', 'note']), 'tags,note', ['tags', 'note']],
    [
      'a JSON field set',
      read.dict,
      '{"name":" Ada ","empty":"","n":3,"ok":true,"o":{"a":1}}',
      { name: 'Ada', n: '3', ok: 'true', o: '{"a":1}' },
    ],
    ['a dict', read.dict, { ' name ': 'Ada', '': 'x' }, { name: 'Ada' }],
    ['nothing as a dict', read.dict, undefined, {}],
    ['a required text', read.required(read.text), 'x', 'x'],
  ])('%s', (_name, reader, raw, value) => {
    expect(reader(field('Field'), raw)).toEqual({ value });
  });
});

describe('readers refuse', () => {
  it.each<[string, Reader<unknown>, InputField, unknown, string | RegExp]>([
    [
      'a name as an id',
      read.id('company'),
      COMPANY,
      'Peachtree Dental',
      `Company must be a CallRail ID such as ${ID}; "Peachtree Dental" is not. Choose one from the dropdown or map an ID from an earlier step.`,
    ],
    ['a truncated id', read.id('company'), COMPANY, 'COM123', /must be a CallRail ID such as/],
    ["another resource's id", read.id('company'), COMPANY, CALL, /must be a CallRail ID such as/],
    [
      'a path as a call id',
      read.id('call'),
      field('Call'),
      '../a.json',
      /must be a CallRail ID such as/,
    ],
    [
      'a legacy number where none exists',
      read.id('tracker'),
      field('Tracker'),
      '354024023',
      /must be a CallRail ID such as/,
    ],
    [
      'a tag name as a tag id',
      read.id('tag'),
      field('Tag'),
      'VIP',
      /must be a CallRail ID such as/,
    ],
    [
      'a link to something else',
      read.callId,
      field('Call'),
      'https://example.com/x',
      /^Call must be a CallRail call ID such as .*, or a link to the call copied from CallRail; "https:\/\/example.com\/x" is neither\./,
    ],
    [
      'a blank required dropdown',
      read.required(read.id('company')),
      COMPANY,
      '   ',
      'Choose the Company, or map one from an earlier step.',
    ],
    [
      'a blank required text',
      read.required(read.text),
      field('Note'),
      ' \n ',
      'Note is empty: type or map a value.',
    ],
    [
      'a number outside the US and Canada',
      read.phone,
      field('Phone Number'),
      '+44 20 7946 0958',
      /^Phone Number .*outside the US and Canada/,
    ],
    [
      'a number too short',
      read.phone,
      field('Phone Number'),
      '555',
      /not a valid US or Canadian phone number/,
    ],
    [
      'too few digits to search',
      read.phoneDigits,
      field('Customer Phone Number'),
      '555-01',
      'Customer Phone Number "555-01" has too few digits to search for.',
    ],
    [
      '31 February',
      read.day,
      field('From Date'),
      '2026-02-31',
      'From Date must be a date such as 2026-11-20; "2026-02-31" is not.',
    ],
    [
      '29 February of a common year',
      read.day,
      field('From Date'),
      '2025-02-29',
      /^From Date must be a date/,
    ],
    ['month 13', read.day, field('From Date'), '2026-13-01', /^From Date must be a date/],
    ['words as a date', read.day, field('From Date'), 'next Tuesday', /^From Date must be a date/],
    ['a day-first date', read.day, field('From Date'), '20/11/2026', /^From Date must be a date/],
    [
      'words as an amount',
      read.amount,
      field('Value'),
      'lots',
      'Value must be an amount such as 350.00; "lots" is not.',
    ],
    ['maybe', read.boolean, field('Spam'), 'maybe', 'Spam must be yes or no; "maybe" is not.'],
    [
      'a fraction',
      read.integer(),
      field('Minimum Duration'),
      '2.5',
      'Minimum Duration must be a whole number of at least 0; "2.5" is not.',
    ],
    [
      'a partial email',
      read.email,
      field('Email'),
      'ada@',
      'Email must be an email address; "ada@" is not.',
    ],
    [
      'an address without a scheme',
      read.url,
      field('Form URL'),
      'www.example.com',
      'Form URL must be a web address starting with https://; "www.example.com" is not.',
    ],
    [
      'a JSON list as fields',
      read.dict,
      field('Form Fields'),
      '[1,2]',
      'Form Fields must be pairs of field names and values, e.g. message: "Please call me back".',
    ],
    [
      'text that is not JSON as fields',
      read.dict,
      field('Form Fields'),
      'name=Ada',
      /^Form Fields must be pairs/,
    ],
    [
      'an unknown choice',
      read.choice(['inbound', 'outbound']),
      field('Direction'),
      'sideways',
      'Direction must be one of inbound, outbound; "sideways" is not.',
    ],
    [
      'unknown choices',
      read.choices(['tags', 'note']),
      field('Tags'),
      'tags, colour',
      'Tags may hold tags, note; "colour" is not one of them.',
    ],
  ])('%s', (_name, reader, inputField, raw, problem) => {
    const result = reader(inputField, raw);
    expect(result).toEqual({ problem: expect.any(String) });
    expect((result as { problem: string }).problem).toMatch(problem);
  });

  it('names a field without a label by its key', () => {
    expect(read.required(read.text)({ key: 'note' }, '')).toEqual({
      problem: 'note is empty: type or map a value.',
    });
  });
});

describe('day ranges', () => {
  const range = read.dayRange('from', 'to');
  const fields = [field('From Date'), field('To Date')] as const;

  it.each([
    [['2026-11-20', '2026-11-20'], { from: '2026-11-20', to: '2026-11-20' }],
    [['2026-11-20', undefined], { from: '2026-11-20', to: undefined }],
    [[undefined, '2026-11-20'], { from: undefined, to: '2026-11-20' }],
  ] as const)('reads %j', (raws, value) => {
    expect(range.read(fields, raws)).toEqual({ value });
  });

  it.each([
    [['2026-11-20', '2026-11-19'], 'To Date (2026-11-19) is before From Date (2026-11-20).'],
    [
      ['2026-02-31', '2026-11-19'],
      'From Date must be a date such as 2026-11-20; "2026-02-31" is not.',
    ],
    [['2026-11-20', 'soon'], 'To Date must be a date such as 2026-11-20; "soon" is not.'],
  ] as const)('refuses %j', (raws, problem) => {
    expect(range.read(fields, raws)).toEqual({ problem });
  });
});

describe('the companies reader', () => {
  const field = { key: 'company_id', label: 'Company' };
  it.each([
    [[], { value: { all: true } }],
    [' ALL ', { value: { all: true } }],
    [
      'COM8154748ae6bd4e278a7cddd38a662f4f, 123456789',
      { value: { all: false, ids: ['COM8154748ae6bd4e278a7cddd38a662f4f', '123456789'] } },
    ],
  ])('reads %j', (raw, expected) => {
    expect(read.companies()(field, raw)).toEqual(expected);
  });

  it.each([
    [['all', 'COM8154748ae6bd4e278a7cddd38a662f4f'], /choose one or the other/],
    [['Widget Shop'], /must be a CallRail ID such as COM/],
  ])('refuses %j', (raw, problem) => {
    expect(read.companies()(field, raw)).toEqual({ problem: expect.stringMatching(problem) });
  });

  it('refuses an empty choice where a company is required', () => {
    expect(read.companies({ required: true })(field, '')).toEqual({
      problem: 'Choose the Company, or All Companies.',
    });
  });
});
