/**
 * The risk of every published fix (see `FixRisk`). Rules may set it; otherwise it follows from
 * what the fix does: fixes of hardening, breakage and merge findings change the sandbox and are
 * `review`; fixes of names, sections and values are `safe`, unless the line they make systemd
 * read is a sandboxing setting (a misspelled `ProtectSytem=strict` corrected is a new
 * restriction, which can stop the service).
 */
import { securityTests } from '../kb';
import { atRelease, directiveDoc } from '../kb/docs';
import { allEntries } from '../syntax/syntaxTree';
import type { Diagnostic, Fix, FixRisk } from '../types';
import type { UnitDocument } from '../unitDocument';
import { ruleGroup } from './registry';

/** Settings that `systemd-analyze security` scores: each one takes something away from the service. */
const SANDBOXING: ReadonlySet<string> = new Set(securityTests.flatMap((t) => t.directives));

const CHANGES_SANDBOX: ReadonlySet<string> = new Set(['hardening', 'breakage', 'merge']);

/** Rules whose fixes only rename or drop a line that already acts (or never acts) the same way. */
const SAME_EFFECT: ReadonlySet<string> = new Set(['deprecated-directive', 'deprecated-value', 'duplicate-directive']);

/** Whether the fix writes a sandboxing setting: a whole `Key=value` line, or a key name alone (a rename). */
function writesSandboxing(fix: Fix): boolean {
  return fix.edits.some((edit) => {
    if (SANDBOXING.has(edit.newText.trim())) return true;
    for (const match of edit.newText.matchAll(/(?:^|[\r\n])\s*([A-Za-z][A-Za-z0-9]*)\s*=/g)) if (SANDBOXING.has(match[1])) return true;
    return false;
  });
}

/** The key of the line a diagnostic is on (its value or section is what the fix changes). */
function keyAt(document: UnitDocument, diagnostic: Diagnostic): string | undefined {
  const line = diagnostic.range.start.line;
  return allEntries(document.tree).find((e) => e.range.start.line <= line && line <= e.range.end.line)?.key;
}

function riskOf(document: UnitDocument, diagnostic: Diagnostic, fix: Fix): FixRisk {
  if (fix.risk) return fix.risk;
  const group = ruleGroup(diagnostic.code);
  if (diagnostic.pairing !== undefined || (group !== undefined && CHANGES_SANDBOX.has(group))) return 'review';
  if (SAME_EFFECT.has(diagnostic.code)) return 'safe';
  const key = keyAt(document, diagnostic);
  return writesSandboxing(fix) || (key !== undefined && SANDBOXING.has(key)) ? 'review' : 'safe';
}

/** The sandboxing settings a fix writes (whole lines). */
function settingsWritten(fix: Fix): string[] {
  const names = new Set<string>();
  for (const edit of fix.edits) for (const match of edit.newText.matchAll(/(?:^|[\r\n])\s*([A-Za-z][A-Za-z0-9]*)\s*=/g)) if (SANDBOXING.has(match[1])) names.add(match[1]);
  return [...names];
}

/** What the restrictions a fix adds may break, from the settings' own docs (their first sentence). */
function mayBreak(fix: Fix): string | undefined {
  const sentences = settingsWritten(fix).flatMap((name) => {
    const breaks = atRelease(directiveDoc(name)?.breaks, undefined);
    if (!breaks) return [];
    const first = /^.*?[.!?](?=\s|$)/.exec(breaks)?.[0] ?? breaks;
    return [`${name}=: ${first}`];
  });
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** Sets the risk of every fix that lacks one, and what a review fix that adds restrictions may break. */
export function assignFixRisks(document: UnitDocument, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    for (const fix of d.fixes ?? []) {
      fix.risk = riskOf(document, d, fix);
      if (fix.risk === 'review' && fix.mayBreak === undefined) {
        const text = mayBreak(fix);
        if (text) fix.mayBreak = text;
      }
    }
  }
}
