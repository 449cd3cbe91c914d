/**
 * Every fix is tried before it is offered: applied to the text and diagnosed again, it must
 * make its own diagnostic go away and bring no new error or warning. A fix that would bring
 * one is completed with the fix of that new problem (one at a time, a few rounds), or dropped.
 */
import { applyEdits, minimalEdit } from '../../edits/apply';
import type { Diagnostic, Fix } from '../../types';

const ROUNDS = 3;
/** Fixes tried per document: real unit files have a few dozen at most. */
const MAX_TRIED = 100;

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

/** Identities worked out, by diagnostic: the diagnostics of a fixed text are compared again each time its fix is tried. */
const identities = new WeakMap<Diagnostic, string>();

function identity(d: Diagnostic): string {
  let known = identities.get(d);
  // Line numbers in messages shift when a fix adds or removes lines.
  if (known === undefined) identities.set(d, (known = `${d.code}|${d.pairing ?? ''}|${d.message.replace(/lines? [0-9][0-9, ]*/g, 'line N')}`));
  return known;
}

function serious(d: Diagnostic): boolean {
  return d.severity === 'error' || d.severity === 'warning';
}

function counts(list: readonly Diagnostic[], keep: (d: Diagnostic) => boolean): Map<string, number> {
  const map = new Map<string, number>();
  for (const d of list) if (keep(d)) map.set(identity(d), (map.get(identity(d)) ?? 0) + 1);
  return map;
}

/** How many problems of each kind a text has, all and serious: what its fixes are measured against. */
export interface ProblemCounts {
  all: ReadonlyMap<string, number>;
  serious: ReadonlyMap<string, number>;
}

export function problemCounts(diagnostics: readonly Diagnostic[]): ProblemCounts {
  return { all: counts(diagnostics, () => true), serious: counts(diagnostics, serious) };
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

/**
 * Keeps the fixes that pass, completed where needed, of the diagnostics `tried` selects (all by
 * default; the others are counted but left as they are). `others` are the document's diagnostics
 * that come from elsewhere (parse problems); `rerun` diagnoses another text of the same document,
 * parse problems included, without trying fixes. `baseline` is `problemCounts` of `others` and
 * `diagnostics`, when the caller kept it from an earlier call on the same text.
 */
export function validateFixes(
  text: string,
  diagnostics: Diagnostic[],
  others: readonly Diagnostic[],
  rerun: (text: string) => Diagnostic[],
  tried: (d: Diagnostic) => boolean = () => true,
  baseline: ProblemCounts = problemCounts([...others, ...diagnostics]),
): void {
  const before = baseline.all;
  const beforeSerious = baseline.serious;
  const cache = new Map<string, Diagnostic[]>();
  const run = (t: string): Diagnostic[] => {
    let found = cache.get(t);
    if (!found) cache.set(t, (found = rerun(t)));
    return found;
  };
  const newProblems = (after: readonly Diagnostic[], hardeningToo: boolean): Diagnostic[] => {
    const seen = new Map<string, number>();
    return after.filter((d) => {
      if (!serious(d) || (!hardeningToo && isHardening(d))) return false;
      const n = (seen.get(identity(d)) ?? 0) + 1;
      seen.set(identity(d), n);
      return n > (beforeSerious.get(identity(d)) ?? 0);
    });
  };

  let budget = MAX_TRIED;
  for (const diagnostic of diagnostics) {
    if (!diagnostic.fixes || diagnostic.fixes.length === 0 || !tried(diagnostic)) continue;
    if (budget <= 0) {
      // Past the budget, fixes are not offered rather than offered untried.
      delete diagnostic.fixes;
      continue;
    }
    budget -= diagnostic.fixes.length;
    const own = identity(diagnostic);
    const hardening = isHardening(diagnostic);
    const kept: Fix[] = [];
    for (const fix of diagnostic.fixes) {
      let current = tryApply(text, fix);
      const titles = [fix.title];
      let ok = false;
      for (let round = 0; current !== undefined && round <= ROUNDS; round++) {
        const after = run(current);
        const remaining = after.filter((d) => identity(d) === own).length;
        if (remaining >= (before.get(own) ?? 0)) break;
        const problems = newProblems(after, hardening);
        if (problems.length === 0) {
          ok = true;
          break;
        }
        const next = problems[0].fixes?.[0];
        if (!hardening || !next || round === ROUNDS) break;
        current = tryApply(current, next);
        titles.push(lowerFirst(next.title));
      }
      if (!ok || current === undefined) continue;
      if (titles.length === 1) {
        kept.push(fix);
        continue;
      }
      const edit = minimalEdit(text, current);
      if (edit) kept.push({ title: titles.join(' and '), edits: [edit], ...(fix.isPreferred ? { isPreferred: true } : {}) });
    }
    if (kept.length > 0) diagnostic.fixes = kept;
    else delete diagnostic.fixes;
  }
}
