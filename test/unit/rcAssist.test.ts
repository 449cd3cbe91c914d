/** Completion and hover in a `.unitguardrc`: what each place of the file offers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeRc, hoverRc } from '../../server/src/core/config/rcAssist';

/** Text with `|` where the cursor is. */
function at(marked: string): { text: string; position: { line: number; character: number } } {
  const index = marked.indexOf('|');
  const before = marked.slice(0, index).split('\n');
  return { text: marked.replace('|', ''), position: { line: before.length - 1, character: (before[before.length - 1] ?? '').length } };
}

const COMPLETION: readonly [string, string, (labels: string[]) => boolean][] = [
  ['an empty file: the keys and [rules]', '|', (l) => l.includes('systemd-version') && l.includes('[rules]') && !l.includes('recommends')],
  ['a key being typed', 'secu|', (l) => l.includes('security-policy')],
  ['[rules] is there already: not offered again', '|\n[rules]\n', (l) => !l.includes('[rules]') && l.includes('root')],
  ['a rule id under [rules]', '[rules]\nrec|', (l) => l.includes('recommends') && l.includes('breakage') && !l.includes('root')],
  ['a level after the rule', '[rules]\nrecommends = |', (l) => l.join() === 'error,warning,information,hint,off'],
  ['root takes true or false', 'root = |', (l) => l.join() === 'true,false'],
  ['nothing in a comment', '# sys|', (l) => l.length === 0],
  ['nothing after systemd-version =', 'systemd-version = |', (l) => l.length === 0],
  ['nothing under an unknown section', '[other]\n|', (l) => l.length === 0],
  ['past the last line', '|', (l) => l.length > 0],
];

const HOVER: readonly [string, string, RegExp | undefined][] = [
  ['a key', 'system|d-version = 252', /^\*\*systemd-version\*\*: the systemd release/],
  ['a rule id', '[rules]\nbreakage-|path = off', undefined],
  ['a rule id that is one', '[rules]\npath-bl|ocked = off', /^\*\*path-blocked\*\*: rule \(breakage\), warning by default/],
  ['a level', '[rules]\npath-blocked = o|ff', /^\*\*off\*\*: not reported$/],
  ['a group', '[rules]\nbreak|age = off', /^\*\*breakage\*\*: a group of rules/],
  ['a rule id at the top level says nothing', 'recomm|ends = off', undefined],
];

describe('.unitguardrc completion', () => {
  for (const [name, marked, ok] of COMPLETION) {
    it(name, () => {
      const { text, position } = at(marked);
      const labels = completeRc(text, position).map((i) => i.label);
      assert.ok(ok(labels), labels.slice(0, 12).join(', '));
    });
  }

  it('replaces the word under the cursor and writes "key = "', () => {
    const { text, position } = at('syst|');
    const item = completeRc(text, position).find((i) => i.label === 'systemd-version');
    assert.deepEqual(item?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    assert.equal(item?.newText, 'systemd-version = ');
  });
});

describe('.unitguardrc hover', () => {
  for (const [name, marked, expected] of HOVER) {
    it(name, () => {
      const { text, position } = at(marked);
      const found = hoverRc(text, position);
      if (expected === undefined) assert.equal(found, undefined);
      else assert.match(found?.contents ?? '', expected);
    });
  }
});
