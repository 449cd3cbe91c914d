import { latin1Text } from '../../arrays';
/**
 * Unified diffs as people send them for review: `git diff`, `git format-patch` mails (headers, a
 * message, the `---` before the diffstat, a `-- ` signature at the end), `diff -u` and `diff -ruN`
 * of two trees, several files in one patch, renames, new and deleted files, CRLF line breaks.
 *
 * Every line keeps its 0-based position in the patch document (lines break at `\n`, `\r\n` and a
 * lone `\r`, as in the Language Server Protocol), so that an editor showing the patch can put what
 * is found in a file on the patch line that shows it. Hunk lines are counted by their headers, so a
 * `-- ` signature after the last hunk or a `--- ` removed line inside one is read for what it is.
 */

/** One line of a hunk. */
export interface PatchLine {
  /** `' '` context, `'-'` removed, `'+'` added. */
  kind: ' ' | '-' | '+';
  /** The line without its one-character prefix. */
  text: string;
  /** 0-based line of the patch document; the file's text starts at character 1 of it. */
  patchLine: number;
  /** 0-based line in the old file (context and removed lines). */
  oldLine?: number;
  /** 0-based line in the new file (context and added lines). */
  newLine?: number;
}

export interface PatchHunk {
  /** As the `@@ -oldStart,oldCount +newStart,newCount @@` header says (1-based; 0 with a count of 0 for an empty side). */
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** What follows the second `@@` (git writes the nearest line above that looks like a heading). */
  heading: string;
  /** 0-based patch line of the `@@` header. */
  headerLine: number;
  lines: PatchLine[];
  /** `\ No newline at end of file` follows the hunk's last old / new line. */
  oldNoNewlineAtEnd: boolean;
  newNoNewlineAtEnd: boolean;
}

export type FileChange = 'modified' | 'added' | 'deleted' | 'renamed' | 'copied';

/** What a patch does to one file. */
export interface FilePatch {
  /** The path before, without git's `a/` prefix; undefined when the file is new (`/dev/null`). */
  oldPath: string | undefined;
  /** The path after, without git's `b/` prefix; undefined when the file is deleted. */
  newPath: string | undefined;
  change: FileChange;
  hunks: PatchHunk[];
  /** A binary change: there are no lines to read. */
  binary: boolean;
  /** 0-based patch line where the file's part starts (`diff --git`, `diff -u ...`, or `---`). */
  headerLine: number;
  /** 0-based patch line where the file's part ends (its last hunk line, or its last header). */
  endLine: number;
  /** The mail (in `ParsedPatch.mails`) that carries the change, for a patch series. */
  mail?: number;
}

/** The headers of one mail of a `git format-patch` series. */
export interface PatchMail {
  from?: string;
  date?: string;
  subject?: string;
  messageId?: string;
  /** 0-based patch line where the mail's headers start. */
  headerLine: number;
}

/** Something in the patch that could not be read as it says; the rest is read anyway. */
export interface PatchProblem {
  /** 0-based patch line. */
  line: number;
  message: string;
}

export interface ParsedPatch {
  files: FilePatch[];
  mails: PatchMail[];
  problems: PatchProblem[];
  /** Lines of the patch document. */
  lineCount: number;
}

interface RawLine {
  text: string;
  /** The break after the line: `\n`, `\r\n`, `\r` or `''` at the end. */
  eol: string;
}

/** The lines of a document, broken where an LSP client breaks them. */
function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
/** The mbox separator `git format-patch` writes: `From <commit> Mon Sep 17 00:00:00 2001`. */
const MBOX_FROM = /^From \S+ +\S.*\d\d:\d\d:\d\d/;
const MAIL_HEADER = /^([A-Za-z][A-Za-z0-9-]*): ?(.*)$/;
/** Headers that say a block of lines at the top of the document is a mail's header. */
const MAIL_FIRST_HEADERS = /^(from|subject|date|message-id|to|cc|return-path|received|delivered-to|mime-version|in-reply-to|references|x-[a-z0-9-]+):/i;
/** GNU diff -N writes the epoch as the time of a file that does not exist on that side. */
const EPOCH = /\t(?:1970-01-01 00:00:00(?:\.0+)? [+-]0000|Thu Jan {1,2}1 00:00:00 1970)$/;

/** Reads a patch, a mail with one, a series of mails, or a plain unified diff. */
export function parsePatch(text: string): ParsedPatch {
  return new PatchReader(splitLines(text)).read();
}

class PatchReader {
  private readonly files: FilePatch[] = [];
  private readonly mails: PatchMail[] = [];
  private readonly problems: PatchProblem[] = [];
  private i = 0;

  constructor(private readonly lines: readonly RawLine[]) {}

  read(): ParsedPatch {
    const lines = this.lines;
    // A mail saved as a file (*.eml, or a format-patch mail without its mbox line) starts with headers.
    if (lines.length > 0 && MAIL_FIRST_HEADERS.test(lines[0].text)) this.readMailHeaders(0);
    while (this.i < lines.length) {
      const line = lines[this.i].text;
      if (MBOX_FROM.test(line) && this.i + 1 < lines.length && MAIL_HEADER.test(lines[this.i + 1].text)) {
        this.readMailHeaders(this.i + 1, this.i);
        continue;
      }
      if (line.startsWith('diff --git ')) {
        this.readFile(this.i, true);
        continue;
      }
      // `diff -u old new`, `diff -ruN a/x b/x`, or svn's `Index: x` with its `====` rule: a file follows only when `---`/`+++` do.
      if (/^(diff |Index: |={20,}$)/.test(line)) {
        const start = this.fileHeadersAfter(this.i);
        if (start !== undefined) {
          this.readFile(this.i, false);
          continue;
        }
      }
      if (this.isFileHeaderPair(this.i)) {
        this.readFile(this.i, false);
        continue;
      }
      if (HUNK_HEADER.test(line)) this.problems.push({ line: this.i, message: 'a hunk without the ---/+++ lines that name its file' });
      this.i++;
    }
    return { files: this.files, mails: this.mails, problems: this.problems, lineCount: lines.length };
  }

  /** Whether `--- x` is followed by `+++ y` at `at`. */
  private isFileHeaderPair(at: number): boolean {
    return (this.lines[at]?.text.startsWith('--- ') ?? false) && (this.lines[at + 1]?.text.startsWith('+++ ') ?? false);
  }

  /** The `---` line of a file part introduced at `at` (by a `diff` or `Index:` line), if one follows among its headers. */
  private fileHeadersAfter(at: number): number | undefined {
    for (let j = at + 1; j < Math.min(this.lines.length, at + 4); j++) {
      if (this.isFileHeaderPair(j)) return j;
      if (!/^(={20,}$|diff |Index: |Only in |RCS file|retrieving|Binary files)/.test(this.lines[j].text)) return undefined;
    }
    return undefined;
  }

  private readMailHeaders(from: number, mboxLine = from): void {
    const mail: PatchMail = { headerLine: mboxLine };
    let j = from;
    let name: string | undefined;
    let value = '';
    const flush = () => {
      if (name === undefined) return;
      const decoded = decodeHeader(value.trim());
      const lower = name.toLowerCase();
      if (lower === 'from') mail.from = decoded;
      else if (lower === 'date') mail.date = decoded;
      else if (lower === 'subject') mail.subject = decoded;
      else if (lower === 'message-id') mail.messageId = decoded;
      else if (lower === 'content-transfer-encoding' && /^(quoted-printable|base64)$/i.test(decoded)) {
        this.problems.push({ line: j, message: `the mail body is ${decoded.toLowerCase()} encoded: its patch lines cannot be read as they are (save the mail decoded)` });
      }
      name = undefined;
    };
    for (; j < this.lines.length; j++) {
      const text = this.lines[j].text;
      if (text === '') break;
      if (/^[ \t]/.test(text) && name !== undefined) {
        value += ` ${text.trim()}`;
        continue;
      }
      const m = MAIL_HEADER.exec(text);
      if (!m) break;
      flush();
      name = m[1];
      value = m[2];
    }
    flush();
    this.mails.push(mail);
    this.i = j;
  }

  /** Reads one file's part: its headers, then its hunks. */
  private readFile(start: number, git: boolean): void {
    const lines = this.lines;
    const file: FilePatch = { oldPath: undefined, newPath: undefined, change: 'modified', hunks: [], binary: false, headerLine: start, endLine: start };
    if (this.mails.length > 0) file.mail = this.mails.length - 1;
    let oldName: string | undefined;
    let newName: string | undefined;
    let oldAbsent = false;
    let newAbsent = false;
    let gitHeader = git ? gitHeaderPaths(lines[start].text.slice('diff --git '.length)) : undefined;
    let j = start + (this.isFileHeaderPair(start) ? 0 : 1);
    let renamed = false;
    let copied = false;
    // Extended headers (git), or the lines between a `diff` line and `---`.
    for (; j < lines.length; j++) {
      const text = lines[j].text;
      if (this.isFileHeaderPair(j)) break;
      if (HUNK_HEADER.test(text) || text.startsWith('diff --git ') || (MBOX_FROM.test(text) && MAIL_HEADER.test(lines[j + 1]?.text ?? ''))) break;
      const header = /^(old mode|new mode|deleted file mode|new file mode|copy from|copy to|rename from|rename to|rename old|rename new|similarity index|dissimilarity index|index) ?(.*)$/.exec(text);
      if (header) {
        const [, key, rest] = header;
        if (key === 'new file mode') oldAbsent = true;
        else if (key === 'deleted file mode') newAbsent = true;
        else if (key === 'rename from' || key === 'rename old' || key === 'copy from') oldName = unquote(rest);
        else if (key === 'rename to' || key === 'rename new' || key === 'copy to') newName = unquote(rest);
        if (key.startsWith('rename')) renamed = true;
        if (key.startsWith('copy')) copied = true;
        file.endLine = j;
        continue;
      }
      if (/^Binary files .* differ$/.test(text) || text === 'GIT binary patch') {
        file.binary = true;
        file.endLine = j;
        if (text === 'GIT binary patch') {
          // The literal data runs to the next empty line pair; none of it is text to read.
          while (j + 1 < lines.length && !lines[j + 1].text.startsWith('diff --git ')) {
            j++;
            file.endLine = j;
            if (lines[j].text === '' && (lines[j + 1]?.text ?? '') === '') break;
          }
        }
        continue;
      }
      if (/^(={20,}$|diff |Index: |Only in |RCS file|retrieving)/.test(text) && !git) {
        file.endLine = j;
        continue;
      }
      break;
    }
    if (this.isFileHeaderPair(j)) {
      const oldHeader = lines[j].text.slice(4);
      const newHeader = lines[j + 1].text.slice(4);
      const oldFromHeader = headerPath(oldHeader);
      const newFromHeader = headerPath(newHeader);
      if (oldFromHeader === undefined) oldAbsent = true;
      if (newFromHeader === undefined) newAbsent = true;
      if (EPOCH.test(oldHeader)) oldAbsent = true;
      if (EPOCH.test(newHeader)) newAbsent = true;
      // The ---/+++ names are what git writes for a path with spaces that the diff --git line leaves ambiguous.
      gitHeader = { old: oldFromHeader ?? gitHeader?.old, new: newFromHeader ?? gitHeader?.new };
      file.endLine = j + 1;
      j += 2;
    }
    // rename and copy headers name the paths without prefixes; the others carry git's a/ and b/.
    const [headerOld, headerNew] = withoutPrefixes(gitHeader?.old, gitHeader?.new, git);
    const oldPath = oldName ?? headerOld;
    const newPath = newName ?? headerNew;
    this.i = j;
    // Hunks.
    while (this.i < lines.length) {
      const m = HUNK_HEADER.exec(lines[this.i].text);
      if (!m) break;
      const hunk = this.readHunk(m);
      file.hunks.push(hunk);
      file.endLine = Math.max(file.endLine, this.i - 1);
    }
    const first = file.hunks[0];
    if (first && file.hunks.length === 1 && first.oldStart === 0 && first.oldCount === 0 && !git) oldAbsent = true;
    if (first && file.hunks.length === 1 && first.newStart === 0 && first.newCount === 0 && !git) newAbsent = true;
    file.oldPath = oldAbsent ? undefined : oldPath ?? newPath;
    file.newPath = newAbsent ? undefined : newPath ?? oldPath;
    file.change = oldAbsent ? 'added' : newAbsent ? 'deleted' : copied ? 'copied' : renamed || (git && oldPath !== newPath) ? 'renamed' : 'modified';
    if (file.oldPath === undefined && file.newPath === undefined) {
      this.problems.push({ line: start, message: 'a file part that names no file' });
      return;
    }
    this.files.push(file);
  }

  private readHunk(m: RegExpExecArray): PatchHunk {
    const lines = this.lines;
    const oldStart = Number(m[1]);
    const oldCount = m[2] === undefined ? 1 : Number(m[2]);
    const newStart = Number(m[3]);
    const newCount = m[4] === undefined ? 1 : Number(m[4]);
    const hunk: PatchHunk = { oldStart, oldCount, newStart, newCount, heading: m[5] ?? '', headerLine: this.i, lines: [], oldNoNewlineAtEnd: false, newNoNewlineAtEnd: false };
    // With a count of 0 the start names the line before the (empty) range.
    let oldLine = oldCount === 0 ? oldStart : oldStart - 1;
    let newLine = newCount === 0 ? newStart : newStart - 1;
    let oldLeft = oldCount;
    let newLeft = newCount;
    let last: PatchLine | undefined;
    this.i++;
    while (this.i < lines.length && (oldLeft > 0 || newLeft > 0 || lines[this.i].text.startsWith('\\'))) {
      const raw = lines[this.i];
      const text = raw.text;
      const prefix = text.charAt(0);
      if (prefix === '\\') {
        // `\ No newline at end of file`: about the line before it, on the sides that line is on.
        if (last !== undefined && last.kind !== '+') hunk.oldNoNewlineAtEnd = true;
        if (last !== undefined && last.kind !== '-') hunk.newNoNewlineAtEnd = true;
        this.i++;
        continue;
      }
      // A CRLF file sent with CRLF breaks gives `\r\r\n`: the lone `\r` is part of the line's break, not a line.
      if (text === '' && this.i > 0 && lines[this.i - 1].eol === '\r' && last !== undefined) {
        this.i++;
        continue;
      }
      let kind: PatchLine['kind'];
      if (prefix === ' ' || (text === '' && oldLeft > 0 && newLeft > 0)) kind = ' ';
      else if (prefix === '-' && oldLeft > 0) kind = '-';
      else if (prefix === '+' && newLeft > 0) kind = '+';
      else break;
      const line: PatchLine = { kind, text: text.slice(1), patchLine: this.i };
      if (kind !== '+') {
        line.oldLine = oldLine++;
        oldLeft--;
      }
      if (kind !== '-') {
        line.newLine = newLine++;
        newLeft--;
      }
      hunk.lines.push(line);
      last = line;
      this.i++;
    }
    if (oldLeft > 0 || newLeft > 0) {
      this.problems.push({
        line: hunk.headerLine,
        message: `the hunk ${hunkHeaderText(hunk)} ends early: ${oldLeft} old and ${newLeft} new ${oldLeft + newLeft === 1 ? 'line is' : 'lines are'} missing`,
      });
    }
    return hunk;
  }
}

/** `@@ -12,6 +12,30 @@` */
export function hunkHeaderText(hunk: PatchHunk): string {
  return `@@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@`;
}

/** The path of a `---`/`+++` line: a tab and a time stamp may follow; undefined for /dev/null. */
function headerPath(rest: string): string | undefined {
  let path: string;
  if (rest.startsWith('"')) path = unquote(rest.slice(0, closingQuote(rest) + 1));
  else path = rest.split('\t')[0].replace(/\s+$/, '');
  return path === '/dev/null' ? undefined : path;
}

function closingQuote(text: string): number {
  for (let k = 1; k < text.length; k++) {
    if (text[k] === '\\') k++;
    else if (text[k] === '"') return k;
  }
  return text.length - 1;
}

/**
 * The two paths of `diff --git a/x b/y`. Quoted paths are unambiguous; unquoted ones may hold
 * spaces, and then the split where both halves name the same file (no rename) is taken.
 */
function gitHeaderPaths(rest: string): { old?: string; new?: string } | undefined {
  if (rest.startsWith('"')) {
    const end = closingQuote(rest);
    const old = unquote(rest.slice(0, end + 1));
    const tail = rest.slice(end + 1).trim();
    return { old, new: tail.startsWith('"') ? unquote(tail) : tail };
  }
  const quoted = rest.indexOf(' "');
  if (quoted > 0) return { old: rest.slice(0, quoted), new: unquote(rest.slice(quoted + 1)) };
  const spaces = [...rest.matchAll(/ /g)].map((m) => m.index ?? 0);
  for (const at of spaces) {
    const a = rest.slice(0, at);
    const b = rest.slice(at + 1);
    if (a.replace(/^[^/]*\//, '') === b.replace(/^[^/]*\//, '')) return { old: a, new: b };
  }
  if (spaces.length === 1) return { old: rest.slice(0, spaces[0]), new: rest.slice(spaces[0] + 1) };
  return undefined;
}

/** git's C-style quoting: `"a/caf\303\251 \"x\".service"`. Octal escapes are UTF-8 bytes. */
export function unquote(text: string): string {
  if (!(text.length >= 2 && text.startsWith('"') && text.endsWith('"'))) return text;
  const body = text.slice(1, -1);
  let out = '';
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length === 0) return;
    out += decodeUtf8(bytes);
    bytes.length = 0;
  };
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '"': '"', '\\': '\\' };
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (c !== '\\') {
      flush();
      out += c;
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(k + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      k += 3;
      continue;
    }
    flush();
    const next = body[k + 1] ?? '';
    out += escapes[next] ?? next;
    k++;
  }
  flush();
  return out;
}

/** UTF-8 bytes to text; bytes that are not UTF-8 are kept as U+FFFD. */
function decodeUtf8(bytes: readonly number[]): string {
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return bytes.map((b) => (b < 0x80 ? String.fromCharCode(b) : '\uFFFD')).join('');
  }
}

/**
 * git's `a/` and `b/` (or `--mnemonic-prefix`'s `c/`, `i/`, `w/`, `o/`) taken off; `diff -ruN
 * old/ new/` trees lose their first folder when the rest of the two paths is the same.
 */
function withoutPrefixes(oldName: string | undefined, newName: string | undefined, git: boolean): [string | undefined, string | undefined] {
  const prefix = /^[abciwo]\//;
  if (git) {
    const oldOk = oldName === undefined || prefix.test(oldName);
    const newOk = newName === undefined || prefix.test(newName);
    if (oldOk && newOk) return [oldName?.slice(2), newName?.slice(2)];
    return [oldName, newName];
  }
  const first = (p: string) => p.slice(0, p.indexOf('/') + 1);
  if (oldName !== undefined && newName !== undefined) {
    const a = first(oldName);
    const b = first(newName);
    if (a && b && a !== b && oldName.slice(a.length) === newName.slice(b.length)) return [oldName.slice(a.length), newName.slice(b.length)];
    return [oldName, newName];
  }
  const only = oldName ?? newName;
  const stripped = only !== undefined && /^[ab]\//.test(only) ? only.slice(2) : only;
  return [oldName === undefined ? undefined : stripped, newName === undefined ? undefined : stripped];
}

/** RFC 2047 encoded words (`=?UTF-8?q?...?=`), which `git format-patch` writes for a subject that is not ASCII. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([qQbB])\?([^?]*)\?=/g, (whole, charset: string, encoding: string, text: string) => {
      if (!/^(utf-8|us-ascii|iso-8859-1)$/i.test(charset)) return whole;
      const bytes = encoding.toLowerCase() === 'q' ? qBytes(text) : base64Bytes(text);
      if (bytes === undefined) return whole;
      return /^utf-8$/i.test(charset) ? decodeUtf8(bytes) : latin1Text(bytes);
    });
}

function qBytes(text: string): number[] {
  const bytes: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(k + 1, k + 3))) {
      bytes.push(parseInt(text.slice(k + 1, k + 3), 16));
      k += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return bytes;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(text: string): number[] | undefined {
  const bytes: number[] = [];
  let bits = 0;
  let count = 0;
  for (const c of text.replace(/=+$/, '')) {
    const v = BASE64.indexOf(c);
    if (v < 0) return undefined;
    bits = (bits << 6) | v;
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes.push((bits >> count) & 0xff);
    }
  }
  return bytes;
}
