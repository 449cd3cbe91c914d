/**
 * Rule fixtures: each case is a folder under test/fixtures/rules/ holding unit files and an
 * `expected.json` that names the file to check and lists every diagnostic expected for it
 * (code, pair id, severity, exact range, message) with the text after each of its fixes.
 *
 *     { "check": "foo.service",            the file to diagnose
 *       "as": "/etc/systemd/system/foo.service",   where it is said to live (optional)
 *       "with": ["foo.service.d/10-a.conf"],        its other files (optional)
 *       "settings": { "systemdVersion": 252 },      (optional)
 *       "diagnostics": [ { "code": ..., "range": "3:1-3:20", ..., "fixes": [ { "title": ..., "after": [lines] } ] } ] }
 *
 * Running the tests with UNITGUARD_UPDATE_FIXTURES=1 rewrites the `diagnostics` of every case (=breakage/ only
 * the cases under breakage/, and so on)
 * from the current output, for review in the diff.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, createUnitDocument, diagnoseWithFixes, explain, DEFAULT_SETTINGS, type Diagnostic, type Settings, type UnitDocument } from '../../server/src/core';

export const repoRoot = path.resolve(__dirname, '../../..');
export const fixtureRoot = path.join(repoRoot, 'test/fixtures/rules');

export interface ExpectedFix {
  title: string;
  preferred?: true;
  after: string[];
}

export interface ExpectedDiagnostic {
  code: string;
  pairing?: string;
  /** A finding that stands for several pairs of one cause. */
  pairings?: string[];
  severity: string;
  range: string;
  message: string;
  related?: string[];
  fixes?: ExpectedFix[];
}

export interface CaseFile {
  check: string;
  as?: string;
  with?: string[];
  settings?: Partial<Settings>;
  diagnostics: ExpectedDiagnostic[];
  /** What the settings imply (`check --explain`, hover): knowledge, not findings. */
  explain?: ExpectedNote[];
}

export interface ExpectedNote {
  pairing: string;
  range: string;
  message: string;
}

export interface Case {
  name: string;
  folder: string;
  spec: CaseFile;
}

export function listCases(root = fixtureRoot): Case[] {
  const cases: Case[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'expected.json') {
        cases.push({ name: path.relative(root, dir).split(path.sep).join('/'), folder: dir, spec: JSON.parse(readFileSync(full, 'utf8')) as CaseFile });
      }
    }
  };
  walk(root);
  return cases;
}

function uriFor(c: Case, file: string): string {
  if (c.spec.as) {
    const base = path.posix.dirname(c.spec.as);
    const relative = path.posix.relative(path.posix.dirname(c.spec.check), file);
    return pathToFileURL(path.posix.join(base, relative)).href;
  }
  return pathToFileURL(path.join(c.folder, file)).href;
}

export function loadDocument(c: Case, file: string): UnitDocument {
  return createUnitDocument(uriFor(c, file), readFileSync(path.join(c.folder, file), 'utf8'));
}

export function caseSettings(c: Case): Settings {
  return { ...DEFAULT_SETTINGS, ...(c.spec.settings ?? {}) };
}

export function runCase(c: Case): { document: UnitDocument; diagnostics: Diagnostic[]; companions: UnitDocument[] } {
  const document = loadDocument(c, c.spec.check);
  const companions = (c.spec.with ?? []).map((f) => loadDocument(c, f));
  const unit = companions.find((d) => !d.file.isDropIn);
  const dropIns = companions.filter((d) => d.file.isDropIn);
  const diagnostics = diagnoseWithFixes(document, caseSettings(c), { ...(unit ? { unit } : {}), dropIns });
  return { document, diagnostics, companions };
}

export function rangeText(d: Pick<Diagnostic, 'range'>): string {
  const { start, end } = d.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

export function normalize(d: Diagnostic, text: string): ExpectedDiagnostic {
  return {
    code: d.code,
    ...(d.pairing ? { pairing: d.pairing } : {}),
    ...(d.pairings ? { pairings: d.pairings } : {}),
    severity: d.severity,
    range: rangeText(d),
    message: d.message,
    ...(d.related && d.related.length > 0 ? { related: d.related.map((r) => `${r.uri ? `${r.uri.slice(r.uri.lastIndexOf('/') + 1)} ` : ''}${rangeText(r)}`) } : {}),
    ...(d.fixes && d.fixes.length > 0
      ? {
          fixes: d.fixes.map((f) => ({
            title: f.title,
            ...(f.isPreferred ? { preferred: true as const } : {}),
            after: applyEdits(text, f.edits).split('\n'),
          })),
        }
      : {}),
  };
}

/** The case's implications as its expected.json lists them. */
export function explainCase(c: Case): ExpectedNote[] {
  const document = loadDocument(c, c.spec.check);
  const companions = (c.spec.with ?? []).map((f) => loadDocument(c, f));
  const unit = companions.find((d) => !d.file.isDropIn);
  const notes = explain(document, caseSettings(c), { ...(unit ? { unit } : {}), dropIns: companions.filter((d) => d.file.isDropIn) });
  return notes.map((n) => ({ pairing: n.pairing ?? '', range: rangeText(n), message: n.message }));
}

export function updateCase(c: Case, diagnostics: ExpectedDiagnostic[], notes: ExpectedNote[] = []): void {
  const { explain: _old, ...rest } = c.spec;
  void _old;
  const spec: CaseFile = { ...rest, diagnostics, ...(notes.length > 0 ? { explain: notes } : {}) };
  writeFileSync(path.join(c.folder, 'expected.json'), `${JSON.stringify(spec, null, 2)}\n`);
}
