import type { Severity } from '../types';

/**
 * The problems of form the parser reports. Each has a stable code and a
 * default severity; errors are the ones that make systemd refuse the file.
 */
export const parseProblems = {
  'invalid-section-header': {
    severity: 'error',
    summary: 'A section header must be one line of the form [Name] with nothing after the closing bracket; systemd refuses to load the file.',
  },
  'bad-section-name': {
    severity: 'error',
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
    severity: 'error',
    summary: 'A NUL byte: systemd ends the line there and reads the rest as a new line.',
  },
  'binary-content': {
    severity: 'error',
    summary: 'The file holds binary data (NUL bytes or control characters), not the text of a unit file.',
  },
  'invalid-utf8': {
    severity: 'warning',
    summary: 'The line is not valid UTF-8 (it holds a replacement character); systemd ignores such lines.',
  },
  'line-too-long': {
    severity: 'error',
    summary: 'A logical line longer than systemd\'s limit of 1 MiB; systemd refuses to load the file.',
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type ParseProblemCode = keyof typeof parseProblems;

/** systemd's LONG_LINE_MAX: longer logical lines make the whole file fail to load. */
export const LONG_LINE_MAX = 1024 * 1024;
