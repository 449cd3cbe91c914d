/**
 * The section a hunk's first lines are in, when the hunk does not show its header: `git diff`
 * shows three lines around a change, and a unit's `[Service]` header is often further up. The
 * lines themselves say it when every setting among them belongs to one section of the unit's
 * type (ProtectSystem= in a service is a [Service] setting); git's hunk heading says it when a
 * diff driver puts the header there. Otherwise the section stays unknown, and the lines are read
 * as systemd would read lines before any header.
 */
import { getDirective } from '../../kb';
import { unitFileInfo, type UnitType } from '../../unitFile';
import type { FilePatch } from './patch';
import { sideLines, type PatchSide } from './patchTexts';

const HEADER = /^\s*\[([^\]]+)\]\s*$/;
const ASSIGNMENT = /^\s*([A-Za-z0-9_.-]+)\s*=/;

/** The keys of a hunk's lines (both sides) before its first section header. */
function keysBeforeHeader(file: FilePatch, hunk: number): string[] {
  const keys: string[] = [];
  for (const side of ['old', 'new'] as const) {
    for (const line of sideLines(file.hunks[hunk], side)) {
      if (HEADER.test(line.text)) break;
      const key = ASSIGNMENT.exec(line.text)?.[1];
      if (key) keys.push(key);
    }
  }
  return keys;
}

/** The one section that accepts every known key for the unit type; undefined when none or several do. */
function sectionOfKeys(keys: readonly string[], type: UnitType | undefined): string | undefined {
  let candidates: Set<string> | undefined;
  for (const key of keys) {
    const rows = getDirective(key)?.rows.filter((r) => type === undefined || r.unitTypes.includes(type));
    if (!rows || rows.length === 0) continue;
    const sections = new Set<string>(rows.map((r) => r.section));
    candidates = candidates ? new Set([...candidates].filter((s) => sections.has(s))) : sections;
  }
  return candidates?.size === 1 ? [...candidates][0] : undefined;
}

/** The section a hunk's first lines are in, as far as the hunk tells; undefined when it does not. */
export function hunkSection(file: FilePatch, hunk: number): string | undefined {
  const heading = HEADER.exec(file.hunks[hunk].heading)?.[1];
  if (heading) return heading;
  const type = unitFileInfo(file.newPath ?? file.oldPath ?? '').type;
  return sectionOfKeys(keysBeforeHeader(file, hunk), type);
}

/** The section in force at the end of a hunk's side: its last header, or the section it starts in. */
function sectionAtEnd(file: FilePatch, hunk: number, side: PatchSide): string | undefined {
  const lines = sideLines(file.hunks[hunk], side);
  for (let i = lines.length - 1; i >= 0; i--) {
    const header = HEADER.exec(lines[i].text)?.[1];
    if (header) return header;
  }
  return hunkSection(file, hunk);
}

/**
 * The `[Section]` line to put above a hunk whose header is not shown (for `textsFromHunks`), or
 * undefined: when the hunk shows no setting before a header, when its section cannot be told, and
 * when the hunk before it ends in that section already.
 */
export function sectionLineBefore(file: FilePatch, hunk: number, side: PatchSide): string | undefined {
  if (keysBeforeHeader(file, hunk).length === 0) return undefined;
  const section = hunkSection(file, hunk);
  if (section === undefined) return undefined;
  if (hunk > 0 && sectionAtEnd(file, hunk - 1, side) === section) return undefined;
  return `[${section}]`;
}
