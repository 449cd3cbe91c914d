/** Runs every rule on a document, with the unit and drop-ins it belongs to. */
import { managerOf } from '../model/manager';
import { directiveRow, valueSince, type DirectiveRow } from '../kb';
import { UnitModel, type LineFilter, type ReadSet } from '../model/unitModel';
import { contradictionsOf, Verdicts, type Check, type EvidenceCache, type EvidenceResult } from './evidence';
import { anyTouching, lineChange, withFacts, type LineChange } from './lineChange';
import { checkValue } from './values/checks';
import { always, BoundedCache } from './values/boundedCache';
import { attached } from '../memo/attached';
import { wordsIn } from './values/words';
import type { Settings } from '../settings';
import type { Diagnostic } from '../types';
import type { UnitDocument } from '../unitDocument';
import type { Entry } from '../syntax/syntaxTree';
import type { LineCheck, RuleContext } from './context';
import { checkPairings, implications } from './pairings/engine';
import { checkDeprecated, checkDeprecatedLine } from './structure/deprecated';
import { checkDirectiveLine, checkDirectives } from './structure/directives';
import { checkRepeats } from './structure/repeats';
import { checkUnitLoad } from './structure/unitLoad';
import { checkSections } from './structure/sections';
import { checkVersionLine, checkVersions } from './structure/versions';
import { checkValueLine, checkValues, holdsPlaceholder } from './values/invalidValue';
import { keptLineCheck, keptRepeats } from './lineLocal';
import { BREAKAGE_CHECKS, keepSplits, releaseCommandLines } from './breakage';
import { checkListMerge } from './merge/listMerge';
import type { BoundedFindings } from './boundedFindings';
import { appendAll } from '../arrays';
import { trimBlanksEnd } from '../syntax/blanks';

/** The other files of the unit that the caller has at hand. */
export interface UnitFiles {
  /** The unit file itself, when the diagnosed document is one of its drop-ins. */
  unit?: UnitDocument;
  /** The unit's drop-ins (the diagnosed document may be among them). */
  dropIns?: readonly UnitDocument[];
}

/** The rules that advise: a recommendation among them is checked against the evidence rules' findings. */
const ADVICE_CHECKS: readonly Check[] = [checkSections, checkDirectives, checkDeprecated, checkVersions, checkRepeats, checkValues, checkPairings, checkUnitLoad];

/** The advice checks that look at one line at a time (see `LineCheck`), with their check of one line. */
const LINE_CHECKS = new Map<Check, LineCheck>([
  [checkDirectives, checkDirectiveLine],
  [checkDeprecated, checkDeprecatedLine],
  [checkVersions, checkVersionLine],
  [checkValues, checkValueLine],
]);

/** Rules that decide from the unit's evidence whether a setting breaks something; their findings come after the advice. */
const EVIDENCE_CHECKS: readonly Check[] = [checkListMerge, ...BREAKAGE_CHECKS];

/**
 * The merged view of the unit: the document with the files given, as systemd reads them. With
 * `keys`, a view of those settings only (what a check that reads just them needs).
 */
export function modelFor(document: UnitDocument, files: UnitFiles = {}, takes?: LineFilter, keys?: ReadonlySet<string>): UnitModel {
  const dropIns = (files.dropIns ?? []).filter((d) => d.uri !== document.uri);
  if (!document.file.isDropIn) return UnitModel.build(document, dropIns, takes, keys);
  const all = [document, ...dropIns];
  return files.unit ? UnitModel.build(files.unit, all, takes, keys) : UnitModel.fromDropIns(all, takes, keys);
}

/**
 * Whether systemd of a release takes a line in, by release, setting row and value (the same lines
 * recur in every model of a unit). Keyed without joining strings: a key built from the value would
 * copy every value of the unit on every model built.
 */
const TAKEN = new Map<number, Map<DirectiveRow, (value: string) => boolean>>();

/** Whether systemd of the release takes a value of the setting, remembered. */
function takenBy(version: number, row: DirectiveRow): (value: string) => boolean {
  let byRow = TAKEN.get(version);
  if (!byRow) TAKEN.set(version, (byRow = new Map()));
  let taken = byRow.get(row);
  if (!taken) {
    const cache = new BoundedCache<boolean>(TAKEN_PER_SETTING, { keepsLong: always });
    const compute = (value: string): boolean => takesValue(row, value, version);
    byRow.set(row, (taken = (value) => cache.get(value, compute)));
  }
  return taken;
}

/** Values remembered per setting and release (the rows are a fixed set, so this bounds the whole). */
const TAKEN_PER_SETTING = 2048;

/**
 * Lines systemd of the target version takes in: not newer than the target, and with a value it
 * can parse (a list with some bad items still counts: systemd skips only those items).
 */
function takenAtTarget(settings: Readonly<Settings>): LineFilter {
  const version = settings.systemdVersion;
  return (entry, section) => {
    const row = directiveRow(entry.key, section);
    if (!row || (row.since !== undefined && row.since > version)) return false;
    return takenBy(version, row)(entry.value);
  };
}

function takesValue(row: DirectiveRow, value: string, version: number): boolean {
  for (const word of wordsIn(value)) {
    const since = valueSince(row.name, word.text.replace(/^~/, ''));
    if (since !== undefined && since > version) return false;
  }
  if (holdsPlaceholder(value)) return true;
  // A warning is about a value systemd takes in all the same (a prefix it ignores, a name it skips).
  const problems = checkValue(row, value, version);
  return !problems.some((p) => p.severity !== 'warning' && (p.ignoresLine === true || (p.start <= 0 && p.end >= trimBlanksEnd(value).length)));
}

interface SharedModel {
  files: readonly UnitDocument[];
  systemdVersion: number;
  model: UnitModel;
}

/** The last model built for each document, so that hover after a check does not merge the unit again. */
const sharedModels = attached<UnitDocument, SharedModel>('shared model');

function filesList(files: UnitFiles): UnitDocument[] {
  return [...(files.unit ? [files.unit] : []), ...(files.dropIns ?? [])];
}

/**
 * The model of the document at the target release, built once per document, files and release.
 * Unless `keep`, one not built yet is built for this use alone and not kept with the document.
 */
function sharedModelFor(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles, keep = true): UnitModel {
  const list = filesList(files);
  const hit = sharedModels.get(document);
  if (hit && hit.systemdVersion === settings.systemdVersion && hit.files.length === list.length && hit.files.every((d, i) => d === list[i])) return hit.model;
  const model = modelFor(document, files, takenAtTarget(settings));
  if (keep) sharedModels.set(document, { files: list, systemdVersion: settings.systemdVersion, model });
  return model;
}

/**
 * What every rule sees. `fresh` builds a model of its own, not kept for hover; without `keep`, a
 * model kept with the document is used, but one built is not kept.
 */
function ruleContext(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles, report: (d: Diagnostic) => void, fresh = false, keep = true): RuleContext {
  const model = fresh ? modelFor(document, files, takenAtTarget(settings)) : sharedModelFor(document, settings, files, keep);
  const dropInFindings = (dropIn: UnitDocument): readonly Diagnostic[] => findingsOnItsOwn(dropIn, settings, files);
  return { document, model, settings, type: document.file.type ?? model.type, manager: managerOf(files.unit?.uri ?? document.uri), report, dropInFindings };
}

/** What the check of each drop-in on its own found, for the settings it was made with. */
const onItsOwn = new WeakMap<UnitDocument, { settings: Readonly<Settings>; found: readonly Diagnostic[] }>();

/** The findings of a drop-in checked with the other drop-ins of its folder and without the unit, as a check of it finds them. */
function findingsOnItsOwn(dropIn: UnitDocument, settings: Readonly<Settings>, files: UnitFiles): readonly Diagnostic[] {
  const known = onItsOwn.get(dropIn);
  if (known !== undefined && known.settings === settings) return known.found;
  const folder = dropIn.uri.slice(0, dropIn.uri.lastIndexOf('/') + 1);
  const inFolder = (d: UnitDocument): boolean => d !== dropIn && d.uri.startsWith(folder) && !d.uri.slice(folder.length).includes('/');
  const found = runRules(dropIn, settings, { dropIns: (files.dropIns ?? []).filter(inFolder) });
  onItsOwn.set(dropIn, { settings, found });
  return found;
}

/**
 * What the settings of a document switch on by themselves in this unit ("DynamicUser=yes implies
 * RemoveIPC=yes"), at the target release: knowledge for hover and `check --explain`, never a finding.
 * Given one of the document's lines, only what that line switches on (what hover shows).
 */
export function explain(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles = {}, line?: Entry): Diagnostic[] {
  return implications(ruleContext(document, settings, files, () => undefined), line);
}

/**
 * Pairs that a breakage rule says better: when the rule finds its breakage, the pair's softer
 * advice about the same lines is not said as well (each cause once). The codes that say better are
 * breakage rules', found by evidence checks: `reportFindings` relies on it.
 */
export const SAID_BETTER_BY: Readonly<Record<string, string>> = {
  'raf-af-unix': 'notify-socket-blocked',
};

function restatable(d: Diagnostic): boolean {
  return d.pairing !== undefined && Object.prototype.hasOwnProperty.call(SAID_BETTER_BY, d.pairing);
}

/** Whether a finding is a pair's advice that a finding of one of `codes` says better. */
function restated(d: Diagnostic, codes: ReadonlySet<string>): boolean {
  return restatable(d) && codes.has(SAID_BETTER_BY[d.pairing as string]);
}

function withoutRestatements(found: Diagnostic[]): Diagnostic[] {
  // Most units have no pair that a breakage rule says better: the list is kept as it is.
  if (!found.some(restatable)) return found;
  const codes = new Set(found.map((d) => d.code));
  return found.filter((d) => !restated(d, codes));
}

/**
 * The advice checks' findings and then the evidence checks', as `runRules` lists them, given to
 * `selection` as they come; what it keeps. A pair's advice that an evidence finding says better is
 * left out as it comes: the evidence checks ran first.
 */
function selected(context: RuleContext, evidence: readonly EvidenceResult[], selection: BoundedFindings): Diagnostic[] {
  const codes = new Set<string>();
  for (const result of evidence) for (const d of result.found) codes.add(d.code);
  const ranked: RuleContext = { ...context, ranksFindings: true, report: (d) => void (restated(d, codes) || selection.add(d)) };
  for (const check of ADVICE_CHECKS) check(ranked);
  for (const result of evidence) for (const d of result.found) selection.add(d);
  return selection.kept();
}

/** Runs one check on the unit, recording the settings it reads. */
function recorded(context: RuleContext, check: Check): EvidenceResult {
  const found: Diagnostic[] = [];
  const stop = context.model.recordReads();
  let reads: ReadSet = 'all';
  try {
    // Object.assign rather than a spread with more properties: V8 copies it many times faster.
    check(Object.assign({}, context, { report: (d: Diagnostic) => void found.push(d) }));
  } finally {
    reads = stop();
  }
  return { check, found, reads };
}

function readsAny(reads: ReadSet, names: ReadonlySet<string>): boolean {
  if (reads === 'all') return true;
  for (const name of names) if (reads.has(name)) return true;
  return false;
}

/**
 * A check's findings on the last version, when they still hold: the edit changed no setting the
 * check read (nor any of `alsoReads`) and none of the findings points at the changed lines.
 */
function kept(last: EvidenceResult | undefined, change: LineChange | undefined, alsoReads: readonly EvidenceResult[] = []): EvidenceResult | undefined {
  if (!last || !change) return undefined;
  if (readsAny(last.reads, change.settings) || alsoReads.some((r) => readsAny(r.reads, change.settings))) return undefined;
  return anyTouching(last.found, change) ? undefined : last;
}

/** What changed since the last run on this document, when its results may be kept. */
function changeSince(cache: EvidenceCache | undefined, document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles): LineChange | undefined {
  const last = cache?.lastRun;
  if (!last || last.document.uri !== document.uri || last.systemdVersion !== settings.systemdVersion) return undefined;
  const list = filesList(files);
  if (last.files.length !== list.length || last.files.some((d, i) => d !== list[i])) return undefined;
  return lineChange(last.document, document);
}

/**
 * What the evidence checks find on a document, each setting read in full: what a fix's trial
 * compares with the unit's own findings.
 */
export function evidenceOf(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles = {}): Diagnostic[] {
  return evidenceFindings(document, settings, files, EVIDENCE_CHECKS, 'all');
}

/** What some evidence checks find on another text of the document (a fix tried on it). */
function evidenceFindings(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles, checks: readonly Check[], reading: ReadSet): Diagnostic[] {
  const quick = reading !== 'all' && ![...reading].some(isModelFact) ? findingsOnReadLines(document, settings, files, checks, reading) : undefined;
  if (quick !== undefined) return quick;
  const found: Diagnostic[] = [];
  const context = ruleContext(document, settings, files, (d) => void found.push(d), true);
  for (const check of checks) check(context);
  return found;
}

/**
 * What the checks find on a model of the lines they read, quick to build on a long unit; undefined
 * when a check read anything else on the new text (a protection switched on makes it look at
 * more), and the whole model must be built after all. A function of its own: that model, its
 * facts and findings are gone before the whole one is built (on a unit of 100 MB, each holds
 * about a tenth of what the check holds).
 */
function findingsOnReadLines(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles, checks: readonly Check[], reading: ReadonlySet<string>): Diagnostic[] | undefined {
  const model = modelFor(document, files, takenAtTarget(settings), reading);
  const found: Diagnostic[] = [];
  const context: RuleContext = { document, model, settings, type: document.file.type ?? model.type, manager: managerOf(files.unit?.uri ?? document.uri), report: (d) => void found.push(d) };
  const stop = model.recordReads();
  for (const check of checks) check(context);
  const reads = stop();
  return reads !== 'all' && [...reads].every((name) => reading.has(name)) ? found : undefined;
}

function isModelFact(name: string): boolean {
  return name.startsWith('\0');
}

/** What a run of the rules takes into account beyond the document and its files. */
export interface RuleRunOptions {
  /**
   * Whether recommendations are checked against the unit's own evidence (a fix that evidence
   * contradicts is not offered, a recommendation whose every fix it contradicts is not made).
   * On by default. Off, every check runs in turn with no such test: what a fix's trial counts,
   * which `reportFindings` gives one at a time instead of as a list. Only its tests read the list,
   * as the order `reportFindings` must keep.
   */
  readonly evidence?: boolean;
  /** Evidence results of earlier versions of the same document, reused where they still hold. */
  readonly evidenceCache?: EvidenceCache;
  /** False when no fix of these findings will be read (see `RuleContext.offersFixes`). */
  readonly fixes?: boolean;
  /**
   * False for a check made once (a command, a plan): the unit model it builds is not kept with the
   * document, where an editor's hover reads it after a check. On a long unit the model is about a
   * fifth of what a check keeps, and a command that tries fixes next would hold it meanwhile.
   */
  readonly keepsModel?: boolean;
  /**
   * The budget of fixes the caller will try (see `RuleContext.fixesTried`); absent when every fix
   * may be read. Not with `evidenceCache`: findings kept for the next version must have all their fixes.
   */
  readonly fixesTried?: number;
  /**
   * Where the findings go when at most a few are shown (a one-shot check, see boundedFindings.ts):
   * each is given to it as it is reported, in the order `runRules` would list it, and only those
   * it keeps are returned. Not with `evidenceCache`, whose runs keep every finding.
   */
  readonly selection?: BoundedFindings;
}

/**
 * What `runRules(document, settings, files, { evidence: false, fixes })` returns, given to `report`
 * one at a time and in the same order, none kept: a fix's trial only counts them, and on a long unit
 * a list of them all would be held with the fixed text's tree and model. The findings that say a
 * pair's advice better come from breakage rules, which are evidence checks: those run first (as in
 * `runRules`, where the advice asks them what a fix would change), their findings held until the
 * advice has been given.
 */
export function reportFindings(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles, fixes: boolean, report: (d: Diagnostic) => void): void {
  const evidence: Diagnostic[] = [];
  const shared = ruleContext(document, settings, files, (d) => void evidence.push(d), false, false);
  const base: RuleContext = fixes ? shared : { ...shared, offersFixes: false };
  for (const check of EVIDENCE_CHECKS) check(base);
  const codes = new Set(evidence.map((d) => d.code));
  const advice: RuleContext = { ...base, report: (d) => void (restated(d, codes) || report(d)) };
  for (const check of ADVICE_CHECKS) check(advice);
  for (const d of evidence) if (!restated(d, codes)) report(d);
}

/**
 * The findings of every rule, with the fixes each offers as candidates: built, not yet tried on
 * the text or scored (that is the fix path's work, see features/fixes/tryFixes.ts).
 */
export function runRules(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles = {}, options: RuleRunOptions = {}): Diagnostic[] {
  const found: Diagnostic[] = [];
  const shared = ruleContext(document, settings, files, (d) => void found.push(d), false, options.keepsModel !== false);
  const budgeted = options.fixesTried !== undefined && options.evidenceCache === undefined;
  const base: RuleContext = options.fixes === false ? { ...shared, offersFixes: false } : budgeted ? { ...shared, fixesTried: options.fixesTried } : shared;
  if (options.evidence === false) {
    for (const check of [...ADVICE_CHECKS, ...EVIDENCE_CHECKS]) check(base);
    return withoutRestatements(found);
  }
  // The evidence checks go first: the advice rules ask what a fix would change in their findings.
  // Checks that read the unit only through its model keep their findings when a keystroke did
  // not touch what they read.
  const cache = options.evidenceCache;
  const lineEdit = changeSince(cache, document, settings, files);
  // The lines systemd takes in are those it took in the last version, but on the edited lines.
  if (lineEdit && cache?.lastRun) base.model.inherit(cache.lastRun.model, document.tree.lines.lineStart(lineEdit.first), document.tree.lines.lineEnd(lineEdit.last), lineEdit.after?.key);
  const change = lineEdit && cache?.lastRun ? withFacts(lineEdit, cache.lastRun.model, base.model) : undefined;
  // An editor's next version splits again only the command lines whose text is new.
  if (cache) keepSplits(base.model, cache.lastRun?.document.uri === document.uri ? cache.lastRun.model : undefined);
  const lastRuns = change ? cache?.lastRun?.runs : undefined;
  const evidence = EVIDENCE_CHECKS.map((check) => kept(lastRuns?.get(check), change) ?? recorded(base, check));
  // Only the evidence checks read the unit's command lines: the fixes the advice tries are checked on models of their own.
  releaseCommandLines(base.model);
  const last = cache?.lastRun;
  // Pairings offer fixes that evidence may contradict: they also rest on what the evidence checks read.
  const keptPairings = kept(lastRuns?.get(checkPairings), change, evidence);
  // Findings kept from the last version test their fixes against this one from now on: they do not
  // keep the version they were made on alive.
  const verdicts = keptPairings && last ? last.verdicts : new Verdicts();
  verdicts.current = contradictionsOf(document, base.model, settings, evidence, (text, checks, reading) => evidenceFindings(text, settings, files, checks, reading), cache);
  const context: RuleContext = { ...base, contradictions: verdicts.test };
  const selection = options.selection;
  if (selection !== undefined && cache === undefined) return selected(context, evidence, selection);
  const runs: EvidenceResult[] = [...evidence];
  let pairings: EvidenceResult | undefined;
  for (const check of ADVICE_CHECKS) {
    let result: EvidenceResult | undefined;
    if (check === checkPairings) {
      result = pairings = keptPairings ?? recorded(context, check);
    } else if (check === checkRepeats) {
      result = (last && keptRepeats(lastRuns?.get(check), change, context, last.document)) || recorded(context, check);
    } else {
      const line = LINE_CHECKS.get(check);
      if (line) result = keptLineCheck(lastRuns?.get(check), change, context, line) ?? recorded(context, check);
      else check(context);
    }
    if (result) {
      runs.push(result);
      appendAll(found, result.found);
    }
  }
  for (const result of evidence) appendAll(found, result.found);
  if (cache && pairings) cache.lastRun = { document, model: base.model, systemdVersion: settings.systemdVersion, files: filesList(files), runs: new Map(runs.map((r) => [r.check, r])), verdicts };
  return withoutRestatements(found);
}
