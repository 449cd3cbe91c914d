import { ownCopy } from '../syntax/ownCopy';

/** Longer strings rarely recur word for word; they are given back as they are. */
const MAX_LENGTH = 32;

/**
 * Short strings that recur (a program's name on every command line of a long unit) given back as
 * the one string last seen with the same length, first and last character and content, so that
 * many lines keep one copy. A small table of recent strings, not a memo of all: it costs a
 * comparison, never grows, and keeps nothing it was given alive but its own copies.
 */
export class RecentStrings {
  private readonly slots: string[] = new Array<string>(256).fill('');

  share(text: string): string {
    const length = text.length;
    if (length === 0 || length > MAX_LENGTH) return text;
    const slot = (length * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(length - 1)) & 255;
    const known = this.slots[slot];
    if (known === text) return known;
    const own = ownCopy(text);
    this.slots[slot] = own;
    return own;
  }
}
