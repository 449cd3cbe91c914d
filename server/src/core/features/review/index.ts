/**
 * Reviewing a change to units: patches read and applied, and what a change does to each unit it
 * touches (exposure, checks, findings, sandbox). Pure functions; positions are 0-based as in LSP.
 */
export { parsePatch, hunkHeaderText, unquote, type ParsedPatch, type FilePatch, type PatchHunk, type PatchLine, type PatchMail, type PatchProblem, type FileChange } from './patch';
export { textsFromHunks, applyFilePatch, shownLines, rangeInPatch, filePositionAt, sideLines, type HunkText, type HunkTextOptions, type PatchApplication, type PatchSide, type FilePosition } from './patchTexts';
export { hunkSection, sectionLineBefore } from './hunkSections';
export { compareFindings, normalizeMessage, type ReviewFinding } from './findings';
export { sandboxOf, SANDBOX_ASPECTS, type Sandbox, type SandboxAspect, type SandboxInput } from './sandbox';
export { reviewUnit, fileLabel, type ReviewFile, type ReviewSide, type ReviewInput, type UnitReview, type ExposureState, type CheckChange, type CheckState, type DecidingLine } from './review';
export {
  patchReviewInputs, patchTargets, unitFilePatches, unitPathOf, isUnitPath, findingsInPatch,
  type PatchUnit, type PatchFileChange, type PatchInputOptions, type PatchCompanion, type PatchFinding,
} from './fromPatch';
export {
  signedExposure, exposureSummary, exposureLensTitle, withHeadExposure, hunksOnlyNote, checkMark, checkGroups, reportedFindings, CHECK_MARKS_LEGEND, type CheckGroup,
} from './summary';
export { reviewMarkdown, type ReviewMarkdownOptions } from './reviewMarkdown';
export {
  reviewPatchDocument, patchDiagnostics, patchLenses, patchHover, type PatchDocument, type PatchDocumentUnit, type PatchDocumentOptions, type PatchPart, type PatchLens,
} from './patchDocument';
