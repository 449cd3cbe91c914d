import { directiveRow, type AssignmentSemantics } from '../kb';
import type { Entry } from '../syntax/syntaxTree';
import type { UnitType } from '../unitFile';
import type { UnitDocument } from '../unitDocument';
import { managerOf, type ManagerKind } from './manager';

/** Whether systemd takes a line in (given that its section accepts the setting). */
export type LineFilter = (entry: Entry, section: string) => boolean;

/** One `Key=value` line, with the file it is in. */
export interface Assignment {
  entry: Entry;
  /** The unit file or the drop-in that holds the line. */
  document: UnitDocument;
  section: string;
  /** Position in the order systemd reads the lines: the unit, then its drop-ins by file name. */
  order: number;
}

/** A setting as systemd ends up with it after reading every line that assigns it. */
export interface Setting {
  name: string;
  section: string;
  semantics: AssignmentSemantics;
  /** Every assignment, in reading order. */
  all: Assignment[];
  /**
   * The assignments that still count: for a single value the last one (none
   * when it was emptied); for a list the non-empty ones after the last reset.
   */
  effective: Assignment[];
}

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

export class UnitModel {
  private readonly byName = new Map<string, Setting[]>();
  private reads: Set<string> | 'all' | undefined;

  private constructor(
    readonly unit: UnitDocument,
    readonly dropIns: readonly UnitDocument[],
    private readonly settings: ReadonlyMap<string, Setting>,
    /** False when the unit file itself is not known (a drop-in read on its own). */
    readonly complete: boolean,
  ) {
    for (const setting of settings.values()) {
      const list = this.byName.get(setting.name);
      if (list) list.push(setting);
      else this.byName.set(setting.name, [setting]);
    }
  }

  /**
   * `takes` can leave out lines that systemd would not take in (a value the target version
   * cannot parse, say); lines of settings the section does not accept are always left out.
   */
  static build(unit: UnitDocument, dropIns: readonly UnitDocument[] = [], takes?: LineFilter): UnitModel {
    return UnitModel.merge(unit, dropIns, true, takes);
  }

  /**
   * A model of drop-ins whose unit is not at hand: settings the unit may hold are unknown, so
   * `complete` is false and callers must not conclude that a setting is missing.
   */
  static fromDropIns(dropIns: readonly UnitDocument[], takes?: LineFilter): UnitModel {
    const [first, ...rest] = [...dropIns].sort(byFileName);
    if (!first) throw new Error('UnitModel.fromDropIns needs at least one drop-in');
    return UnitModel.merge(first, rest, false, takes);
  }

  private static merge(unit: UnitDocument, dropIns: readonly UnitDocument[], complete: boolean, takes?: LineFilter): UnitModel {
    const ordered = [...dropIns].sort(byFileName);
    const type = unit.file.type ?? ordered.find((d) => d.file.type)?.file.type;
    const assignments: Assignment[] = [];
    for (const document of [unit, ...ordered]) {
      for (const section of document.tree.sections) {
        if (section.malformed) continue;
        for (const entry of section.entries) {
          if (!accepted(entry.key, section.name, type) || (takes && !takes(entry, section.name))) continue;
          assignments.push({ entry, document, section: section.name, order: assignments.length });
        }
      }
    }
    return new UnitModel(unit, ordered, resolve(assignments), complete);
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
    return this.byName.get(name) ?? [];
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
   * Every setting, read for one fact about all of them (which settings are in force, which lines
   * clear a list): a recording notes the fact, by its name, instead of every setting.
   */
  allFor(fact: ModelFact): Iterable<Setting> {
    this.noteRead(fact);
    return this.settings.values();
  }

  /** Every setting that some line assigns. */
  all(): Iterable<Setting> {
    if (this.reads !== undefined) this.reads = 'all';
    return this.settings.values();
  }
}

function resolve(assignments: readonly Assignment[]): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  for (const assignment of assignments) {
    const k = key(assignment.section, assignment.entry.key);
    let setting = settings.get(k);
    if (!setting) {
      const semantics = directiveRow(assignment.entry.key, assignment.section)?.assignment ?? UNKNOWN_SEMANTICS;
      setting = { name: assignment.entry.key, section: assignment.section, semantics, all: [], effective: [] };
      settings.set(k, setting);
    }
    setting.all.push(assignment);
  }

  // An empty assignment of a list may also clear settings that share its list.
  const resets = new Map<string, number>();
  for (const setting of settings.values()) {
    const { semantics } = setting;
    if (semantics.kind !== 'list' || !semantics.emptyResets) continue;
    for (const a of setting.all) {
      if (!a.entry.isEmpty) continue;
      for (const name of [setting.name, ...(semantics.resetShares ?? [])]) {
        const k = key(setting.section, name);
        resets.set(k, Math.max(resets.get(k) ?? -1, a.order));
      }
    }
  }

  for (const [k, setting] of settings) {
    const { semantics, all } = setting;
    if (semantics.kind === 'ignored') continue;
    if (semantics.kind === 'single') {
      const chosen = semantics.repeat === 'first-wins' ? all.find((a) => !a.entry.isEmpty) : all[all.length - 1];
      setting.effective = chosen && !chosen.entry.isEmpty ? [chosen] : [];
      continue;
    }
    const resetAt = resets.get(k) ?? -1;
    setting.effective = all.filter((a) => a.order > resetAt && !a.entry.isEmpty);
  }
  return settings;
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
