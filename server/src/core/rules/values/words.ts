/** Splitting a value into words as systemd does (on its blanks only), with the document range of each word. */
import type { Entry } from '../../syntax/syntaxTree';
import type { Range } from '../../types';
import type { LineIndex } from '../../syntax/lineIndex';
import { isSystemdBlank } from '../../syntax/blanks';

export interface Word {
  /** The word with its quotes removed. */
  readonly text: string;
  /** Offsets in the entry's value string, quotes included. */
  readonly start: number;
  readonly end: number;
}

/**
 * The words of a value, one at a time: a check that goes through them once keeps none of them,
 * so a line of half a million words is read without a list of its words (each a string and an
 * object, some ten times the bytes of the word).
 */
export function* wordsIn(value: string): Generator<Word, void, undefined> {
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && isSystemdBlank(value.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    // Plain characters are copied in runs; quotes and backslashes end a run.
    let text = '';
    let from = i;
    while (i < n) {
      const c = value.charCodeAt(i);
      if (isSystemdBlank(c)) break;
      if (c === 34 || c === 39) {
        text += value.slice(from, i);
        const close = value.indexOf(value[i], i + 1);
        if (close < 0) {
          text += value.slice(i + 1);
          i = n;
          from = n;
          break;
        }
        text += value.slice(i + 1, close);
        i = close + 1;
        from = i;
      } else if (c === 92 && i + 1 < n) {
        text += value.slice(from, i) + value[i + 1];
        i += 2;
        from = i;
      } else i++;
    }
    text += value.slice(from, i);
    yield { text, start, end: i };
  }
}

/** The texts of a value's words, quotes removed, without the empty ones (a quoted `""`). */
export function wordTexts(value: string): string[] {
  const texts: string[] = [];
  for (const word of wordsIn(value)) if (word.text !== '') texts.push(word.text);
  return texts;
}

/**
 * Words separated by blanks; a word in single or double quotes may hold blanks. Splitting is
 * cheaper than keeping the words of every value around: a unit of thousands of distinct values
 * would only fill the heap with lists that are never asked for again.
 */
export function splitWords(value: string): readonly Word[] {
  return Array.from(wordsIn(value));
}

/** The document range of `[start, end)` of an entry's value string (which joins continued lines with a space). */
export function valueRange(entry: Entry, lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(valueOffset(entry, start)), end: lines.positionAt(valueOffset(entry, end, true)) };
}

function valueOffset(entry: Entry, index: number, isEnd = false): number {
  let cumulative = 0;
  for (const segment of entry.segments) {
    const length = segment.text.length;
    if (index < cumulative + length || (isEnd && index === cumulative + length)) return segment.offset + (index - cumulative);
    cumulative += length + 1;
  }
  const last = entry.segments[entry.segments.length - 1];
  return last ? last.offset + last.text.length : entry.valueOffset;
}
