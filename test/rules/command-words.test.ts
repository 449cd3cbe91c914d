/**
 * A command line's head (its prefixes and program) read from its first word alone is the head of
 * the whole line split into words, whatever the quotes, backslashes, blanks and prefixes; and the
 * commands of a line are where the words of the whole line put them.
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

/** How the commands of a line were found before: from the list of all its words. */
function spansFromWordList(value: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  let atCommandStart = true;
  for (const word of splitWords(value)) {
    const separator = word.end - word.start === 1 && value[word.start] === ';';
    if (separator && !atCommandStart) {
      spans.push({ start, end: word.start });
      start = word.end;
      atCommandStart = true;
    } else atCommandStart = false;
  }
  if (!atCommandStart || spans.length === 0) spans.push({ start, end: value.length });
  return spans;
}

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

  it('the words a line runs and its commands are those of the whole line split', () => {
    fc.assert(
      fc.property(values, (value) => {
        const split = splitCommand(value);
        assert.deepEqual(argvOf(split), commandArgv(value));
        const words = splitWords(value);
        assert.deepEqual(split.args, words.slice(1));
        assert.deepEqual(commandSpans(value), spansFromWordList(value));
      }),
      { numRuns: 3000 },
    );
  });
});
