/**
 * What a change to a unit does, for the person who reviews it: the exposure score before and
 * after, the checks whose verdict changed and the lines that decide them, the findings the change
 * brings and those it resolves, and the sandbox before and after in a few words.
 *
 * A side may be known only in part (a text built from a patch's hunks): it is then read as systemd
 * reads drop-ins whose unit is not at hand. What the text does not show is unknown, not missing,
 * so nothing is concluded from its absence (no "ExecStart= is missing", no breakage that rests on
 * lines nobody has seen), and the score counts only the settings shown.
 */
import { explain, type UnitFiles } from '../../rules';
import type { UnitModel } from '../../model/unitModel';
import { checkLines, type AssessResult, type ExposureLevel, type TestResult } from '../../security';
import type { Settings } from '../../settings';
import type { Diagnostic, Range } from '../../types';
import { createUnitDocument, type UnitDocument } from '../../unitDocument';
import type { UnitType } from '../../unitFile';
import { diagnose } from '../diagnostics';
import { exposureText, scoreOf, securityModel } from '../securityLens';
import { compareFindings, type ReviewFinding } from './findings';
import { SANDBOX_ASPECTS, sandboxOf, type Sandbox, type SandboxAspect } from './sandbox';
import { appendAll } from '../../arrays';
import { decodeUriText } from '../../uriNames';

/** One file of a unit, on one side of the change. */
export interface ReviewFile {
  uri: string;
  text: string;
  /**
   * The file's name on both sides of the change, which pairs its findings before and after:
   * by default its name with a drop-in's folder (`nftables.service`, `nftables.service.d/10-x.conf`);
   * a renamed file gives its new name on both sides.
   */
  name?: string;
  /**
   * Only these 0-based lines hold the file's text (a text built from a patch's hunks); the others
   * are filler. Absent: the whole text is the file's.
   */
  shownLines?: ReadonlySet<number>;
}

/** A unit on one side of the change: the unit file and its drop-ins, as far as they are at hand. */
export interface ReviewSide {
  /** Absent when the unit file does not exist on this side, or is not at hand (only drop-ins changed). */
  unit?: ReviewFile;
  dropIns?: readonly ReviewFile[];
}

export interface ReviewInput {
  before: ReviewSide;
  after: ReviewSide;
}

export type ExposureState =
  | {
      scored: true;
      /** 0..100, shown /10. */
      exposure: number;
      level: ExposureLevel;
      /** `9.6 UNSAFE 😨` */
      text: string;
      /** False when the unit's own lines are not all at hand (drop-ins only, or a text from a patch's hunks). */
      complete: boolean;
    }
  | { scored: false; reason: string };

/** A line that decides a check. */
export interface DecidingLine {
  uri: string;
  /** The file's name (as in `ReviewFile.name`). */
  file: string;
  range: Range;
  /** The line as written (`ProtectSystem=strict`). */
  text: string;
}

export interface CheckState {
  /** False when the check does not apply. */
  scored: boolean;
  /** 0..range; undefined when the check does not apply. */
  badness: number | undefined;
  /** The check's share of the score, 0..100. */
  exposure: number;
  /** The verdict in a few words (`whole file system read-only`). */
  description: string;
  lines: DecidingLine[];
}

/** An exposure check whose verdict the change moves. */
export interface CheckChange {
  /** As `systemd-analyze security` names it: `ProtectSystem=`, `SystemCallFilter=~@mount`. */
  id: string;
  before: CheckState;
  after: CheckState;
}

export interface UnitReview {
  /** The unit's name (`nftables.service`). */
  unit: string;
  type: UnitType | undefined;
  change: 'added' | 'removed' | 'modified';
  systemdVersion: number;
  /** Which sides are known only from a patch's hunks. */
  fromHunksOnly: { before: boolean; after: boolean };
  /** Undefined for units that have no exposure score (not services). */
  exposure: { before: ExposureState | undefined; after: ExposureState | undefined } | undefined;
  /** After minus before (in 0..100 units), when both sides are scored. */
  exposureChange: number | undefined;
  /** Checks whose verdict changed, the largest change of share first. */
  checks: CheckChange[];
  newFindings: ReviewFinding[];
  resolvedFindings: ReviewFinding[];
  /** Findings there before and after. */
  keptFindings: number;
  /** Undefined for units that have no exposure score. */
  sandbox: { before: Sandbox | undefined; after: Sandbox | undefined; changed: SandboxAspect[] } | undefined;
}

interface SideState {
  documents: UnitDocument[];
  /** The texts of the lines `first` to `last` (0-based) of a document, by URI, those it has. */
  lines: (uri: string, first: number, last: number) => string[];
  partial: boolean;
  names: Map<string, string>;
  findings: ReviewFinding[];
  model: UnitModel | undefined;
  score: AssessResult | undefined;
  implications: Diagnostic[];
  type: UnitType | undefined;
  unitName: string | undefined;
}

/** `nftables.service`, or `nftables.service.d/10-x.conf` for a drop-in. */
export function fileLabel(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const parts = path.split('/');
  const name = decodeUriText(parts[parts.length - 1] ?? '');
  const parent = decodeUriText(parts[parts.length - 2] ?? '');
  return parent.endsWith('.d') && name.endsWith('.conf') ? `${parent}/${name}` : name;
}

function documentOf(file: ReviewFile, partial: boolean): UnitDocument {
  const document = createUnitDocument(file.uri, file.text);
  // A text known only in part is read as a drop-in whose unit is not at hand: nothing it lacks counts as missing.
  return partial ? { ...document, file: { ...document.file, isDropIn: true } } : document;
}

function evaluate(side: ReviewSide, settings: Readonly<Settings>): SideState | undefined {
  const files = [...(side.unit ? [side.unit] : []), ...(side.dropIns ?? [])];
  if (files.length === 0) return undefined;
  const partial = files.some((f) => f.shownLines !== undefined);
  const unit = side.unit ? documentOf(side.unit, partial) : undefined;
  const dropIns = (side.dropIns ?? []).map((f) => documentOf(f, partial));
  const documents = [...(unit ? [unit] : []), ...dropIns];
  const names = new Map(files.map((f) => [f.uri, f.name ?? fileLabel(f.uri)]));
  const shown = new Map(files.map((f) => [f.uri, f.shownLines]));
  const filesOf = (document: UnitDocument): UnitFiles => {
    if (partial) return { dropIns: documents.filter((d) => d !== document) };
    if (document === unit) return { dropIns };
    return { ...(unit ? { unit } : {}), dropIns };
  };
  const findings: ReviewFinding[] = [];
  const implications: Diagnostic[] = [];
  // Read through each document's line index when asked: a copy of every line of a long unit is
  // megabytes for the few lines a review quotes.
  const trees = new Map(documents.map((d) => [d.uri, d.tree]));
  const lines = (uri: string, first: number, last: number): string[] => {
    const tree = trees.get(uri);
    const texts: string[] = [];
    if (tree === undefined) return texts;
    for (let line = Math.max(0, first); line <= last && line < tree.lines.lineCount; line++) texts.push(tree.text.slice(tree.lines.lineStart(line), tree.lines.lineEnd(line)));
    return texts;
  };
  for (const document of documents) {
    const visible = shown.get(document.uri);
    // First: explaining builds the unit model and keeps it with the document, and the check reuses it.
    appendAll(implications, explain(document, settings, filesOf(document)));
    for (const diagnostic of diagnose(document, settings, filesOf(document))) {
      const line = diagnostic.range.start.line;
      if (visible && !visible.has(line)) continue;
      findings.push({ uri: document.uri, file: names.get(document.uri) ?? fileLabel(document.uri), diagnostic, lineText: lines(document.uri, line, line)[0] ?? '' });
    }
  }
  const first = documents[0] as UnitDocument;
  const model = securityModel(first, filesOf(first));
  // Only the checks whose verdict changes have their lines named (see checkState).
  const score = model ? scoreOf(model, settings, false) : undefined;
  const type = first.file.type ?? documents.find((d) => d.file.type)?.file.type;
  const unitName = unit?.file.unitName ?? documents.find((d) => d.file.unitName)?.file.unitName;
  return { documents, lines, partial, names, findings, model, score, implications, type, unitName };
}

function exposureState(state: SideState): ExposureState | undefined {
  if (!state.score) return undefined;
  if (!state.score.ok) return { scored: false, reason: state.score.error };
  return { scored: true, exposure: state.score.exposure, level: state.score.level, text: exposureText(state.score.exposure), complete: state.model?.complete ?? false };
}

function checkState(test: TestResult, state: SideState): CheckState {
  const named = state.model ? checkLines(state.model, test.id) : [];
  const lines = named.map((l) => {
    const text = state.lines(l.uri, l.range.start.line, l.range.end.line).join(' ');
    return { uri: l.uri, file: state.names.get(l.uri) ?? fileLabel(l.uri), range: l.range, text: text.trim() };
  });
  return { scored: test.scored, badness: test.badness, exposure: test.exposure, description: test.description, lines };
}

function changedChecks(before: SideState | undefined, after: SideState | undefined): CheckChange[] {
  if (!before?.score?.ok || !after?.score?.ok) return [];
  const old = new Map(before.score.tests.map((t) => [t.id, t]));
  const changes: CheckChange[] = [];
  for (const test of after.score.tests) {
    const was = old.get(test.id);
    if (!was || (was.scored === test.scored && was.badness === test.badness)) continue;
    changes.push({ id: test.id, before: checkState(was, before), after: checkState(test, after) });
  }
  return changes.sort((a, b) => Math.abs(b.after.exposure - b.before.exposure) - Math.abs(a.after.exposure - a.before.exposure));
}

function sandboxState(state: SideState | undefined, settings: Readonly<Settings>): Sandbox | undefined {
  if (!state?.model || !state.score?.ok) return undefined;
  return sandboxOf({ model: state.model, tests: state.score.tests, systemdVersion: settings.systemdVersion, implications: state.implications });
}

/** Reviews a change to one unit at the release the settings target. */
export function reviewUnit(input: ReviewInput, settings: Readonly<Settings>): UnitReview {
  const before = evaluate(input.before, settings);
  const after = evaluate(input.after, settings);
  const either = (after ?? before) as SideState | undefined;
  if (!either) throw new Error('reviewUnit needs a unit file or a drop-in on at least one side');
  const scoredUnit = before?.score !== undefined || after?.score !== undefined;
  const exposure = scoredUnit ? { before: before && exposureState(before), after: after && exposureState(after) } : undefined;
  const b = exposure?.before;
  const a = exposure?.after;
  const findings = compareFindings(before?.findings ?? [], after?.findings ?? []);
  const sandboxBefore = scoredUnit ? sandboxState(before, settings) : undefined;
  const sandboxAfter = scoredUnit ? sandboxState(after, settings) : undefined;
  return {
    unit: either.unitName ?? fileLabel(either.documents[0]?.uri ?? ''),
    type: either.type,
    change: !before ? 'added' : !after ? 'removed' : 'modified',
    systemdVersion: settings.systemdVersion,
    fromHunksOnly: { before: before?.partial ?? false, after: after?.partial ?? false },
    exposure,
    exposureChange: b?.scored && a?.scored ? a.exposure - b.exposure : undefined,
    checks: changedChecks(before, after),
    newFindings: findings.added,
    resolvedFindings: findings.resolved,
    keptFindings: findings.kept,
    sandbox: scoredUnit
      ? {
          before: sandboxBefore,
          after: sandboxAfter,
          changed: SANDBOX_ASPECTS.map((s) => s.id).filter((id) => sandboxBefore?.[id] !== sandboxAfter?.[id]),
        }
      : undefined,
  };
}
