/**
 * A patch as an editor shows it: each unit it changes reviewed, the change's new findings placed on
 * the patch's own lines, a lens above each unit file's part, and hover on the lines of the hunks
 * with the docs the unit itself would give. The caller reads the files the patch applies to and
 * passes their texts; nothing here reads a file.
 *
 * A hunk found a few lines away from where its header says (the file moved on since the patch was
 * made) is placed by where it is in the text, so a finding on a line of the text lands on the
 * patch line that shows it.
 */
import type { Settings } from '../../settings';
import type { Diagnostic, Position, Range, RelatedInformation } from '../../types';
import { createUnitDocument, type UnitDocument } from '../../unitDocument';
import type { UnitFiles } from '../../rules';
import { hover, type UnitHover } from '../hover';
import { findingsInPatch, patchReviewInputs, type PatchFileChange, type PatchInputOptions, type PatchUnit } from './fromPatch';
import { sectionLineBefore } from './hunkSections';
import type { FilePatch, ParsedPatch } from './patch';
import { applyFilePatch, filePositionAt, rangeInPatch, textsFromHunks, type PatchSide } from './patchTexts';
import { reviewUnit, type ReviewFile, type ReviewSide, type UnitReview } from './review';
import { exposureLensTitle } from './summary';

/** One part of the patch (a file in one patch of a series) with the texts it stands between. */
export interface PatchPart {
  /** The part, with its hunks' line numbers where the hunks are in the texts. */
  file: FilePatch;
  old: ReviewFile | undefined;
  new: ReviewFile | undefined;
}

/** A unit the patch changes, reviewed. */
export interface PatchDocumentUnit {
  /** As `patchReviewInputs` gives it, each part's hunks where they are in the texts. */
  unit: PatchUnit;
  review: UnitReview;
  settings: Settings;
  /** Per file of the unit (as `unit.files`), its parts in order. */
  parts: PatchPart[][];
}

export interface PatchDocument {
  patch: ParsedPatch;
  units: PatchDocumentUnit[];
}

export interface PatchDocumentOptions extends PatchInputOptions {
  /** The URI of a path of the patch (as for `patchReviewInputs`). */
  uriOf: (path: string) => string;
  /** The settings a unit is reviewed with (those of the folder it is in, say). */
  settingsOf: (unit: PatchUnit) => Settings;
}

/** The units of a patch, reviewed, with what an editor needs to show them on the patch. */
export function reviewPatchDocument(patch: ParsedPatch, options: PatchDocumentOptions): PatchDocument {
  const units = patchReviewInputs(patch, options).map((unit): PatchDocumentUnit => {
    const parts = unit.files.map((file) => filePartsOf(unit, file, options.uriOf));
    const aligned: PatchUnit = { ...unit, files: unit.files.map((file, i) => ({ ...file, patches: (parts[i] ?? []).map((p) => p.file) })) };
    const settings = options.settingsOf(unit);
    return { unit: aligned, review: reviewUnit(unit.input, settings), settings, parts };
  });
  return { patch, units };
}

function sideFile(side: ReviewSide, uri: string | undefined): ReviewFile | undefined {
  if (uri === undefined) return undefined;
  if (side.unit?.uri === uri) return side.unit;
  return side.dropIns?.find((d) => d.uri === uri);
}

/** The hunks of a part moved by the offsets at which `applyFilePatch` found them. */
function movedBy(file: FilePatch, offsets: readonly number[]): FilePatch {
  if (offsets.every((o) => o === 0)) return file;
  return {
    ...file,
    hunks: file.hunks.map((hunk, i) => {
      const offset = offsets[i] ?? 0;
      if (offset === 0) return hunk;
      return {
        ...hunk,
        lines: hunk.lines.map((line) => ({
          ...line,
          ...(line.oldLine !== undefined ? { oldLine: line.oldLine + offset } : {}),
          ...(line.newLine !== undefined ? { newLine: line.newLine + offset } : {}),
        })),
      };
    }),
  };
}

/** Each part of a file with the texts before and after it: applied to the full texts, else from its own hunks. */
function filePartsOf(unit: PatchUnit, change: PatchFileChange, uriOf: (path: string) => string): PatchPart[] {
  const before = sideFile(unit.input.before, change.beforeUri);
  const after = sideFile(unit.input.after, change.afterUri);
  const patches = change.patches;
  const named = (path: string | undefined, text: string | undefined, like: ReviewFile | undefined): ReviewFile | undefined =>
    path === undefined || text === undefined ? undefined : { uri: uriOf(path), text, ...(like?.name !== undefined ? { name: like.name } : {}) };
  if (patches.length === 1 && (change.fromHunksOnly || (before === undefined && after !== undefined) || (after === undefined && before !== undefined))) {
    // One part read from its hunks (or a new or deleted file, whose hunks are the whole text): the review's own texts.
    return [{ file: patches[0] as FilePatch, old: before, new: after }];
  }
  if (!change.fromHunksOnly) {
    // The full texts: the parts applied in order to the old text, else taken back out of the new one.
    if (before !== undefined) {
      const parts: PatchPart[] = [];
      let text = before.text;
      for (const file of patches) {
        const applied = applyFilePatch(text, file);
        if (!applied.ok) break;
        parts.push({ file: movedBy(file, applied.offsets), old: named(file.oldPath, text, before), new: named(file.newPath, applied.text, after ?? before) });
        text = applied.text;
      }
      if (parts.length === patches.length) return parts;
    }
    if (after !== undefined) {
      const parts: PatchPart[] = [];
      let text = after.text;
      for (const file of [...patches].reverse()) {
        const undone = applyFilePatch(text, file, 'reverse');
        if (!undone.ok) break;
        parts.unshift({ file: movedBy(file, undone.offsets), old: named(file.oldPath, undone.text, before ?? after), new: named(file.newPath, text, after) });
        text = undone.text;
      }
      if (parts.length === patches.length) return parts;
    }
  }
  // Each part from its own hunks: its line numbers are its own.
  return patches.map((file) => {
    const texts = textsFromHunks(file, { lineBefore: sectionLineBefore });
    const like = after ?? before;
    return { file, old: named(file.oldPath, texts.old?.text, like), new: named(file.newPath, texts.new?.text, like) };
  });
}

// ---------------------------------------------------------------------------
// diagnostics

/**
 * The change's new findings on the patch: on the `+` line (or context line) that shows the
 * finding's line, else on the first line of the file's part. The message starts with the file and
 * its line (`nftables.service:23: ...`); related lines the patch shows point into it, others to
 * the file when it is one on disk. Fixes are left out: they edit the unit, not the patch.
 */
export function patchDiagnostics(document: PatchDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of document.units) {
    for (const placed of findingsInPatch(entry.unit, entry.review.newFindings)) {
      const d = placed.finding.diagnostic;
      const related = (d.related ?? []).flatMap((r) => relatedInPatch(entry, r.uri ?? placed.finding.uri, r));
      out.push({
        range: placed.range,
        severity: d.severity,
        code: d.code,
        ...(d.pairing !== undefined ? { pairing: d.pairing } : {}),
        ...(d.pairings !== undefined ? { pairings: d.pairings } : {}),
        message: `${placed.finding.file}:${d.range.start.line + 1}: ${d.message}`,
        ...(related.length > 0 ? { related } : {}),
        ...(d.unnecessary ? { unnecessary: true } : {}),
        ...(d.deprecated ? { deprecated: true } : {}),
      });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function relatedInPatch(entry: PatchDocumentUnit, uri: string, related: RelatedInformation): RelatedInformation[] {
  for (const parts of entry.parts) {
    const part = [...parts].reverse().find((p) => p.new?.uri === uri);
    if (!part) continue;
    const range = rangeInPatch(part.file, 'new', related.range);
    // No uri: the patch document itself.
    if (range) return [{ range, message: related.message }];
  }
  return uri.startsWith('file:') ? [{ ...related, uri }] : [];
}

// ---------------------------------------------------------------------------
// lenses

export interface PatchLens {
  /** The first line of a unit file's part of the patch. */
  range: Range;
  /** `nftables.service: exposure 9.4 → 2.5 (target 262), from the hunks only` */
  title: string;
  /** The unit's path in the patch, which the review report is asked for by. */
  unitPath: string;
}

/** A lens above each part of the patch that changes a unit's file, with the unit's exposure change. */
export function patchLenses(document: PatchDocument): PatchLens[] {
  const lenses: PatchLens[] = [];
  for (const entry of document.units) {
    const title = exposureLensTitle(entry.review);
    for (const part of entry.parts.flat()) {
      const line = part.file.headerLine;
      lenses.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, title, unitPath: entry.unit.unitPath });
    }
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}

// ---------------------------------------------------------------------------
// hover

const documents = new WeakMap<ReviewFile, UnitDocument>();

function documentOf(file: ReviewFile): UnitDocument {
  let document = documents.get(file);
  if (!document) documents.set(file, (document = createUnitDocument(file.uri, file.text)));
  return document;
}

/** The unit's other files on one side, for the file at `uri`. */
function otherFiles(side: ReviewSide, uri: string): UnitFiles {
  const unit = side.unit && side.unit.uri !== uri ? documentOf(side.unit) : undefined;
  const dropIns = (side.dropIns ?? []).filter((d) => d.uri !== uri).map(documentOf);
  return { ...(unit ? { unit } : {}), dropIns };
}

/**
 * Hover on a line of a hunk (`+`, `-` or context): the hover the unit would give at that place of
 * its text before (`-`) or after the change, its range moved onto the patch.
 */
export function patchHover(document: PatchDocument, position: Position): UnitHover | undefined {
  const files = document.units.flatMap((u) => u.parts.flat().map((p) => p.file));
  const at = filePositionAt(files, position);
  if (!at) return undefined;
  for (const entry of document.units) {
    const part = entry.parts.flat().find((p) => p.file === at.file);
    if (!part) continue;
    const side: PatchSide = at.side;
    const file = part[side];
    if (!file) return undefined;
    const result = hover(documentOf(file), { line: at.line, character: at.character }, entry.settings, otherFiles(side === 'old' ? entry.unit.input.before : entry.unit.input.after, file.uri));
    if (!result) return undefined;
    // A setting that starts on a line the patch does not show (a continued line): the hovered line.
    const shown = part.file.hunks.flatMap((h) => h.lines).find((l) => l.patchLine === position.line);
    const range = rangeInPatch(part.file, side, result.range) ?? { start: { line: position.line, character: 1 }, end: { line: position.line, character: (shown?.text.length ?? 0) + 1 } };
    return { ...result, range };
  }
  return undefined;
}
