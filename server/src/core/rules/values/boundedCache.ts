import { ownCopy } from '../../syntax/ownCopy';

/**
 * Memos of pure results by text, bounded in size. Values recur across the lines of a unit and
 * across the units of one system, so most are found again. A unit of thousands of distinct values
 * is different: every entry kept for it outlives the young generation of the heap and is never
 * asked for again, and keeping them costs more garbage collection than recomputing saves. So a
 * memo keeps what it computes only while it is paying off: it watches how often lookups find an
 * entry, and while they rarely do it keeps one result in sixteen, enough to notice when values
 * start to recur again.
 */
export class Admission {
  private lookups = 0;
  private hits = 0;
  private misses = 0;
  private admitting = true;

  /** Counts one lookup; every few thousand it decides whether new entries are worth keeping. */
  record(hit: boolean): void {
    this.lookups++;
    if (hit) this.hits++;
    if (this.lookups < WINDOW) return;
    this.admitting = this.hits * 4 >= this.lookups;
    this.lookups = 0;
    this.hits = 0;
  }

  /** Whether to keep the result of a lookup that found nothing. */
  admit(): boolean {
    return this.admitting || (++this.misses & 15) === 0;
  }
}

/** Lookups per decision. */
const WINDOW = 4096;

/** The longest text a memo keeps (in UTF-16 code units): far longer than a line of a real unit. */
export const MAX_KEY_LENGTH = 4096;

export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly capacity: number,
    private readonly admission = new Admission(),
  ) {}

  get(key: string, compute: (key: string) => V): V {
    // A long text is not kept: it is rarely met twice, and a copy of it, with what was worked
    // out from each of its words, would cost more than the text itself.
    if (key.length > MAX_KEY_LENGTH) return compute(key);
    const known = this.entries.get(key);
    this.admission.record(known !== undefined);
    if (known !== undefined) return known;
    if (!this.admission.admit()) return compute(key);
    // The memo outlives the text the key was cut from; what it keeps is cut from a copy.
    const own = ownCopy(key);
    const value = compute(own);
    // Full: start over rather than track which entries are old.
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(own, value);
    return value;
  }
}
