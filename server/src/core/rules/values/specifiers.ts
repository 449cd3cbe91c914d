/** Specifiers in values: the letters systemd expands, and the problems of those it does not know. */
import { specifiers } from '../../kb';
import type { ValueProblem } from './problem';

const specifierLetters: ReadonlySet<string> = new Set(specifiers.map((s) => s.letter));

/**
 * Only an ASCII letter or digit after "%" can name a specifier. systemd copies "%" with any other
 * character ("%-", "% ", "%é") as written, and a "%" that ends the value stays a "%".
 */
const couldBeSpecifier = (c: string) => /^[A-Za-z0-9]$/.test(c);

/** Specifiers systemd does not know (`%Q`): it cannot expand the value and ignores the line. */
export function unknownSpecifierProblems(value: string, max = 20): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (let i = value.indexOf('%'); i >= 0 && i < value.length; i = value.indexOf('%', i + 2)) {
    const letter = value[i + 1];
    if (letter === undefined || specifierLetters.has(letter) || !couldBeSpecifier(letter)) continue;
    problems.push({
      start: i,
      end: i + 2,
      message: `"%${letter}" is not a specifier systemd knows, so it cannot expand the value and ignores the line. Write "%%" for a literal "%".`,
      replacements: [`%%${letter}`],
    });
    if (problems.length >= max) break;
  }
  return problems;
}
