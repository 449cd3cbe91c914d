import type { Write } from './report';

/** About this many characters are written at a time. */
const CHUNK = 64 * 1024;

/**
 * `before`, then the items as `JSON.stringify(items, null, 2)` lays out an array whose `[` stands
 * at `depth` levels of indentation, then `after`; written an item at a time in chunks, so that a
 * long list is never held as one string. Strings in JSON hold no line breaks of their own, so
 * every break in an item is the layout's, and indenting the item is adding spaces after each.
 */
export function writeJsonArray(before: string, items: Iterable<unknown>, depth: number, after: string, write: Write): void {
  const inner = '  '.repeat(depth + 1);
  let chunk = `${before}[`;
  let empty = true;
  for (const item of items) {
    chunk += `${empty ? '\n' : ',\n'}${inner}${JSON.stringify(item, null, 2).replace(/\n/g, `\n${inner}`)}`;
    empty = false;
    if (chunk.length >= CHUNK) {
      write(chunk);
      chunk = '';
    }
  }
  write(`${chunk}${empty ? ']' : `\n${'  '.repeat(depth)}]`}${after}`);
}
