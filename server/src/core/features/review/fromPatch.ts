/**
 * From a patch to the units it changes: each unit with its old and new texts, ready for
 * `reviewUnit`. Where the caller has a file's full text (the workspace's copy, the file on disk),
 * the hunks are applied to it (or, when it already holds the change, taken back out of it); where
 * it has not, the texts are built from the hunks alone.
 */
import type { Range } from '../../types';
import { unitFileInfo } from '../../unitFile';
import type { ReviewFinding } from './findings';
import { sectionLineBefore } from './hunkSections';
import type { FilePatch, ParsedPatch } from './patch';
import { applyFilePatch, rangeInPatch, textsFromHunks, type PatchSide } from './patchTexts';
import { fileLabel, type ReviewFile, type ReviewInput } from './review';

/** A file the caller has at hand, by its path in the patch. */
export interface PatchCompanion {
  path: string;
  text: string;
}

export interface PatchInputOptions {
  /**
   * Full texts of files as they are now, by their path in the patch (`nftables.service`, with
   * git's `a/`/`b/` taken off): the hunks are applied to them. Files not given are built from the
   * hunks alone.
   */
  texts?: ReadonlyMap<string, string>;
  /**
   * Files of a unit that the patch does not change (its other drop-ins, or the unit file when only
   * a drop-in changes), by the unit's path (`unitPathOf`): they are the same on both sides.
   */
  companions?: ReadonlyMap<string, readonly PatchCompanion[]>;
  /** The URI of a path of the patch; `file:///PATH` by default. */
  uriOf?: (path: string) => string;
}

/** One file of a unit as the patch changes it. */
export interface PatchFileChange {
  /** The file's parts of the patch, in order (several in a series of mails). */
  patches: FilePatch[];
  /** The path after the change (before, for a deleted file). */
  path: string;
  beforeUri: string | undefined;
  afterUri: string | undefined;
  /** The texts come from the hunks alone (for a new or deleted file, the hunks are the whole file). */
  fromHunksOnly: boolean;
}

/** A unit the patch changes, with what `reviewUnit` needs. */
export interface PatchUnit {
  /** The unit file's path (for drop-ins alone, the path their unit would have). */
  unitPath: string;
  files: PatchFileChange[];
  input: ReviewInput;
  /** Some text comes from the hunks alone: lines the hunks do not show are unknown. */
  fromHunksOnly: boolean;
  /** Things to tell (the patch is already applied to a file, so it was taken back out of it). */
  notes: string[];
  /** A file's hunks do not apply to the text given for it: that file was read from its hunks. */
  errors: string[];
}

/** Whether a path of a patch is a unit file, a `.in` template or a drop-in. */
export function isUnitPath(path: string): boolean {
  return unitFileInfo(path).type !== undefined;
}

/** The path of the unit a file belongs to: a drop-in's unit (`x/foo.service.d/a.conf` → `x/foo.service`), else the file itself. */
export function unitPathOf(path: string): string {
  const info = unitFileInfo(path);
  if (!info.isDropIn) return path;
  const folder = path.slice(0, Math.max(0, path.lastIndexOf('/')));
  if (info.unitName === undefined) return folder;
  const above = folder.slice(0, Math.max(0, folder.lastIndexOf('/')));
  return above === '' ? info.unitName : `${above}/${info.unitName}`;
}

/** The file parts of a patch that change unit files (binary changes left out). */
export function unitFilePatches(patch: ParsedPatch): FilePatch[] {
  return patch.files.filter((f) => !f.binary && isUnitPath(f.newPath ?? f.oldPath ?? ''));
}

/** The paths whose full texts `patchReviewInputs` would apply the patch to (ask for these). */
export function patchTargets(patch: ParsedPatch): string[] {
  const paths = new Set<string>();
  for (const f of unitFilePatches(patch)) {
    if (f.oldPath !== undefined) paths.add(f.oldPath);
    if (f.newPath !== undefined) paths.add(f.newPath);
  }
  return [...paths];
}

interface FileTexts {
  before: ReviewFile | undefined;
  after: ReviewFile | undefined;
  fromHunksOnly: boolean;
  note?: string;
  error?: string;
}

function fromHunks(file: FilePatch, uriOf: (path: string) => string, name: string): FileTexts {
  const texts = textsFromHunks(file, { lineBefore: sectionLineBefore });
  const side = (path: string | undefined, t: typeof texts.old): ReviewFile | undefined =>
    path === undefined || t === undefined ? undefined : { uri: uriOf(path), text: t.text, name, ...(t.whole ? {} : { shownLines: t.shown }) };
  return { before: side(file.oldPath, texts.old), after: side(file.newPath, texts.new), fromHunksOnly: true };
}

/** The texts of one file through its parts of the patch, applied in order to the full text when there is one. */
function fileTexts(patches: readonly FilePatch[], options: PatchInputOptions, uriOf: (path: string) => string): FileTexts {
  const first = patches[0] as FilePatch;
  const last = patches[patches.length - 1] as FilePatch;
  const name = fileLabel(uriOf(last.newPath ?? last.oldPath ?? ''));
  const texts = options.texts;
  const beforePath = first.oldPath;
  const afterPath = last.newPath;
  // A new file's hunks are the whole file; so are a deleted file's.
  if (patches.length === 1 && first.change === 'added') return fromHunks(first, uriOf, name);
  const given = beforePath !== undefined ? texts?.get(beforePath) : undefined;
  if (given !== undefined) {
    let text = given;
    let failure: string | undefined;
    for (const p of patches) {
      const applied = applyFilePatch(text, p);
      if (!applied.ok) {
        failure = applied.message;
        break;
      }
      text = applied.text;
    }
    if (failure === undefined) {
      return {
        before: { uri: uriOf(beforePath as string), text: given, name },
        after: afterPath === undefined ? undefined : { uri: uriOf(afterPath), text, name },
        fromHunksOnly: false,
      };
    }
    // The file may hold the change already (the patch was applied, or the commit is checked out).
    const now = afterPath !== undefined ? texts?.get(afterPath) : undefined;
    if (now !== undefined) {
      let old = now;
      let undone = true;
      for (const p of [...patches].reverse()) {
        const back = applyFilePatch(old, p, 'reverse');
        if (!back.ok) {
          undone = false;
          break;
        }
        old = back.text;
      }
      if (undone) {
        return {
          before: { uri: uriOf(beforePath as string), text: old, name },
          after: { uri: uriOf(afterPath as string), text: now, name },
          fromHunksOnly: false,
          note: `${afterPath} already holds the change: it is reviewed against the text the patch takes back out`,
        };
      }
    }
    if (patches.length === 1) return { ...fromHunks(first, uriOf, name), error: `the patch does not apply to ${beforePath}: ${failure}; read from the hunks only` };
    return { ...fromHunks(last, uriOf, name), error: `the patches do not apply to ${beforePath}: ${failure}; the last one is read from its hunks only` };
  }
  if (patches.length === 1 && first.change === 'deleted') return fromHunks(first, uriOf, name);
  // From the hunks alone, a series cannot be put together: the last change to the file is read.
  const read = fromHunks(last, uriOf, name);
  return patches.length > 1 ? { ...read, note: `${afterPath ?? beforePath} is changed by ${patches.length} patches and its text is not at hand: only the last one is read, from its hunks` } : read;
}

/**
 * The units a patch changes, in the order the patch first touches them, each with its old and new
 * texts. Files that are not units are left out.
 */
export function patchReviewInputs(patch: ParsedPatch, options: PatchInputOptions = {}): PatchUnit[] {
  const uriOf = options.uriOf ?? ((path: string) => `file:///${path.replace(/^\/+/, '')}`);
  // Parts of the same file (a series of mails) are put together: a rename carries the file on.
  const byFile = new Map<string, FilePatch[]>();
  for (const file of unitFilePatches(patch)) {
    const chain = file.oldPath !== undefined ? [...byFile.entries()].find(([, list]) => list[list.length - 1]?.newPath === file.oldPath) : undefined;
    if (chain) {
      byFile.delete(chain[0]);
      byFile.set(file.newPath ?? file.oldPath ?? '', [...chain[1], file]);
    } else byFile.set(file.newPath ?? file.oldPath ?? '', [file]);
  }
  const units = new Map<string, PatchUnit>();
  for (const [path, patches] of byFile) {
    const unitPath = unitPathOf(path);
    let unit = units.get(unitPath);
    if (!unit) {
      unit = { unitPath, files: [], input: { before: {}, after: {} }, fromHunksOnly: false, notes: [], errors: [] };
      units.set(unitPath, unit);
    }
    const texts = fileTexts(patches, options, uriOf);
    const isUnitFile = path === unitPath;
    for (const [side, file] of [['before', texts.before], ['after', texts.after]] as const) {
      if (!file) continue;
      const target = unit.input[side];
      if (isUnitFile) target.unit = file;
      else target.dropIns = [...(target.dropIns ?? []), file];
    }
    unit.files.push({ patches, path, beforeUri: texts.before?.uri, afterUri: texts.after?.uri, fromHunksOnly: texts.fromHunksOnly });
    if (texts.fromHunksOnly && (texts.before?.shownLines || texts.after?.shownLines)) unit.fromHunksOnly = true;
    if (texts.note) unit.notes.push(texts.note);
    if (texts.error) unit.errors.push(texts.error);
  }
  for (const unit of units.values()) addCompanions(unit, options, uriOf);
  return [...units.values()];
}

/** The unit's files the patch leaves alone, the same on both sides. */
function addCompanions(unit: PatchUnit, options: PatchInputOptions, uriOf: (path: string) => string): void {
  const changed = new Set(unit.files.flatMap((f) => f.patches.flatMap((p) => [p.oldPath, p.newPath])));
  for (const companion of options.companions?.get(unit.unitPath) ?? []) {
    if (changed.has(companion.path)) continue;
    const file: ReviewFile = { uri: uriOf(companion.path), text: companion.text };
    for (const side of [unit.input.before, unit.input.after]) {
      if (companion.path === unit.unitPath) side.unit ??= file;
      else side.dropIns = [...(side.dropIns ?? []), file];
    }
  }
}

/** A finding of the review placed on the patch document. */
export interface PatchFinding {
  finding: ReviewFinding;
  /** The file's part of the patch the finding is placed in. */
  patch: FilePatch;
  /** Where in the patch document: on the patch line that shows the finding's line, else on the file's first header line. */
  range: Range;
  /** The patch shows the finding's line (as an added, removed or context line). */
  shown: boolean;
  /** The line is one the patch adds (`+`); for findings on the old side, one it removes (`-`). */
  changed: boolean;
}

/**
 * Places findings (new ones on the `new` side, resolved ones on the `old` side) on the lines of the
 * patch that show them, for an editor that shows the patch itself.
 */
export function findingsInPatch(unit: PatchUnit, findings: readonly ReviewFinding[], side: PatchSide = 'new'): PatchFinding[] {
  const placed: PatchFinding[] = [];
  for (const finding of findings) {
    const file = unit.files.find((f) => (side === 'new' ? f.afterUri : f.beforeUri) === finding.uri);
    if (!file) continue;
    const patch = (side === 'new' ? file.patches[file.patches.length - 1] : file.patches[0]) as FilePatch;
    const range = rangeInPatch(patch, side, finding.diagnostic.range);
    const kind = side === 'new' ? '+' : '-';
    const line = range ? patch.hunks.flatMap((h) => h.lines).find((l) => l.patchLine === range.start.line) : undefined;
    placed.push({
      finding,
      patch,
      range: range ?? { start: { line: patch.headerLine, character: 0 }, end: { line: patch.headerLine, character: 0 } },
      shown: range !== undefined,
      changed: line?.kind === kind,
    });
  }
  return placed;
}
