/**
 * Every fix is tried before it is offered: applied to the text and diagnosed again, it must
 * make its own diagnostic go away and bring no new error or warning. A fix that would bring
 * one is completed with the fix of that new problem (one at a time, a few rounds), or dropped.
 */
import { applyEdits, minimalEdit } from '../../edits/apply';
import type { SyntaxTree } from '../../syntax/syntaxTree';
import type { Diagnostic, Fix } from '../../types';
import { findingIdentity } from '../../rules/findingIdentity';

const ROUNDS = 3;
/** Fixes tried per document: real unit files have a few dozen at most. */
const MAX_TRIED = 100;
/**
 * Lines checked again per document, over all its trials: each trial checks the whole fixed text,
 * so a unit of 30,000 lines gets its first dozen fixes tried rather than a hundred (14 s of
 * trials for `check --format json` on a 1 MB unit). The fixes of the first finding picked are
 * always tried, so that a code action on any line of any unit has its fixes.
 */
const MAX_TRIED_LINES = 400_000;

/**
 * Fixes of hardening pairs must not open a new hole, so they are checked against every problem
 * and completed. Other fixes (a misspelled name, an old name, a wrong section) make a line take
 * effect; the pairs that line is then part of are not new problems of the fix, so those fixes
 * are checked against problems of form, names and values only.
 */
const HARDENING: ReadonlySet<string> = new Set(['requires-one-of', 'recommends', 'effective-only-with', 'conflicts-with', 'ignored-when', 'implies', 'redundant-setting']);

function isHardening(d: Diagnostic): boolean {
  return d.pairing !== undefined || HARDENING.has(d.code);
}

function serious(d: Diagnostic): boolean {
  return d.severity === 'error' || d.severity === 'warning';
}


/** How many problems of each kind a text has, all and serious: what its fixes are measured against. */
export interface ProblemCounts {
  all: ReadonlyMap<string, number>;
  serious: ReadonlyMap<string, number>;
}

export function problemCounts(diagnostics: readonly Diagnostic[]): ProblemCounts {
  const counter = new ProblemCounter();
  for (const d of diagnostics) counter.add(d);
  return counter;
}

/**
 * `problemCounts` of diagnostics given one at a time: the findings of a long unit are counted as
 * the rules report them, and only those that may be shown are kept (see diagnoseWithFixesLimited).
 */
export class ProblemCounter implements ProblemCounts {
  readonly all = new Map<string, number>();
  readonly serious = new Map<string, number>();

  readonly add = (d: Diagnostic): void => {
    const identity = findingIdentity(d);
    this.all.set(identity, (this.all.get(identity) ?? 0) + 1);
    if (serious(d)) this.serious.set(identity, (this.serious.get(identity) ?? 0) + 1);
  };
}

/**
 * What a fixed text's check says, as much as judging a fix needs: how many problems of each kind
 * it has, and its serious problems beyond those of the text before the fix, in order. A trial on a
 * long unit finds thousands of problems; keeping only this lets them go at once.
 */
export interface TrialOutcome {
  readonly counts: ReadonlyMap<string, number>;
  readonly newSerious: readonly Diagnostic[];
  /** Whether the new problems have their fixes: a hardening fix is completed with them. */
  readonly withFixes: boolean;
}

/**
 * Diagnoses another text of the document, parse problems included, without trying fixes, and gives
 * each diagnostic to `report` in order: a trial counts them as they come rather than hold them all.
 * Unless `withFixes`, the rules leave out the fixes they can (see RuleRunOptions.fixes): a trial
 * reads them only to complete a hardening fix, and a duplicate line's fix on each of a long unit's
 * repeated lines takes about as much as the findings.
 */
export type Rerun = (text: string, withFixes: boolean, report: (d: Diagnostic) => void) => void;

/** What a trial's rerun of `text` finds, counted as it comes, against the serious problems before. */
function outcomeOf(rerun: Rerun, text: string, beforeSerious: ReadonlyMap<string, number>, withFixes: boolean): TrialOutcome {
  const all = new Map<string, number>();
  const seen = new Map<string, number>();
  const newSerious: Diagnostic[] = [];
  rerun(text, withFixes, (d) => {
    const identity = findingIdentity(d);
    all.set(identity, (all.get(identity) ?? 0) + 1);
    if (!serious(d)) return;
    const n = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, n);
    if (n > (beforeSerious.get(identity) ?? 0)) newSerious.push(d);
  });
  return { counts: all, newSerious, withFixes };
}

/**
 * What identifies a fix's edits on a given text: the same edits on the same text give the same
 * text. Trials are known by the chain of fixes applied rather than by the fixed text, which on a
 * long unit is megabytes that a key would keep alive.
 */
export function editsKey(fix: Fix): string {
  // JSON writes control characters escaped, so the \u0002 that joins a chain's keys never stands in one.
  return JSON.stringify(fix.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]));
}

function tryApply(text: string, fix: Fix): string | undefined {
  try {
    return applyEdits(text, fix.edits);
  } catch {
    return undefined;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** How many fixes are tried on a document of `lineCount` lines, at most (but see withinTrialBudget). */
export function trialBudget(lineCount: number): number {
  return Math.min(MAX_TRIED, Math.floor(MAX_TRIED_LINES / lineCount));
}

/**
 * The findings whose fixes are tried, of those `tried` selects, in the order given: findings are
 * let in while the budget of a document of `lineCount` lines has fixes left (the last one let in
 * may take it past), and the first always. The fixes of the others are not offered rather than
 * offered untried.
 */
export function withinTrialBudget(lineCount: number, diagnostics: readonly Diagnostic[], tried: (d: Diagnostic) => boolean = () => true): Set<Diagnostic> {
  let budget = trialBudget(lineCount);
  const within = new Set<Diagnostic>();
  for (const diagnostic of diagnostics) {
    if (!diagnostic.fixes || diagnostic.fixes.length === 0 || !tried(diagnostic)) continue;
    if (budget <= 0 && within.size > 0) continue;
    budget -= diagnostic.fixes.length;
    within.add(diagnostic);
  }
  return within;
}

/**
 * Keeps the fixes that pass, completed where needed, of the diagnostics `tried` selects (all by
 * default; the others are counted but left as they are) on the document whose tree is `tree` (its
 * text, and its line count for the budget). `others` are the document's diagnostics
 * that come from elsewhere (parse problems); `rerun` diagnoses another text of the same document
 * (see Rerun). `baseline` counts the problems of the text the fixes are tried on, by default those
 * of `others` and `diagnostics`: a caller that kept it from an earlier call on the same text gives
 * it, as does one that gives only some of the findings (those it shows) but counted all of them.
 * `outcomes` are the outcomes of trials on that text (by the keys of their chains of fixes, see
 * editsKey).
 */
export function validateFixes(
  tree: SyntaxTree,
  diagnostics: Diagnostic[],
  others: readonly Diagnostic[],
  rerun: Rerun,
  tried: (d: Diagnostic) => boolean = () => true,
  baseline: ProblemCounts = problemCounts([...others, ...diagnostics]),
  outcomes: Map<string, TrialOutcome> = new Map(),
): void {
  const text = tree.text;
  const before = baseline.all;
  const beforeSerious = baseline.serious;
  const run = (key: string, t: string, withFixes: boolean): TrialOutcome => {
    let outcome = outcomes.get(key);
    if (!outcome || (withFixes && !outcome.withFixes)) outcomes.set(key, (outcome = outcomeOf(rerun, t, beforeSerious, withFixes)));
    return outcome;
  };
  // A problem of the same kind as a hardening finding is one too (the kind names the code and the pair).
  const newProblems = (after: TrialOutcome, hardeningToo: boolean): readonly Diagnostic[] => (hardeningToo ? after.newSerious : after.newSerious.filter((d) => !isHardening(d)));

  const within = withinTrialBudget(tree.lines.lineCount, diagnostics, tried);
  for (const diagnostic of diagnostics) {
    if (!diagnostic.fixes || diagnostic.fixes.length === 0 || !tried(diagnostic)) continue;
    if (!within.has(diagnostic)) {
      delete diagnostic.fixes;
      continue;
    }
    const own = findingIdentity(diagnostic);
    const hardening = isHardening(diagnostic);
    const kept: Fix[] = [];
    for (const fix of diagnostic.fixes) {
      let current = tryApply(text, fix);
      let key = editsKey(fix);
      const titles = [fix.title];
      let ok = false;
      for (let round = 0; current !== undefined && round <= ROUNDS; round++) {
        // Only a hardening fix is completed with the fix of a new problem.
        const after = run(key, current, hardening && round < ROUNDS);
        const remaining = after.counts.get(own) ?? 0;
        if (remaining >= (before.get(own) ?? 0)) break;
        const problems = newProblems(after, hardening);
        if (problems.length === 0) {
          ok = true;
          break;
        }
        const next = problems[0].fixes?.[0];
        if (!hardening || !next || round === ROUNDS) break;
        current = tryApply(current, next);
        key += `\u0002${editsKey(next)}`;
        titles.push(lowerFirst(next.title));
      }
      if (!ok || current === undefined) continue;
      if (titles.length === 1) {
        // A copy: what comes after (the score a fix buys, its risk) is written into the fixes kept.
        kept.push({ ...fix });
        continue;
      }
      const edit = minimalEdit(text, current);
      if (edit) kept.push({ title: titles.join(' and '), edits: [edit], ...(fix.isPreferred ? { isPreferred: true } : {}) });
    }
    if (kept.length > 0) diagnostic.fixes = kept;
    else delete diagnostic.fixes;
  }
}
