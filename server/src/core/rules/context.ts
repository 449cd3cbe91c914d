/** What every rule sees: the diagnosed document, the unit merged with its drop-ins, the settings. */
import type { ManagerKind } from '../model/manager';
import type { UnitModel } from '../model/unitModel';
import type { Settings } from '../settings';
import type { Entry, Section } from '../syntax/syntaxTree';
import type { Diagnostic, Fix, Range, Severity } from '../types';
import type { UnitType } from '../unitFile';
import type { UnitDocument } from '../unitDocument';
import { EntryNode } from '../syntax/treeNodes';
import { LineFinding } from './lineFinding';
import { defaultSeverity } from './registry';
import { sharedText } from './values/boundedCache';

export interface RuleContext {
  /** The document diagnostics are reported for (the unit or one of its drop-ins). */
  readonly document: UnitDocument;
  /** The unit as systemd merges it, with the drop-ins at hand. */
  readonly model: UnitModel;
  readonly settings: Readonly<Settings>;
  /** The unit type, undefined when the file name does not tell it. */
  readonly type: UnitType | undefined;
  readonly manager: ManagerKind;
  report(diagnostic: Diagnostic): void;
  /**
   * The breakage findings a fix would bring (evidence in the unit that the setting it writes
   * breaks something); empty when the unit's evidence does not contradict it. Absent in nested
   * runs, where nothing is recommended.
   */
  readonly contradictions?: (fix: Fix) => Diagnostic[];
  /**
   * False when nobody will read the findings' fixes (a one-shot check's diagnostics): a rule that
   * offers a fix on each of many lines may leave them out. Fixes that decide whether a finding is
   * made at all (a recommendation's) are offered all the same.
   */
  readonly offersFixes?: boolean;
  /**
   * The budget of fixes a one-shot check will try (`check --format json` on a long unit, see
   * withinTrialBudget in features/fixes/validate.ts). Findings are let in, in order, while fixes
   * are left, and the first always: of a rule's findings in the order it reports them, none past
   * the first `fixesTried` (at least one) that have fixes is ever let in. A rule that offers one fix
   * on each of many lines may make only theirs; the others would be dropped untried when every
   * finding is shown. When only the most severe are shown (diagnoseWithFixesLimited), a shown finding
   * past those first ones is shown without fixes: the rule made them before the ranking.
   */
  readonly fixesTried?: number;
  /**
   * True when the findings are ranked after the run and only the first few kept (see
   * boundedFindings.ts): the order a rule reports them in does not matter, and a rule that would
   * gather them to sort them first gives each on as it comes.
   */
  readonly ranksFindings?: true;
  /**
   * What the check of a drop-in of the unit finds on its own, with the drop-ins of its folder and
   * without the unit (see findingHome.ts): made when first asked for.
   */
  readonly dropInFindings?: (document: UnitDocument) => readonly Diagnostic[];
}

/** A section of the document together with its usable entries. */
export interface SectionEntries {
  section: Section;
  entries: Entry[];
}


export function diagnostic(
  code: string,
  range: Range,
  message: string,
  extra: Partial<Omit<Diagnostic, 'code' | 'range' | 'message'>> & { severity?: Severity } = {},
): Diagnostic {
  const severity = extra.severity ?? defaultSeverity(code);
  const text = sharedText(message);
  const rest = withoutSeverity(extra);
  // A line set again (a finding that a long unit may have on most of its lines) has these two
  // fields, and no fixes when none are offered: written in one literal, in the same order, the
  // finding keeps them in itself. Fields spread into a literal after its own go to a table of
  // their own, 32 bytes more.
  const keys = Object.keys(rest);
  if (keys.length === 2 && keys[0] === 'unnecessary' && keys[1] === 'related') return { range, severity, code, message: text, unnecessary: rest.unnecessary, related: rest.related };
  return { range, severity, code, message: text, ...rest };
}

/**
 * A finding on an assignment's key (see LineFinding): neither the finding nor the line keeps the
 * key's range, which a long unit would hold for most of its lines.
 */
export function keyDiagnostic(
  code: string,
  entry: Entry,
  message: string,
  extra: Partial<Omit<Diagnostic, 'code' | 'range' | 'message'>> & { severity?: Severity } = {},
): Diagnostic {
  const range = entry instanceof EntryNode ? entry.keyRangeOnce() : entry.keyRange;
  return new LineFinding(range, extra.severity ?? defaultSeverity(code), code, sharedText(message), withoutSeverity(extra));
}

function withoutSeverity<T extends { severity?: Severity }>(value: T): Omit<T, 'severity'> {
  const { severity: _severity, ...rest } = value;
  void _severity;
  return rest;
}

/** Sections whose header systemd accepts (malformed headers make systemd refuse the file). */
export function wellFormedSections(document: UnitDocument): Section[] {
  return document.tree.sections.filter((s) => !s.malformed);
}

/**
 * A check of one line: what it finds rests on that line (its key, value and place, its section's
 * name), the unit's type, the settings, and where fixes put lines, which a change within one line
 * does not move. Such checks keep what they found on other lines from one keystroke to the next.
 */
export type LineCheck = (context: RuleContext, section: Section, entry: Entry) => void;

/** Runs a check of one line on every line of the sections whose header systemd accepts. */
export function eachLine(context: RuleContext, check: LineCheck): void {
  for (const section of wellFormedSections(context.document)) for (const entry of section.entries) check(context, section, entry);
}

/** Extension sections and settings (`X-...`) are the user's own; systemd skips them silently. */
export function isExtensionName(name: string): boolean {
  return name.startsWith('X-');
}

/** `ExecStart=` → `ExecStart`, for messages. */
export function key(name: string): string {
  return `${name}=`;
}
