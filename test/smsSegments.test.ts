import { SMS_LENGTH_UNIT, SMS_MAX_LENGTH } from '../src/callrailFacts';
import { smsLength, splitIntoTexts } from '../src/smsSegments';

describe('splitIntoTexts', () => {
  it.each([
    ['a short text stays whole', 'Hello there', 20, ['Hello there']],
    ['exactly the limit stays whole', 'abcde fghij', 11, ['abcde fghij']],
    ['breaks between words', 'one two three four', 9, ['one two', 'three', 'four']],
    ['trims outer space and breaks on runs of space', '  one   two  ', 5, ['one', 'two']],
    [
      'keeps line breaks inside a part',
      'Line one\nline two and more',
      17,
      ['Line one\nline two', 'and more'],
    ],
    ['cuts a word longer than a part', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['continues after a cut word', 'xx abcdefghij yz', 4, ['xx', 'abcd', 'efgh', 'ij', 'yz']],
    ['never halves an emoji', 'ab😀cd', 3, ['ab', '😀c', 'd']],
    ['empty text has no parts', '   ', 5, []],
  ])('%s', (_name, text, max, expected) => {
    const parts = splitIntoTexts(text, max);
    expect(parts).toEqual(expected);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
  });

  it('keeps every word, in order, for a long real message', () => {
    const message = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const parts = splitIntoTexts(message, 140);
    expect(parts.join(' ')).toBe(message);
    expect(parts.every((part) => part.length <= 140)).toBe(true);
    expect(parts.length).toBe(Math.ceil(message.length / 140));
  });
});

describe('smsLength', () => {
  it('counts UTF-16 units, the one reading in callrailFacts (SMS_LENGTH_UNIT)', () => {
    expect(SMS_LENGTH_UNIT).toBe('utf16');
    expect(smsLength('Hello')).toBe(5);
    expect(smsLength('😀'.repeat(80))).toBe(160);
  });

  it('splits 80 emoji into two texts of at most 140, never halving one', () => {
    const parts = splitIntoTexts('😀'.repeat(80), SMS_MAX_LENGTH);
    expect(parts.map(smsLength)).toEqual([140, 20]);
    expect(parts.join('')).toBe('😀'.repeat(80));
  });
});
