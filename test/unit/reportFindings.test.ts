/**
 * A fix's trial counts what the rules find on the fixed text as it comes (reportFindings) instead
 * of holding a list of it all (runRules without evidence). Both must give the same findings in the
 * same order, with the same fixes, on every rule fixture and on the units of the corpus when it is
 * at hand: the order decides which new problem completes a hardening fix.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createUnitDocument, DEFAULT_SETTINGS, type Diagnostic } from '../../server/src/core';
import { reportFindings, runRules, SAID_BETTER_BY } from '../../server/src/core/rules';
import { ruleGroup } from '../../server/src/core/rules/registry';
import { corpusFolder, reportMissingCorpus } from '../corpus/corpusLocation';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/rules');

function shown(list: readonly Diagnostic[]): string[] {
  return list.map((d) => JSON.stringify([d.code, d.pairing, d.severity, d.range, d.message, d.related, d.fixes?.map((f) => [f.title, f.edits])]));
}

function sameBothWays(uri: string, text: string): number {
  let compared = 0;
  for (const fixes of [false, true]) {
    const listed = runRules(createUnitDocument(uri, text), DEFAULT_SETTINGS, {}, { evidence: false, fixes });
    const reported: Diagnostic[] = [];
    reportFindings(createUnitDocument(uri, text), DEFAULT_SETTINGS, {}, fixes, (d) => void reported.push(d));
    assert.deepEqual(shown(reported), shown(listed), `${uri} (fixes: ${fixes})`);
    compared += listed.length;
  }
  return compared;
}

/** Unit files under `dir`, with the name systemd would know them by (a drop-in with its folder). */
function unitFiles(dir: string): Array<{ file: string; uri: string }> {
  const found: Array<{ file: string; uri: string }> = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const name = path.basename(file);
    if (!/\.(service|socket|timer|slice|mount|automount|swap|path|target|scope|conf)$/.test(name)) continue;
    const uri = `file:///etc/systemd/system/${file.includes('.d/') ? file.slice(file.lastIndexOf('/', file.lastIndexOf('.d/')) + 1) : name}`;
    found.push({ file: path.join(dir, file), uri });
  }
  return found;
}

describe('the findings a trial counts', () => {
  it('are those the rules list, in the same order, on every rule fixture', () => {
    let files = 0;
    let findings = 0;
    for (const { file, uri } of unitFiles(FIXTURES)) {
      findings += sameBothWays(uri, readFileSync(file, 'utf8'));
      files++;
    }
    assert.ok(files > 50, `only ${files} fixtures`);
    assert.ok(findings > 500, `only ${findings} findings`);
  });

  it('leave out a pair\'s advice that a breakage finding says better, as the list does', () => {
    // AF_UNIX left out of RestrictAddressFamilies= of a Type=notify service: the breakage rule says why.
    const text = readFileSync(path.join(FIXTURES, 'breakage/notify-allow-list/unbound.service'), 'utf8');
    const reported: Diagnostic[] = [];
    reportFindings(createUnitDocument('file:///etc/systemd/system/unbound.service', text), DEFAULT_SETTINGS, {}, false, (d) => void reported.push(d));
    assert.ok(reported.some((d) => d.code === 'notify-socket-blocked'));
    assert.ok(!reported.some((d) => d.pairing === 'raf-af-unix'));
    // What says it better is found by an evidence check, which a trial runs before the advice.
    for (const code of Object.values(SAID_BETTER_BY)) assert.equal(ruleGroup(code), 'breakage', code);
  });

  it('are those the rules list on every unit of the corpus', (t) => {
    const corpus = corpusFolder();
    if (!corpus.found) {
      t.skip(reportMissingCorpus(corpus.dir));
      return;
    }
    let files = 0;
    for (const { file, uri } of unitFiles(corpus.dir)) {
      sameBothWays(uri, readFileSync(file, 'utf8'));
      files++;
    }
    t.diagnostic(`${files} corpus units compared`);
    assert.ok(files > 500, `only ${files} units`);
  });
});
