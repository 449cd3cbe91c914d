/**
 * The UnitGuard language service: pure functions from a unit file's text to
 * plain results. Nothing here touches the editor, the LSP connection, the
 * file system or processes, so the node server, a browser worker, the CLI and
 * the tests all run this same code.
 */
export * from './types';
export { DEFAULT_SETTINGS, SYSTEMD_VERSION_RANGE, type Settings } from './settings';
export { parse } from './syntax/parser';
export { reparse } from './syntax/reparse';
export type { SyntaxTree, Section, Entry, Comment, ValueSegment } from './syntax/syntaxTree';
export { allEntries } from './syntax/syntaxTree';
export { LineIndex } from './syntax/lineIndex';
export { parseProblems, type ParseProblemCode } from './syntax/parseProblems';
export { dropInFolderNames, dropInsRead, unitFileInfo, UNIT_TYPES, type UnitType, type UnitFileInfo } from './unitFile';
export { createUnitDocument, revisedUnitDocument, unitDocumentOf, type UnitDocument } from './unitDocument';
export { analyze, diagnose, diagnoseLimited, type Analysis, type LimitedDiagnostics } from './features/diagnostics';
export { DEFAULT_MAX_PROBLEMS, groupedDigits, leftOutMessage, TOO_MANY_PROBLEMS } from './features/problemLimit';
export { withFixes, diagnoseWithFixes, diagnoseWithFixesLimited } from './features/fixes/tryFixes';
export { EvidenceCache } from './rules/evidence';
export { documentSymbols, type UnitSymbol } from './features/documentSymbols';
export { foldingRanges, type UnitFoldingRange } from './features/foldingRanges';
export { complete, resolveCompletion, isCompletionData, COMPLETION_TRIGGER_CHARACTERS, TRIGGER_SUGGEST, type UnitCompletionItem, type UnitCompletionKind, type CompletionContext, type CompletionData, type CompletionDocKind } from './features/completion';
export { hover, type UnitHover } from './features/hover';
export { cursorContext, type CursorContext } from './features/cursorContext';
export { type RuleLevel, type RuleOverrides } from './settings';
export { RULES, ruleInfo, isConfigurableId, type RuleInfo, type RuleGroup } from './rules/registry';
export { type UnitFiles, explain } from './rules';
export { applyRuleOverrides, readRuleOverrides, mergeRuleOverrides, parseRuleLevel } from './config/overrides';
export { readRcConfig, combineRcConfigs, RC_FILE_NAME, type RcConfig } from './config/rcFile';
export { applyEdits, minimalEdit } from './edits/apply';
export { fixAll, safeFixes, type FixAllResult } from './features/fixes/fixAll';
export { unifiedDiff } from './features/fixes/diff';
export * from './features/review';
export * from './features/harden';
