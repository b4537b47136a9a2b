import { checkUsCaPhoneNumber, e164Of, searchDigits } from '../src/phone';

describe('checkUsCaPhoneNumber', () => {
  it.each([
    ['(770) 555-0199', '+17705550199', '7705550199'],
    ['770-555-0199', '+17705550199', '7705550199'],
    ['770.555.0199', '+17705550199', '7705550199'],
    ['+1 770 555 0199', '+17705550199', '7705550199'],
    ['17705550199', '+17705550199', '7705550199'],
    ['  7705550199 ', '+17705550199', '7705550199'],
    ['+1 (416) 555-0123', '+14165550123', '4165550123'],
  ])('reads %j as %s', (input, e164, nationalDigits) => {
    expect(checkUsCaPhoneNumber(input)).toEqual({ ok: true, e164, nationalDigits });
  });

  it.each([
    ['', 'is empty'],
    [undefined, 'is empty'],
    ['555-0199', '"555-0199" is not a valid US or Canadian phone number'],
    ['call me', '"call me" is not a valid US or Canadian phone number'],
    [
      '+44 20 7946 0958',
      '+442079460958 is outside the US and Canada (United Kingdom), and CallRail only texts and calls US and Canadian numbers',
    ],
    [
      '+61 2 9374 4000',
      '+61293744000 is outside the US and Canada (Australia), and CallRail only texts and calls US and Canadian numbers',
    ],
  ])('rejects %j: %s', (input, problem) => {
    expect(checkUsCaPhoneNumber(input)).toEqual({ ok: false, problem });
  });
});

describe('searchDigits', () => {
  it.each([
    ['(770) 555-0199', '7705550199'],
    ['+1 770 555 0199', '7705550199'],
    ['555-0199', '5550199'],
  ])('searches %j as %s', (input, digits) => {
    expect(searchDigits(input)).toBe(digits);
  });
});

describe('e164Of (numbers CallRail sends, honestly or not at all)', () => {
  it.each([
    ['+17705550199', '+17705550199'],
    ['770-555-0199', '+17705550199'],
    ['(770) 555-0199', '+17705550199'],
    ['+1 416 555 0143', '+14165550143'],
    ['***3312', null],
    ['555-0199', null],
    ['+44 20 7946 0958', '+442079460958'],
    ['', null],
    [null, null],
  ])('%p → %p', (raw, e164) => {
    expect(e164Of(raw)).toBe(e164);
  });
});
