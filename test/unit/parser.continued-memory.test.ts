/**
 * A line continued past systemd's limit (1 MiB joined) is reported and not read: the parser
 * stops gathering it there. Millions of `X=\` lines (8 MB) are parsed in a process whose heap is
 * capped at 100 MB; gathering every piece of such a line took more than 300 MB, and the process
 * died.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parse } from '../../server/src/core/syntax/parser';

const LINES = 2_000_000;
const HEAP_MB = 100;
const CHILD = 'UNITGUARD_CONTINUED_CHILD';

if (process.env[CHILD] !== undefined) {
  const text = '[Service]\nExecStart=/bin/true\n' + 'X=\\\n'.repeat(LINES) + 'X=1\n';
  const tree = parse(text);
  process.stdout.write(JSON.stringify({ bytes: text.length, codes: tree.diagnostics.map((d) => d.code), entries: tree.sections[0].entries.map((e) => e.key) }));
} else {
  describe('a continued line longer than systemd reads', () => {
    test(`${LINES.toLocaleString('en-US')} continued lines are parsed in a heap of ${HEAP_MB} MB`, () => {
      const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, __filename], { env: { ...process.env, [CHILD]: '1' }, encoding: 'utf8', timeout: 120_000 });
      assert.equal(child.signal, null, `killed (${child.signal}): ${child.stderr.slice(-400)}`);
      assert.equal(child.status, 0, `did not fit in ${HEAP_MB} MB: ${child.stderr.slice(-400)}`);
      const { bytes, codes, entries } = JSON.parse(child.stdout) as { bytes: number; codes: string[]; entries: string[] };
      assert.ok(bytes > 8e6, 'the text is as long as meant');
      // Reported once, and the line is not read: only the command before it is an assignment.
      assert.deepStrictEqual(codes, ['line-too-long']);
      assert.deepStrictEqual(entries, ['ExecStart']);
    });
  });
}
