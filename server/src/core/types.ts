/**
 * Result types of the language service. They are shaped like the Language
 * Server Protocol's types (0-based lines, UTF-16 characters) so the LSP layer
 * can pass them through, but they carry no dependency on it. A finding may be
 * a LineFinding (rules/lineFinding.ts), whose range is built each time it is
 * read: copy a finding with findingCopy, not a spread, and give it a new range
 * rather than change the one read.
 */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based offset in UTF-16 code units. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Severities from the most to the least serious: a lower rank is more serious. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * How far a fix can be trusted without a review. `safe`: it cannot stop a service that works
 * today and does not change what the service may do (a new name for an old setting, a value's
 * spelling, a line moved to the section that reads it, a line that has no effect removed).
 * `review`: it changes the sandbox, in either direction (takes a permission away, which may
 * break the service, or gives one back, which weakens it); the fix's title says which.
 * "Fix all" and `unitguard check --fix` apply safe fixes only.
 */
export type FixRisk = 'safe' | 'review';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to choose first among a diagnostic's fixes. */
  isPreferred?: boolean;
  /** Set on every published fix (see `FixRisk`); rules may leave it out, the rule runner fills it in. */
  risk?: FixRisk;
  /** For a `review` fix that adds restrictions: what they may break, in a sentence or two. */
  mayBreak?: string;
}

export interface RelatedInformation {
  range: Range;
  message: string;
  /** The document the range is in, when it is not the diagnosed one (a drop-in, the unit itself). */
  uri?: string;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  /** Stable rule id, for example `invalid-section-header`. */
  code: string;
  /** For hardening-pair diagnostics: the id of the pair (`syscallarch-systemcallfilter`). */
  pairing?: string;
  /** For a finding that stands for several pairs of one cause: every pair that holds, `pairing` first. */
  pairings?: string[];
  message: string;
  fixes?: Fix[];
  related?: RelatedInformation[];
  /** Marks settings that have no effect (rendered faded by editors). */
  unnecessary?: boolean;
  deprecated?: boolean;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** Whether two ranges cover the same span (a range may be built anew each time it is read). */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}
