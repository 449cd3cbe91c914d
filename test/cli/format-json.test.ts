import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectedOutput, filesArg, lines, runCli, runJson, TEXT_LINE, type JsonRange } from './cliHarness';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

function assertRange(range: JsonRange, where: string): void {
  assert.deepEqual(Object.keys(range), ['start', 'end'], where);
  for (const position of [range.start, range.end]) {
    assert.deepEqual(Object.keys(position), ['line', 'character'], where);
    assert.ok(Number.isInteger(position.line) && position.line >= 0, where);
    assert.ok(Number.isInteger(position.character) && position.character >= 0, where);
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${where}: range ends before it starts`);
}

describe('check --format json', () => {
  it('prints the fixture folder exactly as expected', () => {
    const result = runCli(['check', '--format', 'json', filesArg]);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, '');
    assert.deepEqual(JSON.parse(result.stdout), JSON.parse(expectedOutput('files.json', result.stdout)));
  });

  it('has the documented shape: files, diagnostics, ranges, severities, fixes always present', () => {
    const { json } = runJson([filesArg]);
    assert.deepEqual(Object.keys(json), ['files']);
    assert.ok(json.files.length > 0);
    for (const file of json.files) {
      assert.deepEqual(Object.keys(file), ['path', 'diagnostics']);
      for (const [i, d] of file.diagnostics.entries()) {
        const where = `${file.path} diagnostic ${i}`;
        assert.deepEqual(Object.keys(d), ['range', 'severity', 'code', 'message', 'fixes'], where);
        assertRange(d.range, where);
        assert.ok(SEVERITIES.has(d.severity), where);
        assert.match(d.code, /^[a-z0-9-]+$/, where);
        assert.ok(d.message.length > 0, where);
        assert.ok(Array.isArray(d.fixes), where);
        for (const fix of d.fixes) {
          assert.deepEqual(Object.keys(fix), ['title', 'edits'], where);
          for (const edit of fix.edits) {
            assert.deepEqual(Object.keys(edit), ['range', 'newText'], where);
            assertRange(edit.range, where);
          }
        }
      }
    }
  });

  it('is also chosen with -f json and --format=json', () => {
    const long = runCli(['check', '--format', 'json', filesArg]).stdout;
    assert.equal(runCli(['check', '-f', 'json', filesArg]).stdout, long);
    assert.equal(runCli(['check', filesArg, '--format=json']).stdout, long);
  });

  it('lists files without diagnostics too', () => {
    const { json, result } = runJson([`${filesArg}/clean.target`]);
    assert.equal(result.status, 0);
    assert.deepEqual(json, { files: [{ path: `${filesArg}/clean.target`, diagnostics: [] }] });
  });

  it('uses 0-based ranges: the first line and column are 0', () => {
    const { json } = runJson([`${filesArg}/errors.target`]);
    const header = json.files[0].diagnostics[0];
    assert.equal(header.code, 'invalid-section-header');
    // "[Unit" on the first line, without its closing bracket.
    assert.deepEqual(header.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
  });

  it('agrees with the text format, which is the same positions plus one', () => {
    const { json } = runJson([filesArg]);
    const fromJson = json.files.flatMap((f) =>
      f.diagnostics.map((d) => [f.path, d.range.start.line + 1, d.range.start.character + 1, d.severity, d.message, d.code].join('|')),
    );
    const fromText = lines(runCli(['check', filesArg]).stdout).map((line) => {
      const match = TEXT_LINE.exec(line);
      assert.ok(match, line);
      return match.slice(1).join('|');
    });
    assert.deepEqual(fromText, fromJson);
  });
});
