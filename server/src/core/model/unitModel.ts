import { directiveRow, directiveRows, type AssignmentSemantics } from '../kb';
import { entryAt, entryCount, keyAt, type Entry, type Section } from '../syntax/syntaxTree';
import type { UnitType } from '../unitFile';
import type { UnitDocument } from '../unitDocument';
import { managerOf, type ManagerKind } from './manager';
import { keyPlaces, knownKeyPlaces, lineAtPlace } from '../syntax/keyPlaces';
import { trimBlanks } from '../syntax/blanks';

/** Whether systemd takes a line in (given that its section accepts the setting). */
export type LineFilter = (entry: Entry, section: string) => boolean;

/** One `Key=value` line, with the file it is in. */
export interface Assignment {
  readonly entry: Entry;
  /** The unit file or the drop-in that holds the line. */
  readonly document: UnitDocument;
  readonly section: string;
  /** Position in the order systemd reads the lines: the unit, then its drop-ins by file name. */
  readonly order: number;
}

/** A setting as systemd ends up with it after reading every line that assigns it. */
export interface Setting {
  readonly name: string;
  readonly section: string;
  readonly semantics: AssignmentSemantics;
  /** Every assignment, in reading order. */
  readonly all: readonly Assignment[];
  /**
   * The assignments that still count: for a single value the last one (none
   * when it was emptied); for a list the non-empty ones after the last reset.
   */
  readonly effective: readonly Assignment[];
  /** The place in the reading order of its first line. */
  readonly firstOrder: number;
}

/**
 * A setting whose assignments are made when `all` is first read. A setting of one value needs
 * only the line in force to be read, and a long unit may set one 100,000 times: its lines are
 * kept as they are until someone asks for every one. An assignment made for `effective` is the
 * one `all` gives later.
 */
class SettingLines implements Setting {
  effective: Assignment[] = [];
  #all: Assignment[] | undefined;
  /** The assignments made before `all` was read, by their index. */
  #made: Map<number, Assignment> | undefined;

  /** `entries` and `orders` may be those of the key's lines, when they all belong to the setting: they are never changed then. */
  constructor(
    readonly name: string,
    readonly section: string,
    readonly semantics: AssignmentSemantics,
    /** The document of a place in the reading order. */
    readonly documentAt: (order: number) => UnitDocument,
    /** The lines and their places in the order, until `all` holds them (then undefined: a long list's twice over). */
    private entries: Entry[] | undefined = [],
    private orders: number[] | undefined = [],
  ) {}

  add(entry: Entry, order: number): void {
    (this.entries as Entry[]).push(entry);
    (this.orders as number[]).push(order);
  }

  get count(): number {
    return this.entries !== undefined ? this.entries.length : (this.#all as Assignment[]).length;
  }

  get firstOrder(): number {
    return this.orders !== undefined ? this.orders[0] : (this.#all as Assignment[])[0]?.order;
  }

  /** The line at `i`, without making its assignment. */
  entry(i: number): Entry {
    return this.entries !== undefined ? this.entries[i] : (this.#all as Assignment[])[i].entry;
  }

  /** The assignment of the line at `i`, made once. */
  at(i: number): Assignment {
    if (this.#all !== undefined) return this.#all[i];
    let made = this.#made?.get(i);
    if (made === undefined) (this.#made ??= new Map()).set(i, (made = this.make(i)));
    return made;
  }

  get all(): Assignment[] {
    if (this.#all === undefined) {
      // Those made before are kept (they may have been handed out); the others are made here,
      // straight into the list: a setting of 100,000 lines is read whole on every keystroke in it.
      const made = this.#made;
      const all = new Array<Assignment>(this.count);
      for (let i = 0; i < all.length; i++) all[i] = made?.get(i) ?? this.make(i);
      this.#all = all;
      this.#made = undefined;
      // Each assignment holds its line and its place: the lists they were made from are not kept too.
      this.entries = undefined;
      this.orders = undefined;
    }
    return this.#all;
  }

  private make(i: number): Assignment {
    return new LineAssignment((this.entries as Entry[])[i], (this.orders as number[])[i], this);
  }
}

/**
 * An assignment of a setting worked out from its lines: its document and section are the
 * setting's to tell, not fields of each of a long unit's million assignments.
 */
class LineAssignment implements Assignment {
  readonly #setting: SettingLines;

  constructor(
    readonly entry: Entry,
    readonly order: number,
    setting: SettingLines,
  ) {
    this.#setting = setting;
  }

  get document(): UnitDocument {
    return this.#setting.documentAt(this.order);
  }

  get section(): string {
    return this.#setting.section;
  }
}

const NO_ENTRIES: readonly Entry[] = [];

const UNKNOWN_SEMANTICS: AssignmentSemantics = { kind: 'single', repeat: 'last-wins', basis: 'analogy' };

/**
 * A unit read together with its drop-ins, as systemd merges them: the drop-ins
 * are read after the unit, in the order of their file names, and their lines
 * act exactly like more lines at the end of the unit.
 */
/** The settings a computation read from a model: their names, or `all` when it walked every setting. */
export type ReadSet = ReadonlySet<string> | 'all';

/**
 * Facts about every line of a unit that rules read as a whole. In a read set they stand beside
 * setting names (a name cannot start with a NUL).
 */
export const MODEL_FACTS = {
  /** Which settings have a line in force. */
  settingsInForce: '\0settings in force',
  /** Which lines are empty or a bare `~` (they may clear the lines before them). */
  clearingLines: '\0clearing lines',
} as const;

export type ModelFact = (typeof MODEL_FACTS)[keyof typeof MODEL_FACTS];

/** A line of the `clearingLines` fact: empty, or a bare `~`. */
export function clearsLines(entry: Entry): boolean {
  if (entry.isEmpty) return true;
  // A value of one line runs from its first character to its last: a bare `~` spans one. Every
  // line of a long unit is asked, and reading each value would copy it.
  if (!entry.isContinued && entry.endOffset - entry.valueOffset !== 1) return false;
  return trimBlanks(entry.value) === '~';
}

/** Settings whose lines are found by going through every line of the unit, before the lines are indexed by key. */
const READS_BEFORE_INDEX = 8;

/** Lines past which a unit's lines are found by their places in its trees (see `byPlaces`). */
const LONG_UNIT_LINES = 256;

/**
 * A setting is worked out from its lines when it is first read, and then kept: what reads a few
 * settings of a large unit (a hover) does not pay for all of them. In a short unit, the lines of
 * the first few settings read are found by going through the unit's lines, and past that every
 * line is indexed by its key, once. In a long unit they are found where its trees say each key's
 * lines are, which the trees of its next versions share.
 */
export class UnitModel {
  /** The settings worked out so far, by section and name. */
  private readonly settings = new Map<string, Setting>();
  /** The same by name, for every name read so far (empty when the unit does not take it). */
  private readonly byName = new Map<string, readonly Setting[]>();
  /** Every setting, in the order of their first lines, once all were asked for. */
  private every: readonly Setting[] | undefined;
  /** The lines of each key, before it is known whether systemd takes them in; made when needed. */
  private index: Map<string, KeyLines> | undefined;
  /** Whether the lines of a key are found by the places in the trees (see `byPlaces`), once decided. */
  private placed: boolean | undefined;
  /** How many settings had their lines found without the index. */
  private scans = 0;
  /** Lines in well-formed sections, over all documents. */
  private readonly lineCount: number;
  /** The place in the reading order of each document's first line. */
  private readonly firstOrders: readonly number[];
  private reads: Set<string> | 'all' | undefined;
  /** The document of a place in the reading order, for the settings' assignments (one function for all). */
  private documentOf: ((order: number) => UnitDocument) | undefined;
  /**
   * For each name worked out, which of its lines (by their place among the name's lines, in reading
   * order) systemd does not take in: usually none (see `inherit`).
   */
  private readonly refused = new Map<string, { readonly count: number; readonly lines: readonly number[] }>();
  /** The keys with a line, as written, that may clear the lines before it, once worked out (see `clearingKeys`). */
  private clearing: readonly string[] | undefined;
  /**
   * What an earlier version of the unit did not take in, which of its keys had lines that may clear
   * others, where the lines that differ from it start, and their key (see `inherit`).
   */
  private earlier:
    | { readonly refused: UnitModel['refused']; readonly clearing: readonly string[] | undefined; readonly from: number; readonly to: number; readonly key: string | undefined }
    | undefined;

  private constructor(
    readonly unit: UnitDocument,
    readonly dropIns: readonly UnitDocument[],
    /** False when the unit file itself is not known (a drop-in read on its own). */
    readonly complete: boolean,
    private readonly takes: LineFilter | undefined,
    /** When given, the only keys the model takes in: its index holds only their lines. */
    private readonly keys: ReadonlySet<string> | undefined,
  ) {
    const firstOrders: number[] = [];
    let order = 0;
    for (const document of this.documents) {
      firstOrders.push(order);
      for (const section of document.tree.sections) if (!section.malformed) order += entryCount(section);
    }
    this.firstOrders = firstOrders;
    this.lineCount = order;
  }

  /**
   * `takes` can leave out lines that systemd would not take in (a value the target version
   * cannot parse, say); lines of settings the section does not accept are always left out.
   */
  static build(unit: UnitDocument, dropIns: readonly UnitDocument[] = [], takes?: LineFilter, keys?: ReadonlySet<string>): UnitModel {
    return UnitModel.merge(unit, dropIns, true, takes, keys);
  }

  /**
   * A model of drop-ins whose unit is not at hand: settings the unit may hold are unknown, so
   * `complete` is false and callers must not conclude that a setting is missing.
   */
  static fromDropIns(dropIns: readonly UnitDocument[], takes?: LineFilter, keys?: ReadonlySet<string>): UnitModel {
    const [first, ...rest] = [...dropIns].sort(byFileName);
    if (!first) throw new Error('UnitModel.fromDropIns needs at least one drop-in');
    return UnitModel.merge(first, rest, false, takes, keys);
  }

  private static merge(unit: UnitDocument, dropIns: readonly UnitDocument[], complete: boolean, takes?: LineFilter, keys?: ReadonlySet<string>): UnitModel {
    return new UnitModel(unit, [...dropIns].sort(byFileName), complete, takes, keys);
  }

  get type(): UnitType | undefined {
    return this.unit.file.type ?? this.dropIns.find((d) => d.file.type)?.file.type;
  }

  /** The manager that reads the unit, as its location says. */
  get manager(): ManagerKind {
    return managerOf(this.unit.uri);
  }

  /** Every document of the model: the unit (or first drop-in), then the drop-ins in reading order. */
  get documents(): readonly UnitDocument[] {
    return [this.unit, ...this.dropIns];
  }

  /**
   * Records which settings are read from now on. A computation that reads the model only through
   * its methods (and facts worked out from them, which note what they rest on) depends on nothing
   * else: on a model where none of those settings differ, it gives the same result. Returns a
   * function that ends the recording and gives what was read. Recordings nest: what an inner one
   * reads counts for the outer one too.
   */
  recordReads(): () => ReadSet {
    const outer = this.reads;
    this.reads = new Set();
    return () => {
      const reads = this.reads ?? new Set<string>();
      this.reads = outer;
      this.noteReads(reads);
      return reads;
    };
  }

  /**
   * Takes over from `previous`, the model of the version of the unit before an edit within one
   * line (the same lines, of the same keys, in the same sections), whose edited lines span `from`
   * to `to` (offsets in the edited document): whether systemd takes a line in rests on that line
   * alone, and every other line is as it was. So of a name `previous` worked out, only a line that
   * starts on the edited lines has its value checked again. A keystroke in one of 200,000 command
   * lines then checks one value, not all of them. Likewise, which keys have a line that may clear
   * the lines before it is looked at again for `key` alone, the edited lines' key (none when they
   * hold no assignment). `previous` itself is not kept.
   */
  inherit(previous: UnitModel, from: number, to: number, key: string | undefined): void {
    this.earlier = { refused: previous.refused, clearing: previous.keys === undefined ? previous.clearing : undefined, from, to, key };
  }

  /** Whether a recording is under way. */
  get recording(): boolean {
    return this.reads !== undefined;
  }

  /** Counts settings as read: a fact worked out from them earlier is read again. */
  noteReads(reads: ReadSet): void {
    if (this.reads === undefined || this.reads === 'all') return;
    if (reads === 'all') this.reads = 'all';
    else for (const name of reads) this.reads.add(name);
  }

  /** Counts one setting as read. */
  noteRead(name: string): void {
    if (this.reads !== undefined && this.reads !== 'all') this.reads.add(name);
  }

  /** The setting in whichever section of this unit type accepts it (several for `[Unit]`/type moves). */
  named(name: string): readonly Setting[] {
    if (this.reads !== undefined && this.reads !== 'all') this.reads.add(name);
    return this.resolved(name);
  }

  /** Whether some line still in force sets the setting (to anything but an empty value). */
  has(name: string): boolean {
    return this.named(name).some((s) => s.effective.length > 0);
  }

  /** The assignments of a setting still in force, in reading order, over all sections. */
  effective(name: string): Assignment[] {
    return sortByOrder(this.named(name).flatMap((s) => s.effective));
  }

  /** Every assignment of a setting, in reading order, over all sections. */
  assignments(name: string): Assignment[] {
    return sortByOrder(this.named(name).flatMap((s) => s.all));
  }

  /** The value in force of a single-valued setting, over all sections (the last one read). */
  last(name: string): Assignment | undefined {
    const all = this.effective(name);
    return all[all.length - 1];
  }

  /** The setting, or undefined when no line assigns it. */
  get(section: string, name: string): Setting | undefined {
    if (this.reads !== undefined && this.reads !== 'all') this.reads.add(name);
    this.resolved(name);
    return this.settings.get(key(section, name));
  }

  /** The value in force of a single-valued setting (undefined when unset or emptied). */
  value(section: string, name: string): string | undefined {
    const setting = this.get(section, name);
    return setting?.effective[setting.effective.length - 1]?.entry.value;
  }

  /** The effective values of a list setting, one per assignment line. */
  values(section: string, name: string): string[] {
    return this.get(section, name)?.effective.map((a) => a.entry.value) ?? [];
  }

  /**
   * The keys the unit's lines assign, as written, whether or not systemd takes the lines in: read
   * for one fact about all settings (which settings are in force, which lines clear a list), a
   * recording notes the fact, by its name, instead of every setting; only the keys that matter
   * to the fact need be worked out.
   */
  keysFor(fact: ModelFact): Iterable<string> {
    this.noteRead(fact);
    return this.keyNames();
  }

  /**
   * The lines of a key as written, in reading order, whether or not systemd takes them in (a key
   * from `keysFor`, read for the same fact): to see whether any could matter before working out
   * the setting.
   */
  written(key: string): readonly Entry[] {
    return this.keyLines(key)?.entries ?? NO_ENTRIES;
  }

  /**
   * The keys with a line, as written, that is empty or a bare `~` (see `clearsLines`), in the order
   * of their first lines, whether or not systemd takes the lines in: read for the fact of clearing
   * lines, which a recording notes instead of every setting.
   */
  clearingKeys(): readonly string[] {
    this.noteRead(MODEL_FACTS.clearingLines);
    return (this.clearing ??= this.findClearingKeys());
  }

  private findClearingKeys(): readonly string[] {
    const earlier = this.keys === undefined ? this.earlier : undefined;
    const known = earlier?.clearing;
    if (earlier === undefined || known === undefined) return [...this.keyNames()].filter((key) => this.written(key).some(clearsLines));
    // An edit within one line changes what is written of its own key only.
    const edited = earlier.key;
    if (edited === undefined) return known;
    const clears = this.written(edited).some(clearsLines);
    if (clears === known.includes(edited)) return known;
    return [...this.keyNames()].filter((key) => (key === edited ? clears : known.includes(key)));
  }

  /** Every setting that some line assigns. */
  all(): Iterable<Setting> {
    if (this.reads !== undefined) this.reads = 'all';
    return this.everySetting();
  }

  private everySetting(): readonly Setting[] {
    if (!this.every) {
      for (const name of this.keyNames()) this.resolved(name);
      this.every = [...this.settings.values()].sort((a, b) => a.firstOrder - b.firstOrder);
    }
    return this.every;
  }

  /** The settings of a name, worked out from its lines the first time. */
  private resolved(name: string): readonly Setting[] {
    let found = this.byName.get(name);
    if (found === undefined) {
      found = this.resolve(name);
      this.byName.set(name, found);
    }
    return found;
  }

  /** Every line in a well-formed section (systemd reads no other), in reading order, by key. */
  private indexed(): ReadonlyMap<string, KeyLines> {
    if (this.index) return this.index;
    const index = new Map<string, KeyLines>();
    const keys = this.keys;
    let order = 0;
    for (const document of this.documents) {
      for (const section of document.tree.sections) {
        if (section.malformed) continue;
        const count = entryCount(section);
        for (let i = 0; i < count; i++) {
          // A model of a few keys copies no other line of a moved section (a fix tried on a long unit).
          if (keys !== undefined && !keys.has(keyAt(section, i) as string)) {
            order++;
            continue;
          }
          const entry = entryAt(section, i) as Entry;
          const list = index.get(entry.key);
          if (list) {
            list.entries.push(entry);
            list.orders.push(order++);
          } else index.set(entry.key, { entries: [entry], orders: [order++] });
        }
      }
    }
    return (this.index = index);
  }

  /**
   * Whether the lines of a key are found where each document's tree says they are (see
   * keyPlaces.ts) rather than by an index of the model's own: for a long unit, whose next
   * versions share those places while their keys stay where they are, or when they are known.
   */
  private byPlaces(): boolean {
    return (this.placed ??= this.keys === undefined && (this.lineCount > LONG_UNIT_LINES || this.documents.every((d) => knownKeyPlaces(d.tree) !== undefined)));
  }

  /** The keys of the unit's lines, in the order of their first lines. */
  private keyNames(): Iterable<string> {
    if (!this.byPlaces()) return this.indexed().keys();
    if (this.dropIns.length === 0) return keyPlaces(this.unit.tree).byKey.keys();
    const names = new Set<string>();
    for (const document of this.documents) for (const name of keyPlaces(document.tree).byKey.keys()) names.add(name);
    return names;
  }

  /** The lines of a key, in reading order. */
  private keyLines(name: string): KeyLines | undefined {
    return this.byPlaces() ? this.linesFromPlaces(name) : this.indexed().get(name);
  }

  /** The lines of a key from where each document's tree says they are. */
  private linesFromPlaces(name: string): KeyLines | undefined {
    const documents = this.documents;
    let count = 0;
    for (let d = 0; d < documents.length; d++) count += keyPlaces(documents[d].tree).byKey.get(name)?.length ?? 0;
    if (count === 0) return undefined;
    // Made at their length: a key set on each of a million lines would otherwise leave twice as much
    // behind in the copies its lists grow through.
    const found: KeyLines = { entries: new Array<Entry>(count), orders: new Array<number>(count) };
    let at = 0;
    const line = { section: 0, line: 0 };
    for (let d = 0; d < documents.length; d++) {
      const places = keyPlaces(documents[d].tree);
      const own = places.byKey.get(name);
      if (own === undefined) continue;
      const sections = documents[d].tree.sections;
      const first = this.firstOrders[d];
      for (let i = 0; i < own.length; i++) {
        lineAtPlace(places, own[i], line);
        found.entries[at] = entryAt(sections[line.section], line.line) as Entry;
        found.orders[at++] = first + own[i];
      }
    }
    return found;
  }

  /** The lines of a key: from the index, or, for the first few keys read, by going through the lines. */
  private linesOf(name: string): KeyLines | undefined {
    // A long unit's places; else the index, made at once for a model of a few keys (one pass
    // instead of one per key) and once a few keys were read for any other.
    if (this.byPlaces() || this.index || this.keys || this.scans >= READS_BEFORE_INDEX) return this.keyLines(name);
    this.scans++;
    const found: KeyLines = { entries: [], orders: [] };
    let order = 0;
    for (const document of this.documents) {
      for (const section of document.tree.sections) {
        if (section.malformed) continue;
        const entries = section.entries;
        for (let i = 0; i < entries.length; i++) {
          if (entries[i].key !== name) continue;
          found.entries.push(entries[i]);
          found.orders.push(order + i);
        }
        order += entries.length;
      }
    }
    return found.entries.length > 0 ? found : undefined;
  }

  private resolve(name: string): readonly Setting[] {
    const lines = this.linesOf(name);
    if (!lines) return NO_SETTINGS;
    const found: SettingLines[] = [];
    const { entries, orders } = lines;
    const documentAt = (this.documentOf ??= (order: number) => this.documentAt(order));
    // Most often every line of the key is in one section that takes it: the setting keeps the key's lines as they are.
    const refused = this.refusedLines(name, entries);
    const first = entries.length > 0 ? sectionOf(entries[0]) : '';
    if (entries.length > 0 && refused.length === 0 && entries.every((entry) => sectionOf(entry) === first)) {
      const setting = new SettingLines(name, first, directiveRow(name, first)?.assignment ?? UNKNOWN_SEMANTICS, documentAt, entries, orders);
      this.settings.set(key(first, name), setting);
      setting.effective = inForce(setting, this.resetAt(setting, lines));
      return [setting];
    }
    let next = 0;
    for (let i = 0; i < entries.length; i++) {
      if (i === refused[next]) {
        next++;
        continue;
      }
      const entry = entries[i];
      const section = sectionOf(entry);
      let setting = found.find((s) => s.section === section);
      if (!setting) {
        const semantics = directiveRow(name, section)?.assignment ?? UNKNOWN_SEMANTICS;
        setting = new SettingLines(name, section, semantics, documentAt);
        found.push(setting);
        this.settings.set(key(section, name), setting);
      }
      setting.add(entry, orders[i]);
    }
    for (const setting of found) setting.effective = inForce(setting, this.resetAt(setting, lines));
    return found.length > 0 ? found : NO_SETTINGS;
  }

  /**
   * The places, in increasing order, of the lines of a name that systemd does not take in (see
   * `takesIn`), kept for the model of the next version. Of a name the earlier version worked out,
   * only a line that starts on the edited lines is looked at; the others are as they were.
   */
  private refusedLines(name: string, entries: readonly Entry[]): readonly number[] {
    const earlier = this.keys === undefined ? this.earlier : undefined;
    const before = earlier?.refused.get(name);
    const refused: number[] = [];
    if (earlier === undefined || before === undefined || before.count !== entries.length) {
      for (let i = 0; i < entries.length; i++) if (!this.takesIn(entries[i], sectionOf(entries[i]))) refused.push(i);
    } else {
      const { from, to } = earlier;
      let next = 0;
      for (let i = 0; i < entries.length; i++) {
        const start = entries[i].startOffset;
        const edited = start >= from && start <= to;
        const was = i === before.lines[next];
        if (was) next++;
        if (edited ? !this.takesIn(entries[i], sectionOf(entries[i])) : was) refused.push(i);
      }
    }
    if (this.keys === undefined) this.refused.set(name, { count: entries.length, lines: refused.length === 0 ? NO_PLACES : refused });
    return refused;
  }

  /** Whether systemd takes in a line of the model's documents (never one of a malformed section, nor one before the first). */
  takesLine(entry: Entry): boolean {
    const section = entry.section;
    return section !== undefined && !section.malformed && this.takesIn(entry, section.name);
  }

  /** Whether systemd takes a line in: its section accepts the setting, and `takes` keeps it. */
  private takesIn(entry: Entry, section: string): boolean {
    return accepted(entry.key, section, this.type) && (!this.takes || this.takes(entry, section));
  }

  /** The document that holds the line at a place in the reading order. */
  private documentAt(order: number): UnitDocument {
    const firstOrders = this.firstOrders;
    let index = firstOrders.length - 1;
    while (index > 0 && firstOrders[index] > order) index--;
    return index === 0 ? this.unit : this.dropIns[index - 1];
  }

  /**
   * The last line that empties a list setting (-1 when none): an empty line of its own (among
   * `own`, the lines of its name), or of a setting that shares its list, in the same section.
   */
  private resetAt(setting: Setting, own: KeyLines): number {
    if (setting.semantics.kind !== 'list') return -1;
    let at = -1;
    for (const name of [setting.name, ...(LIST_SHARERS.get(setting.name) ?? [])]) {
      const lines = name === setting.name ? own : this.linesOf(name);
      if (!lines) continue;
      for (let i = 0; i < lines.entries.length; i++) {
        const entry = lines.entries[i];
        if (!entry.isEmpty || lines.orders[i] <= at || sectionOf(entry) !== setting.section || !this.takesIn(entry, setting.section)) continue;
        const semantics = directiveRow(name, setting.section)?.assignment;
        if (semantics?.kind !== 'list' || !semantics.emptyResets) continue;
        if (name === setting.name || semantics.resetShares?.includes(setting.name)) at = lines.orders[i];
      }
    }
    return at;
  }
}

/** The lines of one key in reading order: each entry, and its place in the order. */
interface KeyLines {
  entries: Entry[];
  orders: number[];
}

/** The name of the section that holds a line of the model (every such line is in one). */
function sectionOf(entry: Entry): string {
  return (entry.section as Section).name;
}

const NO_SETTINGS: readonly Setting[] = [];

const NO_PLACES: readonly number[] = [];

/** For each setting, the settings whose empty line may clear its list too (`resetShares`). */
const LIST_SHARERS = new Map<string, string[]>();
for (const row of directiveRows) {
  const semantics = row.assignment;
  if (semantics.kind !== 'list' || !semantics.emptyResets) continue;
  for (const shared of semantics.resetShares ?? []) {
    const list = LIST_SHARERS.get(shared);
    if (!list) LIST_SHARERS.set(shared, [row.name]);
    else if (!list.includes(row.name)) list.push(row.name);
  }
}

/** The lines still in force: for a single value the last one (none when it was emptied); for a list the non-empty ones after the last reset. */
function inForce(setting: SettingLines, resetAt: number): Assignment[] {
  const { semantics } = setting;
  if (semantics.kind === 'ignored') return [];
  if (semantics.kind === 'single') {
    // Only the line in force is made into an assignment (see SettingLines).
    const count = setting.count;
    let chosen = count - 1;
    if (semantics.repeat === 'first-wins') for (chosen = 0; chosen < count && setting.entry(chosen).isEmpty; chosen++);
    return chosen >= 0 && chosen < count && !setting.entry(chosen).isEmpty ? [setting.at(chosen)] : [];
  }
  const all = setting.all;
  const counts = (a: Assignment) => a.order > resetAt && !a.entry.isEmpty;
  // Most often every line counts: the setting's list is the one in force too (neither is ever changed).
  return all.every(counts) ? all : all.filter(counts);
}

/**
 * Lines systemd takes into account: a setting the section accepts for this unit type. Others are
 * ignored by systemd (and reported by the rules), so they change nothing here.
 */
function accepted(name: string, section: string, type: UnitType | undefined): boolean {
  const row = directiveRow(name, section);
  return row !== undefined && (type === undefined || row.unitTypes.includes(type));
}

function byFileName(a: UnitDocument, b: UnitDocument): number {
  return compare(baseName(a.uri), baseName(b.uri)) || compare(a.uri, b.uri);
}

function sortByOrder(list: Assignment[]): Assignment[] {
  return list.sort((a, b) => a.order - b.order);
}

function key(section: string, name: string): string {
  return `${section}\0${name}`;
}

function baseName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
