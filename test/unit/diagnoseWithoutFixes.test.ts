import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, createUnitDocument, diagnose, DEFAULT_SETTINGS } from '../../server/src/core';
import { runRules } from '../../server/src/core/rules';
import { findingCopy } from '../../server/src/core/rules/lineFinding';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/rules');

/** A unit with a line set twice, a list emptied, and a recommendation. */
const REPEATS = '[Unit]\nDescription=a\nDescription=b\n\n[Service]\nType=simple\nType=exec\nExecStart=/usr/bin/app\nReadWritePaths=/a\nReadWritePaths=\nReadWritePaths=/b\n';

describe('one-shot diagnostics leave out the fixes nobody reads', () => {
  it('a run that says no fix will be read makes no fix for a line set again, and the same findings otherwise', () => {
    const document = createUnitDocument('file:///etc/systemd/system/app.service', REPEATS);
    const withFixes = runRules(document, DEFAULT_SETTINGS);
    const without = runRules(document, DEFAULT_SETTINGS, {}, { fixes: false });
    const duplicates = withFixes.filter((d) => d.code === 'duplicate-directive');
    assert.equal(duplicates.length, 2);
    for (const d of duplicates) assert.equal(d.fixes?.[0].title, `Remove this ${d.message.slice(0, d.message.indexOf('='))}= line`);
    for (const d of without.filter((f) => f.code === 'duplicate-directive')) assert.equal('fixes' in d, false);
    const shown = (list: typeof withFixes) => list.map((d) => JSON.stringify(findingCopy(d, false)));
    assert.deepEqual(shown(without), shown(withFixes));
  });

  it('a line set again without a fix has the fields of one with, in the same order', () => {
    const document = createUnitDocument('file:///etc/systemd/system/app.service', REPEATS);
    const duplicates = (fixes: boolean) => runRules(document, DEFAULT_SETTINGS, {}, { fixes }).filter((d) => d.code === 'duplicate-directive');
    // Its own fields (the range is built when read), and what JSON shows.
    const keys = (fixes: boolean) => duplicates(fixes).map((d) => Object.keys(d).join(','));
    const shown = (fixes: boolean) => duplicates(fixes).map((d) => Object.keys(JSON.parse(JSON.stringify(d))).join(','));
    assert.deepEqual(keys(false), ['severity,code,message,unnecessary,related', 'severity,code,message,unnecessary,related']);
    assert.deepEqual(keys(true), ['severity,code,message,unnecessary,related,fixes', 'severity,code,message,unnecessary,related,fixes']);
    assert.deepEqual(shown(false), ['range,severity,code,message,unnecessary,related', 'range,severity,code,message,unnecessary,related']);
    assert.deepEqual(shown(true), ['range,severity,code,message,unnecessary,related,fixes', 'range,severity,code,message,unnecessary,related,fixes']);
  });

  it('diagnose gives what the full analysis shows, for every rule fixture', () => {
    let files = 0;
    for (const file of readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })) {
      const name = path.basename(file);
      // The units themselves (a drop-in is checked as a file of its own).
      if (!/\.(service|socket|timer|slice|conf)$/.test(name)) continue;
      const text = readFileSync(path.join(FIXTURES, file), 'utf8');
      const uri = `file:///etc/systemd/system/${file.includes('.d/') ? file.slice(file.lastIndexOf('/', file.lastIndexOf('.d/')) + 1) : name}`;
      assert.deepEqual(diagnose(createUnitDocument(uri, text)), analyze(createUnitDocument(uri, text)).diagnostics, file);
      files++;
    }
    assert.ok(files > 50, `only ${files} fixtures`);
  });
});
