import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { applyEdits, createUnitDocument, diagnose, diagnoseWithFixes, DEFAULT_SETTINGS, parseProblems, type Diagnostic, type UnitFiles } from '../../server/src/core';
import { decodeUnitText } from '../../server/src/node/readUnitFile';
import { unitFilesFor } from '../../server/src/node/unitFiles';
import { corpusFolder, reportMissingCorpus } from '../corpus/corpusLocation';
import { parseTsv } from '../corpus/tsv';

/**
 * Applying any fix offered on any corpus file gives a file that parses as well as before, no
 * longer has that diagnostic, has no new error, and is not offered the same fix again. Fixes of
 * hardening pairs bring no new warning either; other fixes (an old name renamed, a line moved to
 * its section) make a line take effect, and the pairs that line is then part of may warn.
 */
const corpus = corpusFolder();
const PARSE = new Set(Object.keys(parseProblems));

/** A diagnostic's identity across edits: line numbers in messages shift when lines are added. */
function identity(d: Diagnostic): string {
  return `${d.code}|${d.pairing ?? ''}|${d.message.replace(/lines? [0-9, ]+/g, 'line N')}`;
}

function counts(list: readonly Diagnostic[], keep: (d: Diagnostic) => boolean = () => true): Map<string, number> {
  const map = new Map<string, number>();
  for (const d of list) if (keep(d)) map.set(identity(d), (map.get(identity(d)) ?? 0) + 1);
  return map;
}

const HARDENING = new Set(['requires-one-of', 'recommends', 'effective-only-with', 'conflicts-with', 'ignored-when', 'implies', 'redundant-setting']);
const isHardening = (d: Diagnostic): boolean => d.pairing !== undefined || HARDENING.has(d.code);

describe('corpus: every offered fix', () => {
  if (!corpus.found) {
    it('needs the corpus', (t) => {
      t.skip(reportMissingCorpus(corpus.dir));
    });
    return;
  }
  const rows = parseTsv(readFileSync(path.join(corpus.dir, 'MANIFEST.tsv'), 'utf8')) as unknown as Array<{ path: string }>;

  it('applies cleanly, removes its diagnostic, adds no error or warning and is not offered again', (t) => {
    const problems: string[] = [];
    let fixes = 0;
    let files = 0;
    for (const row of rows) {
      const file = path.join(corpus.dir, row.path);
      const text = decodeUnitText(readFileSync(file));
      const uri = pathToFileURL(file).href;
      const companions: UnitFiles = unitFilesFor(file);
      const before = diagnoseWithFixes(createUnitDocument(uri, text), DEFAULT_SETTINGS, companions);
      const withFixes = before.filter((d) => (d.fixes ?? []).length > 0);
      if (withFixes.length > 0) files++;
      for (const d of withFixes) {
        for (const fix of d.fixes ?? []) {
          fixes++;
          const where = `${row.path}:${d.range.start.line + 1} ${d.code}${d.pairing ? `/${d.pairing}` : ''} "${fix.title}"`;
          let after: string;
          try {
            after = applyEdits(text, fix.edits);
          } catch (error) {
            problems.push(`${where}: edits do not apply (${String(error)})`);
            continue;
          }
          const document = createUnitDocument(uri, after);
          const again = diagnose(document, DEFAULT_SETTINGS, companions);
          const parseBefore = before.filter((x) => PARSE.has(x.code)).length;
          const parseAfter = again.filter((x) => PARSE.has(x.code)).length;
          if (parseAfter > parseBefore) problems.push(`${where}: the result has ${parseAfter - parseBefore} new parse problems`);
          const oldCount = counts(before).get(identity(d)) ?? 0;
          const newCount = counts(again).get(identity(d)) ?? 0;
          if (newCount >= oldCount) problems.push(`${where}: the diagnostic is still there`);
          const serious = (x: Diagnostic): boolean => x.severity === 'error' || (x.severity === 'warning' && (isHardening(d) || !isHardening(x)));
          const oldSerious = counts(before, serious);
          for (const [id, n] of counts(again, serious)) if (n > (oldSerious.get(id) ?? 0)) problems.push(`${where}: new ${id}`);
          const offering = (list: readonly Diagnostic[]): number => list.filter((x) => (x.fixes ?? []).some((f) => f.title === fix.title)).length;
          if (offering(again) >= offering(before)) problems.push(`${where}: offered again`);
        }
      }
    }
    t.diagnostic(`${rows.length} files, ${files} with fixes, ${fixes} fixes applied and checked`);
    assert.ok(fixes > 100, `only ${fixes} fixes`);
    assert.deepEqual(problems, []);
  });
});
