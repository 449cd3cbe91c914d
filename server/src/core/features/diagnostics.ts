/**
 * Diagnostics: what is wrong in a document, computed on every edit. This is the hot path, so it
 * finds problems and nothing more; the fixes the rules offer are tried and scored only when a
 * client asks for them (features/fixes/tryFixes.ts).
 */
import type { UnitDocument } from '../unitDocument';
import type { Diagnostic, Severity } from '../types';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { applyRuleOverrides, levelFor } from '../config/overrides';
import { BoundedFindings } from '../rules/boundedFindings';
import { mostSevere, SEVERITY_LEVEL } from './problemLimit';
import { unlistedBeyond } from '../syntax/parseProblems';
import { runRules, type RuleRunOptions, type UnitFiles } from '../rules';
import { withoutTemplatePlaceholders } from './buildTemplates';
import { assignFixRisks } from '../rules/fixRisk';
import type { EvidenceCache } from '../rules/evidence';
import { attached } from '../memo/attached';
import { mayHaveFixes, withoutFixField } from '../rules/fixesWhenRead';
import { findingRange, sortByStart } from '../rules/lineFinding';

/** One document checked once: what both the published diagnostics and the fixes are made from. */
export interface Analysis {
  readonly document: UnitDocument;
  readonly settings: Readonly<Settings>;
  /** The unit's other files the document was checked with. */
  readonly files: UnitFiles;
  /** Problems of form from the parser. */
  readonly parsed: readonly Diagnostic[];
  /** What the rules find, before the settings' overrides, with the fixes they offer (untried). */
  readonly found: readonly Diagnostic[];
  /** The diagnostics to show: overrides applied, in document order, without fixes. */
  readonly diagnostics: Diagnostic[];
}

/** The parser's problems of a document (a build template's placeholder lines are not problems). */
export function parseDiagnostics(document: UnitDocument): Diagnostic[] {
  return withoutTemplatePlaceholders(document, [...document.tree.diagnostics]);
}

/**
 * Checks a document with the unit's other files at hand (its drop-ins, or the unit when it is a
 * drop-in). An editor passes the same `evidenceCache` for every version of a document, so that
 * what an edit does not touch is not worked out again.
 */
export function analyze(document: UnitDocument, settings: Readonly<Settings> = DEFAULT_SETTINGS, files: UnitFiles = {}, evidenceCache?: EvidenceCache): Analysis {
  return analyzed(document, settings, files, evidenceCache ? { evidenceCache } : {});
}

/**
 * A document checked once, by a command or a plan rather than an editor: the unit model the check
 * builds is not kept with the document for later reads (see `RuleRunOptions.keepsModel`).
 * `fixesTried` is the budget of fixes the caller will try, when it has one.
 */
export function analyzeOnce(document: UnitDocument, settings: Readonly<Settings> = DEFAULT_SETTINGS, files: UnitFiles = {}, fixesTried?: number): Analysis {
  return analyzed(document, settings, files, fixesTried === undefined ? { keepsModel: false } : { keepsModel: false, fixesTried });
}

function analyzed(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles, options: RuleRunOptions): Analysis {
  const parsed = parseDiagnostics(document);
  return presented(document, settings, files, parsed, runRules(document, settings, files, options));
}

/**
 * The analysis of these findings. The diagnostics to show are made when first read: the fix path
 * (`check --format json`) reads the findings only, and on a long unit a copy without fixes of each
 * would be held while fixes are tried.
 */
export function presented(document: UnitDocument, settings: Readonly<Settings>, files: UnitFiles, parsed: readonly Diagnostic[], found: readonly Diagnostic[]): Analysis {
  return new PresentedAnalysis(document, settings, files, parsed, found);
}

/*
 * A class, not an object literal with a getter: the engine gives each such literal a hidden class
 * of its own, which took 2 MB more over the corpus.
 */
class PresentedAnalysis implements Analysis {
  #diagnostics: Diagnostic[] | undefined;

  constructor(
    readonly document: UnitDocument,
    readonly settings: Readonly<Settings>,
    readonly files: UnitFiles,
    readonly parsed: readonly Diagnostic[],
    readonly found: readonly Diagnostic[],
  ) {
    this.#diagnostics = undefined;
  }

  get diagnostics(): Diagnostic[] {
    return (this.#diagnostics ??= present(this.parsed.length === 0 ? this.found : [...this.parsed, ...this.found], this.settings, false));
  }
}

/**
 * Diagnostics as shown: re-graded or dropped as the settings' rule overrides say, in document
 * order; with their fixes' risks when `withFixes`, else without fixes (untried fixes are never shown).
 */
export function present(diagnostics: readonly Diagnostic[], settings: Readonly<Settings>, withFixes: boolean): Diagnostic[] {
  // A new list: it is changed in place from here on.
  const all = applyRuleOverrides(diagnostics, settings.rules);
  if (withFixes) assignFixRisks(all);
  else for (let i = 0; i < all.length; i++) all[i] = withoutFixes(all[i]);
  return sortByStart(all, findingRange);
}

/** The copy without fixes of each finding, kept with it: a finding kept from one keystroke to the next is copied once. */
const stripped = attached<Diagnostic, Diagnostic>('without fixes');

function withoutFixes(d: Diagnostic): Diagnostic {
  // Not `d.fixes`: reading fixes that are sorted out when read would sort them out now.
  if (!mayHaveFixes(d)) return d;
  let copy = stripped.get(d);
  if (copy === undefined) stripped.set(d, (copy = withoutFixField(d)));
  return copy;
}

/**
 * Every diagnostic for a document, in document order: problems of form from the parser, then
 * what the rules find, re-graded or dropped as the settings' rule overrides say. `files` are
 * the unit's other files at hand (its drop-ins, or the unit when the document is a drop-in).
 * No fixes: `diagnoseWithFixes` tries them. A check made once: see `analyzeOnce`.
 */
export function diagnose(document: UnitDocument, settings: Readonly<Settings> = DEFAULT_SETTINGS, files: UnitFiles = {}): Diagnostic[] {
  // The diagnostics go out without fixes: the rules need not make those nobody reads.
  return analyzed(document, settings, files, { fixes: false, keepsModel: false }).diagnostics;
}

/** At most a set number of a document's diagnostics, and how many it has in all. */
export interface LimitedDiagnostics {
  /** At most `max` of the diagnostics, the most severe first, in document order (see problemLimit.ts). */
  readonly diagnostics: Diagnostic[];
  /** How many diagnostics the document has at each severity, those left out included. */
  readonly counts: Readonly<Record<Severity, number>>;
}

/**
 * What `diagnose` gives, of which at most `max` (a whole number from 1, or Infinity): the most
 * severe first, then in document order, as the editor publishes them. The rules' findings are
 * ranked as they are reported, so that a unit with a finding on each of its many lines holds only
 * a few of them at any time.
 */
export function diagnoseLimited(document: UnitDocument, settings: Readonly<Settings> = DEFAULT_SETTINGS, files: UnitFiles = {}, max: number): LimitedDiagnostics {
  if (!Number.isFinite(max)) {
    const all = diagnose(document, settings, files);
    return limitedTo(all, max, withUnlistedCounts(severityCounts(all), document, settings));
  }
  const selection = new BoundedFindings(max, (d) => levelFor(d, settings.rules));
  const analysis = analyzed(document, settings, files, { fixes: false, keepsModel: false, selection });
  return limitedTo(analysis.diagnostics, max, gradedCounts(analysis.parsed, settings, selection.counts));
}

/** The first `max` of the presented `diagnostics` by severity, with the counts of all of them. */
export function limitedTo(diagnostics: readonly Diagnostic[], max: number, counts: Readonly<Record<Severity, number>>): LimitedDiagnostics {
  return { diagnostics: mostSevere(diagnostics, max, (d) => SEVERITY_LEVEL[d.severity]), counts };
}

/** How many of `diagnostics` there are at each severity. */
export function severityCounts(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** `counts` of every diagnostic listed, with the parse problems the parser left out of the list. */
export function withUnlistedCounts(counts: Record<Severity, number>, document: UnitDocument, settings: Readonly<Settings>): Record<Severity, number> {
  for (const d of document.tree.diagnostics) {
    const beyond = unlistedBeyond(d);
    const level = beyond > 0 ? levelFor(d, settings.rules) : 'off';
    if (level !== 'off') counts[level] += beyond;
  }
  return counts;
}

/** `counted` and the counts of `more` (not yet graded) at the levels the settings give them. */
export function gradedCounts(more: readonly Diagnostic[], settings: Readonly<Settings>, counted: Readonly<Record<Severity, number>>): Record<Severity, number> {
  const counts = { ...counted };
  for (const d of more) {
    const level = levelFor(d, settings.rules);
    // A parse problem may stand for those of its kind the parser did not list.
    if (level !== 'off') counts[level] += 1 + unlistedBeyond(d);
  }
  return counts;
}
