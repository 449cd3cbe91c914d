import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../server/src/core';
import { jsonFormatter, toJsonOutput } from '../../server/src/cli/formats/json';
import type { FileReport, RunReport } from '../../server/src/cli/formats/report';
import { sarifFormatter, toSarif } from '../../server/src/cli/formats/sarif';
import { formatText } from '../../server/src/cli/formats/text';

// The parser's own problems carry no fixes yet; these reports carry what other rules will.
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

const withFix: Diagnostic = {
  range: range(3, 0, 3, 17),
  severity: 'information',
  code: 'example-rule',
  message: 'Two fixes,\nthe message on two lines.',
  fixes: [
    { title: 'Use yes', edits: [{ range: range(3, 14, 3, 17), newText: 'yes' }], isPreferred: true, risk: 'safe' },
    { title: 'Remove the line', edits: [{ range: range(3, 0, 4, 0), newText: '' }], risk: 'review', mayBreak: 'It may.' },
  ],
  related: [{ range: range(0, 0, 0, 6), message: 'section' }],
  unnecessary: true,
};
const hint: Diagnostic = { range: range(5, 2, 5, 2), severity: 'hint', code: 'other-rule', message: 'A hint.' };

const run: RunReport = {
  files: [{ path: 'units/a b.service', absolutePath: '/srv/repo/units/a b.service', diagnostics: [withFix, hint] }],
  errors: [],
  cwd: '/srv/repo',
  fileCount: 1,
};

/** What the JSON format writes for `files`, given one at a time as the check goes. */
function streamedJson(files: FileReport[]): string {
  const parts: string[] = [];
  const write = (text: string): void => void parts.push(text);
  files.forEach((file, i) => jsonFormatter.file(file, write, i));
  jsonFormatter.end({ files: [], errors: [], cwd: '/srv/repo', fileCount: files.length }, write);
  return parts.join('');
}

describe('formats with fixes and rules not known in advance', () => {
  it('json keeps fixes as title, risk, what they may break and edits, related lines, and an empty list when there are none', () => {
    const [first, second] = toJsonOutput(run).files[0].diagnostics;
    assert.deepEqual(first.fixes, [
      { title: 'Use yes', risk: 'safe', edits: [{ range: range(3, 14, 3, 17), newText: 'yes' }] },
      { title: 'Remove the line', risk: 'review', mayBreak: 'It may.', edits: [{ range: range(3, 0, 4, 0), newText: '' }] },
    ]);
    assert.deepEqual(Object.keys(first), ['range', 'severity', 'code', 'message', 'related', 'fixes']);
    assert.deepEqual(first.related, [{ range: range(0, 0, 0, 6), message: 'section' }]);
    assert.deepEqual(second.fixes, []);
  });

  it('json written a file and a diagnostic at a time is the whole report as one JSON text', () => {
    const many: Diagnostic[] = Array.from({ length: 3_000 }, (_, i) => ({ ...hint, range: range(i, 0, i, 4), message: `Finding ${i}: "quoted", back\\slash, tab\t, two-byte — «x», \u2028 line` }));
    const cases: FileReport[][] = [
      [],
      [{ path: 'empty.service', absolutePath: undefined, diagnostics: [] }],
      run.files,
      [...run.files, { path: 'empty.service', absolutePath: undefined, diagnostics: [] }, { path: 'many.service', absolutePath: undefined, diagnostics: many }],
    ];
    for (const files of cases) {
      const whole = `${JSON.stringify(toJsonOutput({ files, errors: [], cwd: '/srv/repo', fileCount: files.length }), null, 2)}\n`;
      assert.equal(streamedJson(files), whole, `${files.length} files`);
    }
  });

  it('sarif written a result at a time is the whole log as one JSON text', () => {
    const many: Diagnostic[] = Array.from({ length: 3_000 }, (_, i) => ({ ...withFix, code: i % 2 ? 'made-up-rule' : withFix.code, range: range(i, 0, i, 4), message: `Finding ${i}: "results": [] said in a message` }));
    const runs: RunReport[] = [
      { files: [], errors: [], cwd: '/srv/repo', fileCount: 0 },
      { files: [], errors: [{ path: 'gone.service', message: 'no such file or directory' }], cwd: '/srv/repo', fileCount: 0 },
      { files: [{ path: 'empty.service', absolutePath: '/srv/repo/empty.service', diagnostics: [] }], errors: [], cwd: '/srv/repo', fileCount: 1 },
      run,
      { ...run, files: [...run.files, { path: 'many.service', absolutePath: '/elsewhere/many.service', diagnostics: many }], fileCount: 2 },
    ];
    for (const r of runs) {
      const parts: string[] = [];
      sarifFormatter.end(r, (text) => void parts.push(text));
      assert.equal(parts.join(''), `${JSON.stringify(toSarif(r), null, 2)}\n`, `${r.files.length} files, ${r.errors.length} errors`);
    }
  });

  it('text prints a multi-line message on one line', () => {
    assert.equal(
      formatText('a.service', [withFix, hint]),
      'a.service:4:1: information: Two fixes, the message on two lines. [example-rule]\na.service:6:3: hint: A hint. [other-rule]\n',
    );
  });

  it('sarif adds unknown codes as rules, maps information and hint to note, and carries fixes as replacements', () => {
    const log = toSarif(run) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; defaultConfiguration: { level: string } }> } };
        results: Array<{ ruleId: string; ruleIndex: number; level: string; fixes?: unknown[]; locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }>;
      }>;
    };
    const [sarifRun] = log.runs;
    const rules = sarifRun.tool.driver.rules;
    const [a, b] = sarifRun.results;
    assert.equal(rules[a.ruleIndex].id, 'example-rule');
    assert.equal(rules[b.ruleIndex].id, 'other-rule');
    assert.equal(rules[a.ruleIndex].defaultConfiguration.level, 'note');
    assert.deepEqual([a.level, b.level], ['note', 'note']);
    assert.deepEqual(a.locations[0].physicalLocation.artifactLocation, { uri: 'units/a%20b.service', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(a.fixes, [
      {
        description: { text: 'Use yes' },
        properties: { risk: 'safe' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'units/a%20b.service', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 4, startColumn: 15, endLine: 4, endColumn: 18 }, insertedContent: { text: 'yes' } }],
          },
        ],
      },
      {
        description: { text: 'Remove the line' },
        properties: { risk: 'review', mayBreak: 'It may.' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'units/a%20b.service', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 4, startColumn: 1, endLine: 5, endColumn: 1 }, insertedContent: { text: '' } }],
          },
        ],
      },
    ]);
    assert.equal(b.fixes, undefined);
  });
});
