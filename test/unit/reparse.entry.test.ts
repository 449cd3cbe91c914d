import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, type SyntaxTree } from '../../server/src/core';
import { reparsedInEntry, revisedTree } from '../../server/src/core/syntax/reparse';
import { commentLines } from '../../server/src/core/syntax/commentList';

/*
 * An edit within one line of an assignment, that leaves its key, reads that assignment's lines
 * again and nothing else of its section (a keystroke in one of the 200,000 lines of a long
 * section). Every other edit is left to the reading of whole sections. What either gives is the
 * tree of the whole edited text (see reparse.property.test.ts); here, which edits take which way.
 */

const UNIT = [
  '[Unit]',
  'Description=A long section',
  '',
  '[Service]',
  'ExecStartPre=/bin/echo step 0 \\',
  '  of the preparation',
  '# between',
  'ExecStartPre=/bin/echo step 1',
  'Environment=A=1 B=2',
  'ExecStart=/usr/bin/true',
  '',
  '[Install]',
  'WantedBy=multi-user.target',
].join('\n');

interface Case {
  name: string;
  line: number;
  character: number;
  /** Characters removed from there on. */
  remove: number;
  insert: string;
  /** Whether the edit is read as a change of one assignment. */
  inEntry: boolean;
}

const CASES: Case[] = [
  { name: 'a character typed in a value', line: 7, character: 29, remove: 0, insert: 'x', inEntry: true },
  { name: 'a character deleted from a value', line: 9, character: 20, remove: 1, insert: '', inEntry: true },
  { name: 'a word typed in the continued line of a value', line: 5, character: 9, remove: 0, insert: 'whole ', inEntry: true },
  { name: 'a value emptied', line: 8, character: 12, remove: 7, insert: '', inEntry: true },
  { name: 'blanks before the key', line: 9, character: 0, remove: 0, insert: '  ', inEntry: true },
  { name: 'the last line of the section, its range ending with it', line: 9, character: 23, remove: 0, insert: ' --now', inEntry: true },
  { name: 'the key changed', line: 9, character: 4, remove: 0, insert: 'X', inEntry: false },
  { name: 'a continuation added', line: 7, character: 29, remove: 0, insert: ' \\', inEntry: false },
  { name: 'a continuation taken away', line: 4, character: 29, remove: 2, insert: '', inEntry: false },
  { name: 'the line made a comment', line: 8, character: 0, remove: 0, insert: '#', inEntry: false },
  { name: 'the `=` taken away', line: 8, character: 11, remove: 1, insert: '', inEntry: false },
  { name: 'a line break typed', line: 7, character: 13, remove: 0, insert: '\n', inEntry: false },
  { name: 'a comment line edited', line: 6, character: 9, remove: 0, insert: 'x', inEntry: false },
  { name: 'a blank line edited', line: 10, character: 0, remove: 0, insert: 'x', inEntry: false },
  { name: 'a header edited', line: 3, character: 8, remove: 0, insert: 'x', inEntry: false },
  { name: 'two lines joined', line: 7, character: 29, remove: 1, insert: '', inEntry: false },
];

function offsetOf(tree: SyntaxTree, line: number, character: number): number {
  return tree.lines.lineStart(line) + character;
}

/** What a reader of the tree may look at, in a form to compare. */
function shape(tree: SyntaxTree): string {
  return JSON.stringify({
    sections: tree.sections.map((s) => [s.name, s.range, s.headerRange, s.entries.map((e) => [e.key, e.value, e.range, e.keyRange, e.valueRange, e.segments, e.section === s])]),
    diagnostics: tree.diagnostics,
    comments: commentLines(tree),
  });
}

for (const c of CASES) {
  test(`an edit within one line: ${c.name}`, () => {
    const tree = parse(UNIT);
    const start = offsetOf(tree, c.line, c.character);
    const edit = { start, end: start + c.remove, text: c.insert };
    const next = UNIT.slice(0, edit.start) + edit.text + UNIT.slice(edit.end);
    for (const keep of [false, true]) {
      const revised = reparsedInEntry(parse(UNIT), edit, next, keep, false);
      assert.equal(revised !== undefined, c.inEntry, `read as a change of one assignment (keep: ${keep})`);
      if (revised) assert.equal(shape(revised), shape(parse(next)));
    }
  });
}

test('a keystroke in a section of 20,000 lines copies the others and reads the same as the whole text', () => {
  const lines = ['[Service]'];
  for (let k = 0; k < 20_000; k++) lines.push(`ExecStartPre=/bin/echo step ${k} \\`, '  of the preparation');
  const text = lines.join('\n') + '\n';
  const tree = parse(text);
  const start = offsetOf(tree, 20_001, 'ExecStartPre=/bin/echo'.length);
  const next = text.slice(0, start) + 'x' + text.slice(start);
  const revised = reparsedInEntry(tree, { start, end: start, text: 'x' }, next, true, false);
  assert.ok(revised);
  assert.equal(shape(revised), shape(parse(next)));
  // The old tree reads as it did.
  assert.equal(shape(tree), shape(parse(text)));
});

test('an assignment whose line a continuation before it joins, past comment lines, is read with its section', () => {
  // Blanks continued past a comment join the assignment's line: past 1 MiB together, systemd
  // refuses the joined line, and reading the assignment's own lines would not see it.
  const text = `[Service]\n${' '.repeat(600_000)}\\\n# between\nA=x\nB=y\n`;
  const tree = parse(text);
  const start = text.indexOf('A=x') + 3;
  const edit = { start, end: start, text: 'x'.repeat(500_000) };
  const next = text.slice(0, start) + edit.text + text.slice(start);
  assert.equal(reparsedInEntry(tree, edit, next, true, false), undefined);
  assert.equal(shape(revisedTree(tree, next, edit)), shape(parse(next)));
  assert.ok(parse(next).diagnostics.some((d) => d.code === 'line-too-long'));
});
