/**
 * Splits a text into ordered parts of at most `max` characters, breaking between words. A word
 * longer than a part (a long link) is cut where it must be. Line breaks inside a part are kept.
 * Length is counted in UTF-16 code units, like JavaScript and Rails count `content`, and a
 * surrogate pair (an emoji) is never cut in half.
 */
export const splitIntoTexts = (text: string, max: number): string[] => {
  const parts: string[] = [];
  let current = '';
  const tokens = text.trim().split(/(\s+)/);
  for (let index = 0; index < tokens.length; index += 2) {
    const word = tokens[index] ?? '';
    const separator = tokens[index - 1] ?? '';
    const candidate = current ? `${current}${separator}${word}` : word;
    if (candidate.length <= max) {
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
    if (piece.length + character.length > max) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece) pieces.push(piece);
  return pieces;
};
