/**
 * A list that grows in chunks and is then taken as one array of its length. An array grown one
 * push at a time is copied each time it outgrows its room, and trimmed to its length it is copied
 * once more: a section of a million lines left three times its list behind. Here each item is
 * copied once, into the array taken; the chunks are small and short-lived.
 */
const CHUNK = 4096;

export class ChunkedList<T> {
  #full: T[][] = [];
  #last: T[] = [];

  push(item: T): void {
    if (this.#last.length === CHUNK) {
      this.#full.push(this.#last);
      this.#last = [];
    }
    this.#last.push(item);
  }

  get length(): number {
    return this.#full.length * CHUNK + this.#last.length;
  }

  /** The items in order, as an array of their number, and the list emptied. */
  take(): T[] {
    const taken = new Array<T>(this.length);
    let at = 0;
    for (const chunk of this.#full) for (let i = 0; i < chunk.length; i++) taken[at++] = chunk[i];
    for (let i = 0; i < this.#last.length; i++) taken[at++] = this.#last[i];
    this.#full = [];
    this.#last = [];
    return taken;
  }
}
