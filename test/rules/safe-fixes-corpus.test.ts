import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { applyEdits, createUnitDocument, diagnoseWithFixes, DEFAULT_SETTINGS, type Settings } from '../../server/src/core';
import { scoreOf, securityModel } from '../../server/src/core/features/securityLens';
import { unitFilesFor } from '../../server/src/node/unitFiles';
import { corpusFolder, corpusManifestPaths, reportMissingCorpus } from '../corpus/corpusLocation';

/**
 * Over every real unit of the corpus, at default settings and at Debian 12's release: no fix
 * labelled safe changes what the service may do (every check of the exposure score keeps its
 * badness, so no permission is taken away or given back), and nothing published is an
 * implication or a hint.
 */
const corpus = corpusFolder();

/** Badness per check, or the error when the unit cannot be scored. */
function badness(text: string, uri: string, settings: Settings): string {
  const model = securityModel(createUnitDocument(uri, text));
  if (!model) return 'not scored';
  const score = scoreOf(model, settings);
  if (!score.ok) return `error: ${score.error}`;
  return score.tests.map((t) => `${t.id}=${t.scored ? t.badness : '-'}`).join(' ');
}

describe('safe fixes over the corpus', () => {
  if (!corpus.found) {
    it(reportMissingCorpus(corpus.dir), { skip: true }, () => undefined);
    return;
  }
  const files = corpusManifestPaths(corpus.dir);

  for (const version of [DEFAULT_SETTINGS.systemdVersion, 252]) {
    it(`at systemd ${version}: no safe fix changes a check of the exposure score, and no hint or implication is published`, () => {
      const settings: Settings = { ...DEFAULT_SETTINGS, systemdVersion: version };
      let safe = 0;
      let review = 0;
      const changed: string[] = [];
      for (const relative of files) {
        const file = path.join(corpus.dir, relative);
        const text = readFileSync(file, 'utf8');
        const uri = pathToFileURL(file).href;
        const found = diagnoseWithFixes(createUnitDocument(uri, text), settings, unitFilesFor(file));
        assert.deepEqual(found.filter((d) => d.code === 'implies' || d.severity === 'hint').map((d) => d.message), [], relative);
        const before = badness(text, uri, settings);
        for (const d of found) {
          for (const fix of d.fixes ?? []) {
            assert.ok(fix.risk === 'safe' || fix.risk === 'review', `${relative}: "${fix.title}" has no risk`);
            if (fix.risk === 'review') {
              review++;
              continue;
            }
            safe++;
            const after = badness(applyEdits(text, fix.edits), uri, settings);
            if (after !== before) changed.push(`${relative}: "${fix.title}" [${d.code}]`);
          }
        }
      }
      assert.deepEqual(changed, []);
      // The corpus has both kinds: the check above is not empty.
      assert.ok(safe > 10 && review > 100, `safe ${safe}, review ${review}`);
    });
  }
});
