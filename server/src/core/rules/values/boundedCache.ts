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

/** The longest text a memo keeps by itself (in UTF-16 code units): far longer than a line of a real unit. */
export const MAX_KEY_LENGTH = 4096;

/** Characters of longer texts that the memos which take them keep, in all (see LongKeys). */
export const LONG_KEYS_BUDGET = 4 * 1024 * 1024;

/**
 * Texts longer than MAX_KEY_LENGTH kept by the memos that take them: each once, whichever memos
 * keep it, and no more than LONG_KEYS_BUDGET characters in all. Past that, all are let go (the
 * generation changes, and each memo drops its long entries when it sees that). A unit of long
 * lines that an editor checks on every keystroke finds each unchanged line's results again, and
 * what is kept stays within a few times the lines themselves.
 */
class LongKeys {
  private readonly keys = new Map<string, string>();
  private chars = 0;
  generation = 0;

  /** The kept copy of `key`, kept now if there is room; undefined when it is longer than the whole budget. */
  canonical(key: string): string | undefined {
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    if (key.length > LONG_KEYS_BUDGET) return undefined;
    if (this.chars + key.length > LONG_KEYS_BUDGET) {
      this.keys.clear();
      this.chars = 0;
      this.generation++;
    }
    const own = ownCopy(key);
    this.keys.set(own, own);
    this.chars += own.length;
    return own;
  }
}

const longKeys = new LongKeys();

export interface BoundedCacheOptions<V> {
  admission?: Admission;
  /**
   * Which results of texts longer than MAX_KEY_LENGTH to keep too (within LONG_KEYS_BUDGET): those
   * that stay small however long the text is (a yes or no, what a line names out of a fixed set).
   * Without it, a memo computes a long text each time it is asked for.
   */
  keepsLong?: (value: V) => boolean;
}

/** For `keepsLong`: every result (a yes or no is small). */
export function always(): boolean {
  return true;
}

export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private readonly admission: Admission;
  /** Entries of texts longer than MAX_KEY_LENGTH (only with `keepsLong`), of the generation `longGeneration`. */
  private readonly long: Map<string, V> | undefined;
  private longGeneration = 0;
  private readonly keepsLong: ((value: V) => boolean) | undefined;

  constructor(
    private readonly capacity: number,
    options: BoundedCacheOptions<V> = {},
  ) {
    this.admission = options.admission ?? new Admission();
    this.keepsLong = options.keepsLong;
    this.long = options.keepsLong !== undefined ? new Map() : undefined;
  }

  get(key: string, compute: (key: string) => V): V {
    // A long text is kept only by a memo whose results stay small, and once for all such memos:
    // a copy of it in each memo, with what was worked out from each of its words, would cost more
    // than the text itself.
    if (key.length > MAX_KEY_LENGTH) return this.long === undefined ? compute(key) : this.getLong(this.long, key, compute);
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

  private getLong(long: Map<string, V>, key: string, compute: (key: string) => V): V {
    this.dropOldLong(long);
    const known = long.get(key);
    if (known !== undefined) return known;
    // As with short texts, what is kept is cut from the copy, never from the text the key was cut from.
    const own = longKeys.canonical(key);
    const value = compute(own ?? key);
    if (own === undefined || !this.keepsLong?.(value)) return value;
    // Keeping the copy may have let go of the others.
    this.dropOldLong(long);
    long.set(own, value);
    return value;
  }

  private dropOldLong(long: Map<string, V>): void {
    if (this.longGeneration === longKeys.generation) return;
    long.clear();
    this.longGeneration = longKeys.generation;
  }
}

/** Texts that many findings or fixes repeat (a message, a fix's title), each kept as one string. */
const sharedTexts = new BoundedCache<string>(1024);

function ownText(text: string): string {
  return text;
}

/**
 * The string kept for this text, or this one: a rule that says the same thing on many lines (an
 * unknown setting repeated through a long unit, a line to remove) then holds one string rather than
 * one built for each line.
 */
export function sharedText(text: string): string {
  return sharedTexts.get(text, ownText);
}
