import type { Severity } from '../types';

/**
 * The problems of form the parser reports. Each has a stable code and a
 * default severity; errors are the ones that make systemd refuse the file.
 */
export const parseProblems = {
  'invalid-section-header': {
    severity: 'error',
    refusesLoad: true,
    summary: 'A section header must be one line of the form [Name] with nothing after the closing bracket; systemd refuses to load the file.',
  },
  'bad-section-name': {
    severity: 'error',
    refusesLoad: true,
    summary: 'The section name contains quotes, backslashes or control characters; systemd refuses to load the file.',
  },
  'assignment-outside-section': {
    severity: 'warning',
    summary: 'An assignment before the first section header; systemd ignores it.',
  },
  'missing-equals': {
    severity: 'warning',
    summary: 'A line that is neither a section header, a comment nor a Key=value assignment; systemd ignores it.',
  },
  'missing-key': {
    severity: 'warning',
    summary: 'An assignment without a key before the = sign; systemd ignores it.',
  },
  'continuation-in-key': {
    severity: 'warning',
    summary: 'A line continuation splits the key; systemd joins the lines with a space, so the key is not what it looks like.',
  },
  'continuation-at-end': {
    severity: 'warning',
    summary: 'The last line ends with a line continuation backslash but nothing follows.',
  },
  'nul-byte': {
    severity: 'warning',
    summary: 'A NUL byte: systemd ends the line there and reads the rest as a new line, so it sees other lines than an editor shows.',
  },
  'stray-bom': {
    severity: 'warning',
    summary: 'A byte order mark at the start of a later line: systemd drops only the first one and reads this one as part of the key or header.',
  },
  'binary-content': {
    severity: 'error',
    summary: 'The file holds binary data (NUL bytes or control characters), not the text of a unit file.',
  },
  'invalid-utf8': {
    severity: 'error',
    refusesLoad: true,
    summary: 'A line outside comments is not valid UTF-8 (it holds a replacement character U+FFFD, a lone surrogate or a noncharacter); systemd refuses to load the file.',
  },
  'line-too-long': {
    severity: 'error',
    refusesLoad: true,
    summary: 'A line of 1 MiB or more (a comment too), or continued lines that join into more than 1 MiB; systemd refuses to load the file.',
  },
} as const satisfies Record<string, { severity: Severity; summary: string; refusesLoad?: true }>;

export type ParseProblemCode = keyof typeof parseProblems;

/** The problems of form for which systemd does not load the file at all (nothing of it is read). */
export const LOAD_REFUSING_PROBLEMS: ReadonlySet<string> = new Set(
  Object.entries(parseProblems)
    .filter(([, problem]) => 'refusesLoad' in problem && problem.refusesLoad)
    .map(([code]) => code),
);

/**
 * systemd's LONG_LINE_MAX, in UTF-8 bytes: a line of this length or more, or
 * continued lines that join into more, make the whole file fail to load.
 */
export const LONG_LINE_MAX = 1024 * 1024;

/** The most problems of one kind the parser lists; past them one more says how many were left out. */
export const LISTED_PER_KIND = 200;

/** On the problem that stands for those of its kind left out: how many beyond itself it stands for. */
const UNLISTED = Symbol('problems of its kind not listed');

/** A problem that says `unlisted + 1` problems of its kind were left out (itself among them). */
export function withUnlisted<T extends object>(problem: T, unlisted: number): T {
  (problem as T & { [UNLISTED]?: number })[UNLISTED] = unlisted;
  return problem;
}

/** Whether a parse problem is the one that says how many of its kind were left out of the list. */
export function standsForUnlisted(problem: object): boolean {
  return (problem as { [UNLISTED]?: number })[UNLISTED] !== undefined;
}

/** How many problems a parse problem stands for beyond itself (0 for every problem but those). */
export function unlistedBeyond(problem: object): number {
  return (problem as { [UNLISTED]?: number })[UNLISTED] ?? 0;
}
