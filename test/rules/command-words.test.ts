/**
 * A command line's head (its prefixes and program) read from its first word alone is the head of
 * the whole line split into words, whatever the quotes, backslashes, blanks and prefixes; and the
 * commands of a line never cut a word.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { argvOf, commandArgv, commandHead, commandSpans, splitCommand } from '../../server/src/core/rules/values/commandWords';
import { splitWords } from '../../server/src/core/rules/values/words';

const CASES: { value: string; prefix: string; program: string | undefined; programStart?: number }[] = [
  { value: '/usr/bin/true', prefix: '', program: '/usr/bin/true', programStart: 0 },
  { value: '  -/bin/sh -c "echo 1"', prefix: '-', program: '/bin/sh', programStart: 3 },
  { value: '+@/usr/bin/daemon daemon --foreground', prefix: '+@', program: '/usr/bin/daemon', programStart: 2 },
  { value: '"+/bin/true"', prefix: '+', program: '/bin/true', programStart: 0 },
  { value: "!!'/usr/sbin/ntpd' -n", prefix: '!!', program: '/usr/sbin/ntpd', programStart: 2 },
  { value: '-', prefix: '-', program: '', programStart: 1 },
  { value: '', prefix: '', program: undefined },
  { value: '   ', prefix: '', program: undefined },
  { value: '/usr/bin/a\\ b c', prefix: '', program: '/usr/bin/a b', programStart: 0 },
  { value: '|echo "$HOME"', prefix: '|', program: 'echo', programStart: 1 },
];

const pieces = fc.constantFrom('/usr/bin/x', 'arg', ' ', '  ', '\t', '"', "'", '\\', '\\ ', ';', ' ; ', '-', '+', '@', '!', '!!', ':', '|', '$V', 'é', '😀');
const values = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));

describe('command words', () => {
  for (const c of CASES) {
    it(`the head of ${JSON.stringify(c.value)}`, () => {
      const head = commandHead(c.value);
      assert.equal(head.prefix, c.prefix);
      assert.equal(head.program?.text, c.program);
      if (c.programStart !== undefined) assert.equal(head.program?.start, c.programStart);
    });
  }

  it('the head from the first word is the head of the whole line split', () => {
    fc.assert(
      fc.property(values, (value) => {
        const { prefix, prefixOffsets, program } = splitCommand(value);
        assert.deepEqual(commandHead(value), { prefix, prefixOffsets, program });
      }),
      { numRuns: 3000 },
    );
  });

  it('the words a line runs are those of the whole line split, and its commands never cut a word', () => {
    fc.assert(
      fc.property(values, (value) => {
        const split = splitCommand(value);
        assert.deepEqual(argvOf(split), commandArgv(value));
        const words = splitWords(value);
        assert.deepEqual(split.args, words.slice(1));
        // The commands, each from a word to the word before a lone `;` (or the end): they cover the words in order.
        const spans = commandSpans(value);
        assert.ok(spans.length >= 1);
        for (const span of spans) assert.ok(words.every((w) => w.end <= span.start || w.start >= span.end || (w.start >= span.start && w.end <= span.end)));
      }),
      { numRuns: 3000 },
    );
  });
});
