/**
 * A command line (ExecStart= and the other Exec settings) split as systemd splits it: the first
 * word is unquoted before its special prefixes are read, so `"+/bin/true"` runs /bin/true with
 * full privileges, just as `+/bin/true` does.
 */
import { splitWords, wordsIn, type Word } from './words';

export interface CommandWords {
  /** The special prefixes of the first word: `-`, `@`, `:`, `+`, `!`, `!!`, `|`. */
  readonly prefix: string;
  /** Where each prefix character stands in the value (quotes may come before or between them). */
  readonly prefixOffsets: readonly number[];
  /** The program word, its text without the prefixes (empty when the first word is only prefixes). */
  readonly program: Word | undefined;
  /** The words after the program. */
  readonly args: readonly Word[];
}

const PREFIX = /^[-@:+!|]*/;

const isQuote = (c: string | undefined) => c === '"' || c === "'";

/** The head of a command line: its prefixes and program, read from its first word alone. */
export type CommandHead = Omit<CommandWords, 'args'>;

export function splitCommand(value: string): CommandWords {
  const words = splitWords(value);
  const { prefix, prefixOffsets, program } = headOf(value, words[0]);
  return { prefix, prefixOffsets, program, args: words.slice(1) };
}

/**
 * The prefixes and program of a command line, without splitting the words after them: what a
 * check that asks only for the prefix or the program needs (a long unit has many command lines,
 * and a keystroke in one of them reads them all again).
 */
export function commandHead(value: string): CommandHead {
  return headOf(value, wordsIn(value).next().value ?? undefined);
}

function headOf(value: string, first: Word | undefined): CommandHead {
  if (!first) return { prefix: '', prefixOffsets: [], program: undefined };
  const prefix = PREFIX.exec(first.text)?.[0] ?? '';
  const prefixOffsets: number[] = [];
  let at = first.start;
  for (let k = 0; k < prefix.length; k++) {
    while (isQuote(value[at])) at++;
    prefixOffsets.push(at++);
  }
  // The program's range starts after the prefixes when they stand outside its quotes.
  const programStart = prefix === '' || value.startsWith(prefix, first.start) ? first.start + prefix.length : first.start;
  const program = { text: first.text.slice(prefix.length), start: programStart, end: first.end };
  return { prefix, prefixOffsets, program };
}

/** The words systemd runs: the program (without its prefixes) and its arguments. */
export function commandArgv(value: string): readonly Word[] {
  return argvOf(splitCommand(value));
}

/** The words a split command line runs: its program (when it has one) and its arguments. */
export function argvOf({ program, args }: CommandWords): readonly Word[] {
  return program && program.text !== '' ? [program, ...args] : args;
}

/** Where one command of a command line lies in it: `[start, end)`. */
export interface CommandSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The commands of a command line, as systemd reads them: a lone `;` word ends a command when a
 * word follows it (`\;` and `";"` are arguments). A `;` where a command starts is that command's
 * program, and a `;` at the end starts no command.
 */
export function commandSpans(value: string): CommandSpan[] {
  const spans: CommandSpan[] = [];
  let start = 0;
  let atCommandStart = true;
  for (const word of wordsIn(value)) {
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
