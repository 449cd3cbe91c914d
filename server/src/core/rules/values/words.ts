/** Splitting a value into words as systemd does, with the document range of each word. */
import type { Entry } from '../../syntax/syntaxTree';
import type { Range } from '../../types';
import type { LineIndex } from '../../syntax/lineIndex';

export interface Word {
  /** The word with its quotes removed. */
  text: string;
  /** Offsets in the entry's value string, quotes included. */
  start: number;
  end: number;
}

/** Words separated by blanks; a word in single or double quotes may hold blanks. */
export function splitWords(value: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && /\s/.test(value[i])) i++;
    if (i >= n) break;
    const start = i;
    let text = '';
    while (i < n && !/\s/.test(value[i])) {
      const c = value[i];
      if (c === '"' || c === "'") {
        const close = value.indexOf(c, i + 1);
        if (close < 0) {
          text += value.slice(i + 1);
          i = n;
          break;
        }
        text += value.slice(i + 1, close);
        i = close + 1;
      } else if (c === '\\' && i + 1 < n) {
        text += value[i + 1];
        i += 2;
      } else {
        text += c;
        i++;
      }
    }
    words.push({ text, start, end: i });
  }
  return words;
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
