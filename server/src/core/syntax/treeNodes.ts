import type { Range } from '../types';
import type { LineIndex } from './lineIndex';
import { ownCopy } from './ownCopy';
import type { Comment, Entry, Section, ValueSegment } from './syntaxTree';

/*
 * The tree's comments, sections and assignments keep document offsets and
 * build their ranges (and an assignment its value segments) the first time
 * they are read: most ranges of a large file are never read, and a range
 * with its two positions costs more memory than the node itself. A range is
 * built once and then kept, so reading it twice gives the same object, and
 * assigning to it replaces it, as with a plain field. For JSON the nodes look
 * like plain objects with every field, in the order of the interfaces.
 */

/**
 * The plain object each node shows JSON, one per node, so that JSON.stringify
 * still sees the section → entry → section cycle and reports it.
 */
const jsonViews = new WeakMap<object, Record<string, unknown>>();

function jsonView(node: object): Record<string, unknown> {
  let view = jsonViews.get(node);
  if (view === undefined) {
    view = {};
    jsonViews.set(node, view);
  }
  return view;
}

export class CommentNode implements Comment {
  text: string;
  #index: LineIndex;
  #start: number;
  #end: number;
  #range: Range | undefined;

  constructor(index: LineIndex, text: string, start: number, end: number) {
    this.text = text;
    this.#index = index;
    this.#start = start;
    this.#end = end;
    this.#range = undefined;
  }

  get range(): Range {
    return (this.#range ??= this.#index.range(this.#start, this.#end));
  }

  set range(range: Range) {
    this.#range = range;
  }

  /** Reads the comment through `index`, whose text holds it at the same place: its range, and its text read there again. */
  rebase(index: LineIndex): void {
    this.#index = index;
    this.text = ownCopy(index.slice(this.#start, this.#end));
  }

  /** Offset of the comment's first character. */
  get startOffset(): number {
    return this.#start;
  }

  toJSON(): Comment {
    const view = jsonView(this);
    view.text = this.text;
    view.range = this.range;
    return view as unknown as Comment;
  }
}

/**
 * A section's assignments without the section (nor any text's index): offsets, keys, values and
 * the pieces of continued values, as they were when taken.
 */
interface MovedEntries {
  readonly count: number;
  /** Per assignment: the key's start and end, the `=`, the value's start and end. */
  readonly offsets: Int32Array;
  readonly keys: readonly string[];
  /**
   * Of the assignments that span several lines (few, often none): whether they do, their pieces,
   * and a value given to the node (values are otherwise read from the text).
   */
  readonly parts: ReadonlyMap<number, { pieces: readonly number[] | undefined; continued: boolean; joined: string | undefined }> | undefined;
  /** Assignments that are not the parser's nodes, kept as they are (usually none). */
  readonly others: ReadonlyMap<number, Entry> | undefined;
}

/**
 * What a moved section's assignments are taken from: copied without their section, or the
 * assignments themselves, read where they are (for a tree moved for a short look, which the tree
 * it was moved from outlives).
 */
type Moved = MovedEntries | readonly Entry[];

function countOf(moved: Moved): number {
  return Array.isArray(moved) ? moved.length : (moved as MovedEntries).count;
}

/** The ranges of a section once they were read, and its offsets that are not where they usually are. */
interface SectionParts {
  headerRange?: Range;
  nameRange?: Range;
  range?: Range;
  /** The header's end, when it is not right after the `]` that follows the name. */
  headerEnd?: number;
  /** The name's start, when it is not right after the `[`. */
  nameStart?: number;
  /** The name's end, when it is not `nameStart + name.length` (a header continued over lines). */
  nameEnd?: number;
}

// What SectionNode.keyAt() and continuedAt() read of an assignment, made or copied without its section.
const KEY_OF = (entry: Entry): string => entry.key;
const KEY_IN_COLUMNS = (copied: MovedEntries, i: number): string => copied.keys[i];
const CONTINUED = (entry: Entry): boolean => entry.isContinued;
const CONTINUED_IN_COLUMNS = (copied: MovedEntries, i: number): boolean => copied.parts?.get(i)?.continued === true;

/** The assignments of every section that has none: one list for all, never changed. */
const NO_ENTRIES: Entry[] = Object.freeze([]) as unknown as Entry[];

export class SectionNode implements Section {
  name: string;
  malformed: boolean;
  /** The assignments; of a moved section, those copied so far, at their places. */
  #entries: Entry[];
  /**
   * Whether `#entries` holds every assignment. A moved section copied in full keeps what it was
   * copied from: moved again on the next keystroke, its copy is moved without being made again.
   */
  #complete: boolean;
  /**
   * What the assignments are, `#delta` characters before where they are in this section: a
   * section moved by an edit copies its assignments from it when they are first read. A keystroke
   * near the top of a long unit moves every section below it, and most of them are not read
   * before the next keystroke moves them again.
   */
  #moved: Moved | undefined;
  #delta: number;
  #index: LineIndex;
  #headerStart: number;
  /** End of the section's range: the header's end until the section is closed. */
  #end: number;
  /**
   * The ranges once read, and the header's offsets where they are not those of `[name]` (a long
   * unit of many sections keeps no field for what its headers' names tell).
   */
  #parts: SectionParts | undefined;

  constructor(index: LineIndex, name: string, headerStart: number, headerEnd: number, nameStart: number, nameEnd: number, malformed: boolean) {
    this.name = name;
    this.malformed = malformed;
    this.#entries = [];
    this.#complete = true;
    this.#moved = undefined;
    this.#delta = 0;
    this.#index = index;
    this.#headerStart = headerStart;
    this.#end = headerEnd;
    let parts: SectionParts | undefined;
    if (nameStart !== headerStart + 1) (parts ??= {}).nameStart = nameStart;
    if (nameEnd !== nameStart + name.length) (parts ??= {}).nameEnd = nameEnd;
    if (headerEnd !== nameEnd + 1) (parts ??= {}).headerEnd = headerEnd;
    this.#parts = parts;
  }

  // The offsets worked out from the fields are functions of the class: a private accessor or
  // method would give every node a slot of its own.

  static #nameStart(section: SectionNode): number {
    return section.#parts?.nameStart ?? section.#headerStart + 1;
  }

  static #nameEnd(section: SectionNode): number {
    return section.#parts?.nameEnd ?? SectionNode.#nameStart(section) + section.name.length;
  }

  static #headerEnd(section: SectionNode): number {
    return section.#parts?.headerEnd ?? SectionNode.#nameEnd(section) + 1;
  }

  /**
   * Ends the section's range at `contentEnd` (never before the header's end), with `entries` (a
   * list of their length) as its assignments.
   */
  close(contentEnd: number, entries: Entry[]): void {
    this.#end = Math.max(contentEnd, SectionNode.#headerEnd(this));
    this.entries = entries.length === 0 ? NO_ENTRIES : entries;
    if (this.#parts !== undefined) this.#parts.range = undefined;
  }

  /** Where the section's range ends: its last line with content, trailing blanks left out (or its header). */
  get contentEnd(): number {
    return this.#end;
  }

  /** Offset of the header's `[`. */
  get headerOffset(): number {
    return this.#headerStart;
  }

  /** The assignments, in document order. */
  get entries(): Entry[] {
    if (!this.#complete) SectionNode.#copyAll(this);
    return this.#entries;
  }

  set entries(entries: Entry[]) {
    this.#entries = entries;
    this.#complete = true;
    this.#moved = undefined;
    this.#delta = 0;
  }

  /** How many assignments the section has, without copying those of a moved section. */
  get entryCount(): number {
    return this.#complete ? this.#entries.length : countOf(this.#moved as Moved);
  }

  /** The key of the assignment at `i`, without copying it when the section was moved. */
  keyAt(i: number): string | undefined {
    return SectionNode.#told(this, i, KEY_OF, KEY_IN_COLUMNS, undefined);
  }

  /** Whether the assignment at `i` spans several lines, without copying it when the section was moved. */
  continuedAt(i: number): boolean {
    return SectionNode.#told(this, i, CONTINUED, CONTINUED_IN_COLUMNS, false);
  }

  /**
   * What `of` tells of the assignment at `i` (`inColumns` of one copied without its section), or
   * `none` when there is none: of a moved section, from what it was moved from, without copying it.
   */
  static #told<T>(section: SectionNode, i: number, of: (entry: Entry) => T, inColumns: (copied: MovedEntries, i: number) => T, none: T): T {
    const made = section.#entries[i];
    const moved = section.#moved;
    if (made !== undefined) return of(made);
    if (section.#complete || moved === undefined || !(i >= 0 && i < countOf(moved))) return none;
    if (Array.isArray(moved)) return of((moved as readonly Entry[])[i]);
    const copied = moved as MovedEntries;
    const other = copied.others?.get(i);
    return other !== undefined ? of(other) : inColumns(copied, i);
  }

  /**
   * The assignment at `i`. A moved section copies only that one: a setting's lines in a long unit
   * are a few in each of many sections. The copy is the one `entries` gives later.
   */
  entryAt(i: number): Entry | undefined {
    const moved = this.#moved;
    if (this.#complete || moved === undefined) return this.#entries[i];
    if (!(i >= 0 && i < countOf(moved))) return undefined;
    if (this.#entries.length === 0) this.#entries = new Array<Entry>(countOf(moved));
    return (this.#entries[i] ??= EntryNode.fromMoved(moved, i, this.#index, this, this.#delta));
  }

  /**
   * The same closed section `delta` characters further on in another text, which `index` maps.
   * Its assignments are copied when first read, from what they are without the section: a
   * section moved again and again keeps no older version, nor its text, alive. `copyNow` copies
   * them at once.
   */
  shifted(index: LineIndex, delta: number, copyNow = false, shortLook = false): SectionNode {
    const moved = new SectionNode(
      index,
      this.name,
      this.#headerStart + delta,
      SectionNode.#headerEnd(this) + delta,
      SectionNode.#nameStart(this) + delta,
      SectionNode.#nameEnd(this) + delta,
      this.malformed,
    );
    moved.#end = this.#end + delta;
    if (copyNow) {
      // A section all of which is read next (one just read, or one of a fix's trial), moved to its
      // place. A section itself moved and not yet read is copied from what it was moved from: its
      // own assignments are not made (they would stay with its tree).
      const count = this.entryCount;
      const made = this.#entries;
      const copies = new Array<Entry>(count);
      for (let i = 0; i < count; i++) {
        const entry = made[i];
        if (entry === undefined) copies[i] = EntryNode.fromMoved(this.#moved as Moved, i, index, moved, this.#delta + delta);
        else copies[i] = entry instanceof EntryNode ? entry.shifted(index, moved, delta) : entry;
      }
      moved.#entries = copies;
      return moved;
    }
    // Not kept on this section: a tree moved for a short look (a fix tried on it) would keep it
    // as long as this one lives. Such a tree reads this section's assignments where they are:
    // copying them would cost more than the short look reads of them.
    moved.#moved = this.#moved ?? (shortLook ? this.#entries : EntryNode.moved(this.#entries));
    moved.#delta = this.#delta + delta;
    // None copied yet: the list every section without assignments shares, replaced on the first copy.
    moved.#entries = NO_ENTRIES;
    moved.#complete = false;
    return moved;
  }

  /**
   * The same closed section in another text, which `index` maps, where the assignment at `at` is
   * `entry` and what follows it is `delta` characters further on: an edit within that assignment's
   * lines. The section's content ends at `end` in the new text. Every assignment is a copy in the
   * new section; those not yet made of a moved section are made from what it was moved from, not
   * on it.
   */
  withEntry(index: LineIndex, at: number, entry: EntryNode, delta: number, end: number): SectionNode {
    const edited = new SectionNode(
      index,
      this.name,
      this.#headerStart,
      SectionNode.#headerEnd(this),
      SectionNode.#nameStart(this),
      SectionNode.#nameEnd(this),
      this.malformed,
    );
    edited.#end = Math.max(end, SectionNode.#headerEnd(this));
    const count = this.entryCount;
    const made = this.#entries;
    const copies = new Array<Entry>(count);
    for (let i = 0; i < count; i++) {
      if (i === at) {
        copies[i] = entry.shifted(index, edited, 0);
        continue;
      }
      const by = i < at ? 0 : delta;
      const old = made[i];
      if (old === undefined) copies[i] = EntryNode.fromMoved(this.#moved as Moved, i, index, edited, this.#delta + by);
      else copies[i] = old instanceof EntryNode ? old.shifted(index, edited, by) : old;
    }
    edited.#entries = copies;
    return edited;
  }

  /** Copies every assignment of a moved section (a function of the class: a private method would give each node a slot). */
  static #copyAll(section: SectionNode): void {
    const moved = section.#moved as Moved;
    const made = section.#entries;
    const count = countOf(moved);
    const copies = new Array<Entry>(count);
    for (let i = 0; i < count; i++) copies[i] = made[i] ?? EntryNode.fromMoved(moved, i, section.#index, section, section.#delta);
    section.#entries = copies;
    section.#complete = true;
  }

  /** The index of the text the section's offsets are in; its assignments map their offsets through it too. */
  get index(): LineIndex {
    return this.#index;
  }

  /**
   * Maps the section and its entries (which map through their section's index) through `index`,
   * whose text reads the same up to the section's end: the nodes no longer keep the older text
   * alive. One write for the whole section, not one per assignment.
   */
  rebase(index: LineIndex): void {
    this.#index = index;
  }

  /** Gives the section's name and its entries' keys and values their own copies (see `ownCopy`). */
  detach(): void {
    this.name = ownCopy(this.name);
    for (const entry of this.entries) if (entry instanceof EntryNode) entry.detach();
    // What the assignments were taken from holds the strings before their copies.
    this.#moved = undefined;
    this.#delta = 0;
  }

  get headerRange(): Range {
    const parts = (this.#parts ??= {});
    return (parts.headerRange ??= this.#index.range(this.#headerStart, SectionNode.#headerEnd(this)));
  }

  set headerRange(range: Range) {
    (this.#parts ??= {}).headerRange = range;
  }

  get nameRange(): Range {
    const parts = (this.#parts ??= {});
    return (parts.nameRange ??= this.#index.range(SectionNode.#nameStart(this), SectionNode.#nameEnd(this)));
  }

  set nameRange(range: Range) {
    (this.#parts ??= {}).nameRange = range;
  }

  get range(): Range {
    const parts = (this.#parts ??= {});
    return (parts.range ??= this.#index.range(this.#headerStart, this.#end));
  }

  set range(range: Range) {
    (this.#parts ??= {}).range = range;
  }

  toJSON(): Section {
    const view = jsonView(this);
    view.name = this.name;
    view.headerRange = this.headerRange;
    view.nameRange = this.nameRange;
    view.range = this.range;
    view.entries = this.entries;
    view.malformed = this.malformed;
    return view as unknown as Section;
  }
}

/** The ranges and segments of an assignment once they were read. */
interface EntryParts {
  /** The value's end (see EntryNode.endOffset). */
  end: number;
  keyRange?: Range;
  equalsRange?: Range;
  valueRange?: Range;
  range?: Range;
  segments?: ValueSegment[];
  /**
   * Where the value's pieces lie when it spans several lines: document
   * offset and length of each, one pair per physical line. Absent when the
   * value (if any) is one piece, `[valueOffset, endOffset)`.
   */
  pieces?: number[];
  /** The assignment spans several lines (only such assignments are given parts when made). */
  continued?: boolean;
  /** The value, when one was given to the node (see `value`); the parser's nodes read theirs from the text. */
  joined?: string;
  /** The key's end, when it is not `startOffset + key.length` (a key continued over lines). */
  keyEnd?: number;
  /** The `=`, when it is not right after the key (blanks or a continuation between them). */
  equals?: number;
  /** The value's start, when it is not right after the `=` (blanks between them). */
  valueStart?: number;
  /** The index the offsets map through, when the assignment's section is not a SectionNode (before the first section). */
  index?: LineIndex;
}

/** The index an assignment's offsets map through: its own, or its section's. */
function linesOf(section: Section | undefined, parts: EntryParts | undefined): LineIndex {
  return parts?.index ?? (section as SectionNode).index;
}

/**
 * An assignment. Its ranges come from `startOffset` (the key's start),
 * `valueOffset` and `endOffset` (the value's end, or the end of `=` when the
 * value is empty) as they are when a range is first read, and from the key's
 * end and the `=`. A long unit has hundreds of thousands of these: what can be
 * worked out from the other fields (`isEmpty`, `isContinued`; the key's end is
 * `startOffset + key.length`, the `=` right after it and the value right after
 * that on an ordinary line, and the value's end its length on) is not a field
 * of its own, and what only a few assignments have (pieces, a key, `=` or value
 * elsewhere, an index of their own) is in their parts.
 */
export class EntryNode implements Entry {
  key: string;
  startOffset: number;
  section: Section | undefined;
  /**
   * The value's end (the end of `=` when the value is empty) while the node has no parts, and then
   * its parts, which hold it: one field for both, in each of a long unit's millions of nodes.
   */
  #tail: number | EntryParts;

  /**
   * `valueStart === valueEnd === equals + 1` when the value is empty. `joined`, when given, is the
   * value; otherwise it is the text from `valueStart` to `valueEnd` (of a value on several lines,
   * its `pieces` joined), read there whenever it is asked for: a long unit keeps no string of its
   * own for each of its values.
   */
  constructor(
    index: LineIndex,
    section: Section | undefined,
    key: string,
    keyStart: number,
    keyEnd: number,
    equals: number,
    joined: string | undefined,
    valueStart: number,
    valueEnd: number,
    isContinued: boolean,
    pieces: number[] | undefined,
  ) {
    this.key = key;
    this.startOffset = keyStart;
    this.section = section;
    let parts: EntryParts | undefined = pieces === undefined && !isContinued ? undefined : { end: valueEnd, pieces, continued: isContinued };
    // One in a section maps its offsets through the section's index (which a later version
    // rebases at once); one before the first section keeps its own.
    if (!(section instanceof SectionNode)) (parts ??= { end: valueEnd }).index = index;
    if (keyEnd !== keyStart + key.length) (parts ??= { end: valueEnd }).keyEnd = keyEnd;
    if (equals !== keyEnd) (parts ??= { end: valueEnd }).equals = equals;
    if (valueStart !== equals + 1) (parts ??= { end: valueEnd }).valueStart = valueStart;
    if (joined !== undefined) (parts ??= { end: valueEnd }).joined = joined;
    this.#tail = parts ?? valueEnd;
  }

  /** The value, after the `=` and the blanks that follow it. */
  get value(): string {
    const parts = EntryNode.#partsOf(this);
    if (parts?.joined !== undefined) return parts.joined;
    const pieces = parts?.pieces;
    if (pieces !== undefined && pieces.length > 2) return EntryNode.#joinedPieces(linesOf(this.section, parts), pieces);
    const start = this.valueOffset;
    return start < EntryNode.#endOf(this) ? linesOf(this.section, parts).slice(start, EntryNode.#endOf(this)) : '';
  }

  /**
   * A value on several lines, as systemd reads it: its pieces joined by a space for each line
   * break (a piece of an empty line is empty). Read from the text when asked for, as a value on
   * one line is: a unit of continued lines would otherwise keep a string for each of them.
   */
  static #joinedPieces(index: LineIndex, pieces: readonly number[]): string {
    let value = index.slice(pieces[0], pieces[0] + pieces[1]);
    for (let i = 2; i < pieces.length; i += 2) value += ' ' + index.slice(pieces[i], pieces[i] + pieces[i + 1]);
    return value;
  }

  set value(value: string) {
    EntryNode.#own(this).joined = value;
  }

  /** The value's start: right after the `=` on an ordinary line. */
  get valueOffset(): number {
    return EntryNode.#partsOf(this)?.valueStart ?? EntryNode.#equals(this) + 1;
  }

  /** The value's end (the end of `=` when the value is empty). */
  get endOffset(): number {
    return EntryNode.#endOf(this);
  }

  // The offsets worked out from the fields are functions of the class, not accessors of each
  // node: a private accessor or method gives every instance one more slot.

  /** The node's parts, when it has any. */
  static #partsOf(entry: EntryNode): EntryParts | undefined {
    const tail = entry.#tail;
    return typeof tail === 'number' ? undefined : tail;
  }

  /** The node's parts, made when it has none. */
  static #own(entry: EntryNode): EntryParts {
    const tail = entry.#tail;
    if (typeof tail !== 'number') return tail;
    const parts: EntryParts = { end: tail };
    entry.#tail = parts;
    return parts;
  }

  /** The value's end. */
  static #endOf(entry: EntryNode): number {
    const tail = entry.#tail;
    return typeof tail === 'number' ? tail : tail.end;
  }

  /** The key's end offset. */
  static #keyEnd(entry: EntryNode): number {
    return EntryNode.#partsOf(entry)?.keyEnd ?? entry.startOffset + entry.key.length;
  }

  /** The offset of `=`. */
  static #equals(entry: EntryNode): number {
    return EntryNode.#partsOf(entry)?.equals ?? EntryNode.#keyEnd(entry);
  }

  /** The index the offsets map through (see `linesOf`). */
  static #lines(entry: EntryNode): LineIndex {
    return linesOf(entry.section, EntryNode.#partsOf(entry));
  }

  /** What `entries` are without their section (see SectionNode.shifted()). */
  static moved(entries: readonly Entry[]): MovedEntries {
    const count = entries.length;
    // Offsets fit: the engine's strings are shorter than 2^30 characters.
    const offsets = new Int32Array(count * 5);
    const keys = new Array<string>(count);
    let parts: Map<number, { pieces: readonly number[] | undefined; continued: boolean; joined: string | undefined }> | undefined;
    let others: Map<number, Entry> | undefined;
    for (let i = 0; i < count; i++) {
      const entry = entries[i];
      keys[i] = entry.key;
      if (!(entry instanceof EntryNode)) {
        (others ??= new Map()).set(i, entry);
        continue;
      }
      const at = i * 5;
      offsets[at] = entry.startOffset;
      offsets[at + 1] = EntryNode.#keyEnd(entry);
      offsets[at + 2] = EntryNode.#equals(entry);
      offsets[at + 3] = entry.valueOffset;
      offsets[at + 4] = entry.endOffset;
      const own = EntryNode.#partsOf(entry);
      if (own !== undefined && (own.pieces !== undefined || own.continued === true || own.joined !== undefined)) (parts ??= new Map()).set(i, { pieces: own.pieces, continued: own.continued === true, joined: own.joined });
    }
    return { count, offsets, keys, parts, others };
  }

  /** The assignment at `i` of `moved`, `delta` characters further on, in `section`. */
  static fromMoved(from: Moved, i: number, index: LineIndex, section: SectionNode, delta: number): Entry {
    if (Array.isArray(from)) {
      const entry = (from as readonly Entry[])[i];
      return entry instanceof EntryNode ? entry.shifted(index, section, delta) : entry;
    }
    const moved = from as MovedEntries;
    const other = moved.others?.get(i);
    if (other !== undefined) return other;
    const at = i * 5;
    const o = moved.offsets;
    const part = moved.parts?.get(i);
    let pieces: number[] | undefined;
    if (part?.pieces !== undefined) {
      pieces = part.pieces.slice();
      for (let k = 0; k < pieces.length; k += 2) pieces[k] += delta;
    }
    return new EntryNode(index, section, moved.keys[i], o[at] + delta, o[at + 1] + delta, o[at + 2] + delta, part?.joined, o[at + 3] + delta, o[at + 4] + delta, part?.continued === true, pieces);
  }

  /** An empty assignment (`Key=`), which resets list settings. */
  get isEmpty(): boolean {
    const joined = EntryNode.#partsOf(this)?.joined;
    return joined !== undefined ? joined.length === 0 : this.valueOffset >= EntryNode.#endOf(this);
  }

  /** The assignment spans several lines. */
  get isContinued(): boolean {
    return EntryNode.#partsOf(this)?.continued === true;
  }

  /** The same assignment `delta` characters further on in another text, which `index` maps. */
  shifted(index: LineIndex, section: Section | undefined, delta: number): EntryNode {
    const pieces = EntryNode.#partsOf(this)?.pieces;
    let moved: number[] | undefined;
    if (pieces !== undefined) {
      moved = pieces.slice();
      for (let i = 0; i < moved.length; i += 2) moved[i] += delta;
    }
    return new EntryNode(index, section, this.key, this.startOffset + delta, EntryNode.#keyEnd(this) + delta, EntryNode.#equals(this) + delta, EntryNode.#partsOf(this)?.joined, this.valueOffset + delta, EntryNode.#endOf(this) + delta, this.isContinued, moved);
  }

  /**
   * Maps an assignment before the first section through `index`, whose text reads the same up to
   * the assignment's end (one in a section goes with its section, see SectionNode.rebase()).
   */
  rebase(index: LineIndex): void {
    const parts = EntryNode.#partsOf(this);
    if (parts?.index !== undefined) parts.index = index;
  }

  /** Gives the key and a value given to the node their own copies (see `ownCopy`); any other value is read from the text. */
  detach(): void {
    this.key = ownCopy(this.key);
    const parts = EntryNode.#partsOf(this);
    if (parts?.joined !== undefined) parts.joined = ownCopy(parts.joined);
  }

  get keyRange(): Range {
    const parts = EntryNode.#own(this);
    return (parts.keyRange ??= EntryNode.#lines(this).range(this.startOffset, EntryNode.#keyEnd(this)));
  }

  set keyRange(range: Range) {
    EntryNode.#own(this).keyRange = range;
  }

  /** The key's range as `keyRange` gives it, without keeping it when it was not read before. */
  keyRangeOnce(): Range {
    return EntryNode.#partsOf(this)?.keyRange ?? EntryNode.#lines(this).range(this.startOffset, EntryNode.#keyEnd(this));
  }

  get equalsRange(): Range {
    const parts = EntryNode.#own(this);
    return (parts.equalsRange ??= EntryNode.#lines(this).range(EntryNode.#equals(this), EntryNode.#equals(this) + 1));
  }

  set equalsRange(range: Range) {
    EntryNode.#own(this).equalsRange = range;
  }

  get valueRange(): Range {
    const parts = EntryNode.#own(this);
    return (parts.valueRange ??= EntryNode.#lines(this).range(this.valueOffset, this.endOffset));
  }

  set valueRange(range: Range) {
    EntryNode.#own(this).valueRange = range;
  }

  get range(): Range {
    const parts = EntryNode.#own(this);
    return (parts.range ??= EntryNode.#lines(this).range(this.startOffset, this.endOffset));
  }

  set range(range: Range) {
    EntryNode.#own(this).range = range;
  }

  get segments(): ValueSegment[] {
    const parts = EntryNode.#own(this);
    return (parts.segments ??= this.buildSegments(parts.pieces));
  }

  set segments(segments: ValueSegment[]) {
    EntryNode.#own(this).segments = segments;
  }

  /**
   * The segments. Kept with the node, they must not keep its text alive once a later version
   * shares the node: a value of one piece is its own segment's text, the pieces of a longer one
   * are copies.
   */
  private buildSegments(pieces: number[] | undefined): ValueSegment[] {
    const index = EntryNode.#lines(this);
    if (pieces === undefined) {
      const start = this.valueOffset;
      const end = this.endOffset;
      if (start >= end) return [];
      // One piece: the value itself, a copy of its own (the segments are kept with the node).
      return [{ text: ownCopy(this.value), offset: start, range: index.range(start, end) }];
    }
    const segments: ValueSegment[] = [];
    for (let i = 0; i < pieces.length; i += 2) {
      const offset = pieces[i];
      const end = offset + pieces[i + 1];
      segments.push({ text: ownCopy(index.slice(offset, end)), offset, range: index.range(offset, end) });
    }
    return segments;
  }

  toJSON(): Entry {
    const view = jsonView(this);
    view.key = this.key;
    view.keyRange = this.keyRange;
    view.equalsRange = this.equalsRange;
    view.value = this.value;
    view.valueRange = this.valueRange;
    view.segments = this.segments;
    view.range = this.range;
    view.startOffset = this.startOffset;
    view.endOffset = this.endOffset;
    view.valueOffset = this.valueOffset;
    view.isEmpty = this.isEmpty;
    view.isContinued = this.isContinued;
    view.section = this.section;
    return view as unknown as Entry;
  }
}
