import { SMS_LENGTH_UNIT } from './callrailFacts';

/** A text's length as CallRail counts it toward its limit: the one rule in callrailFacts.ts. */
export const smsLength = (text: string): number =>
  SMS_LENGTH_UNIT === 'utf16' ? text.length : [...text].length;

/**
 * Splits a text into ordered parts of at most `max` characters (counted by `smsLength`),
 * breaking between words. A word longer than a part (a long link) is cut where it must be. Line
 * breaks inside a part are kept, and a surrogate pair (an emoji) is never cut in half.
 */
export const splitIntoTexts = (text: string, max: number): string[] => {
  const parts: string[] = [];
  let current = '';
  const tokens = text.trim().split(/(\s+)/);
  for (let index = 0; index < tokens.length; index += 2) {
    const word = tokens[index] ?? '';
    const separator = tokens[index - 1] ?? '';
    const candidate = current ? `${current}${separator}${word}` : word;
    if (smsLength(candidate) <= max) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    const pieces = cutWord(word, max);
    current = pieces.pop() ?? '';
    parts.push(...pieces);
  }
  if (current) parts.push(current);
  return parts;
};

const cutWord = (word: string, max: number): string[] => {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece && smsLength(piece + character) > max) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece) pieces.push(piece);
  return pieces;
};
