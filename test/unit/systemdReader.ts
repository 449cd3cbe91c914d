/**
 * A deliberately plain model of how systemd reads a unit file (its
 * config_parse() / read_line() / parse_line() control flow), working on whole
 * strings the way the C code does rather than on offsets as the product's
 * parser does. The property tests check the parser against it. It assumes
 * every section name is known, as the parser does not judge section names.
 */

/** systemd's LONG_LINE_MAX (bytes). */
const LIMIT = 1024 * 1024;

export interface SystemdReading {
  /** systemd would refuse to load the file. */
  refused: boolean;
  /** The assignments systemd hands to the settings parsers, in order (up to the failure, if any). */
  assignments: { section: string; key: string; value: string }[];
}

export function readLikeSystemd(text: string): SystemdReading {
  const assignments: SystemdReading['assignments'] = [];
  let section: string | undefined;
  let continuation: string | undefined;
  let bomSeen = false;

  const parseLine = (raw: string): boolean => {
    const l = stripWhitespace(raw);
    if (l === '') return true;
    if (!isCleanUtf8(l)) return false;
    if (l.startsWith('[')) {
      if (!l.endsWith(']') || l.length < 2) return false;
      const name = l.slice(1, -1);
      if (!isSafe(name)) return false;
      section = name;
      return true;
    }
    if (section === undefined) return true; // "Assignment outside of section", ignored
    const e = l.indexOf('=');
    if (e <= 0) return true; // "Missing '='" or "Missing key name", ignored
    assignments.push({ section, key: stripWhitespace(l.slice(0, e)), value: stripWhitespace(l.slice(e + 1)) });
    return true;
  };

  for (const buf of readLines(text)) {
    if (utf8Bytes(buf) >= LIMIT) return { refused: true, assignments };
    const lead = buf.replace(/^[ \t\n\r]+/, '');
    if (lead !== '' && (lead[0] === '#' || lead[0] === ';')) continue;
    let l = buf;
    if (!bomSeen && l.startsWith('\ufeff')) {
      l = l.slice(1);
      bomSeen = true;
    }
    let p: string;
    if (continuation !== undefined) {
      if (utf8Bytes(continuation) + utf8Bytes(l) > LIMIT) return { refused: true, assignments };
      continuation += l;
      p = continuation;
    } else {
      p = l;
    }
    let escaped = false;
    for (const c of p) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
    }
    if (escaped) {
      continuation = p.slice(0, -1) + ' ';
      continue;
    }
    if (!parseLine(p)) return { refused: true, assignments };
    continuation = undefined;
  }
  if (continuation !== undefined && !parseLine(continuation)) return { refused: true, assignments };
  return { refused: false, assignments };
}

/** read_line(): a line ends at \n, \r or NUL; one break holds each of them at most once and ends after a NUL. */
function* readLines(text: string): Generator<string> {
  let i = 0;
  while (i < text.length) {
    let line = '';
    while (i < text.length && !'\n\r\0'.includes(text[i])) line += text[i++];
    const seen = new Set<string>();
    while (i < text.length && '\n\r\0'.includes(text[i]) && !seen.has(text[i]) && !seen.has('\0')) seen.add(text[i++]);
    yield line;
  }
}

function stripWhitespace(s: string): string {
  return s.replace(/^[ \t\n\r]+/, '').replace(/[ \t\n\r]+$/, '');
}

/** string_is_safe(): no control characters, quotes, backslash or DEL. */
function isSafe(s: string): boolean {
  return !/[\x01-\x1f"'\\\x7f]/.test(s);
}

/**
 * utf8_is_valid() on the bytes the text came from: a U+FFFD stands for bytes
 * that did not decode; lone surrogates and noncharacters are refused.
 */
function isCleanUtf8(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0xfffd) return false;
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
    if (cp >= 0xfdd0 && cp <= 0xfdef) return false;
    if ((cp & 0xfffe) === 0xfffe) return false;
  }
  return true;
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s.replace(/[\ud800-\udfff]/gu, '\ufffd'), 'utf8');
}
