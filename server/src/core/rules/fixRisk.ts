/**
 * The risk of every published fix (see `FixRisk`). Rules may set it; otherwise a fix is `safe` only
 * when every line systemd reads keeps its effect: a new name for a setting systemd still reads, a
 * line moved to the section that reads it now, an old value spelling, a line that has no effect
 * removed. Everything else is `review`: hardening, breakage and merge fixes change the sandbox,
 * and a corrected name, section or value makes systemd read a line it ignores today (a misspelled
 * `NoExecPath=/` corrected stops every program the service runs).
 */
import { atRelease, directiveDoc } from '../kb/docs';
import type { Diagnostic, Fix, FixRisk } from '../types';
import { settingsWritten } from './fixTargets';

/** Rules whose fixes only rename, move or drop a line that already acts (or never acts) the same way; they mark the exceptions themselves. */
const SAME_EFFECT: ReadonlySet<string> = new Set(['deprecated-directive', 'deprecated-value', 'duplicate-directive']);

function riskOf(diagnostic: Diagnostic, fix: Fix): FixRisk {
  if (fix.risk) return fix.risk;
  return diagnostic.pairing === undefined && SAME_EFFECT.has(diagnostic.code) ? 'safe' : 'review';
}

/** What a restriction setting may break, from its own docs (their first sentence); undefined when they say nothing. */
export function breaksOf(name: string, version?: number): string | undefined {
  const breaks = atRelease(directiveDoc(name)?.breaks, version);
  if (!breaks) return undefined;
  return /^.*?[.!?](?=\s|$)/.exec(breaks)?.[0] ?? breaks;
}

/** What the restrictions a fix adds may break, from the settings' own docs (their first sentence). */
function mayBreak(fix: Fix): string | undefined {
  const sentences = settingsWritten(fix).flatMap((name) => {
    const first = breaksOf(name);
    return first ? [`${name}=: ${first}`] : [];
  });
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** Sets the risk of every fix that lacks one, and what a review fix that adds restrictions may break. */
export function assignFixRisks(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    for (const fix of d.fixes ?? []) {
      fix.risk = riskOf(d, fix);
      if (fix.risk === 'review' && fix.mayBreak === undefined) {
        const text = mayBreak(fix);
        if (text) fix.mayBreak = text;
      }
    }
  }
}
