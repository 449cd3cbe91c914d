/**
 * The exposure score in the editor: a lens on a service's `[Service]` header with the score and
 * level `systemd-analyze security` would give, and the report behind it, a markdown table of every
 * check with each failing one linked to the lines that decide it.
 */
import { appendAll } from '../arrays';
import { UnitModel } from '../model/unitModel';
import type { UnitFiles } from '../rules';
import { assess, formatExposure, levelOf, type AssessResult, type ExposureLevel, type TestResult } from '../security';
import type { Settings } from '../settings';
import type { Fix, Range } from '../types';
import { createUnitDocument, type UnitDocument } from '../unitDocument';
import { applyEdits } from '../edits/apply';
import { uriFileLabel } from '../uriNames';

/**
 * A quick fix the report names, with the line of the finding that offers it (0-based), where the
 * editor offers it as a code action. Without a line it is named, not linked.
 */
export interface ReportFix extends Fix {
  line?: number;
}

/** The command a lens runs; its one argument is the document's URI. */
export const SHOW_SECURITY_REPORT_COMMAND = 'unitguard.showSecurityReport';

export interface SecurityLens {
  /** The `[Service]` header (or the start of the file when it has none). */
  range: Range;
  title: string;
  /** 0..100 (shown /10); undefined when the unit cannot be scored. */
  exposure: number | undefined;
  level: ExposureLevel | undefined;
  /** False when a drop-in is scored without its unit (the unit's own lines are unknown). */
  complete: boolean;
}

/** Whether the document is a service (or a service's drop-in) that has a score. */
function isScoredDocument(document: UnitDocument): boolean {
  const { file } = document;
  if (file.isDropIn) return file.type === 'service' && file.unitName !== undefined;
  if (file.type !== undefined) return file.type === 'service';
  // An unsaved buffer: a service when it has a [Service] section.
  return document.tree.sections.some((s) => s.name === 'Service' && !s.malformed);
}

/**
 * The unit as systemd merges it: a unit file with its drop-ins, or a drop-in with its unit and
 * the unit's other drop-ins (only the drop-ins when the unit is not at hand). Undefined for
 * documents that are not services.
 */
export function securityModel(document: UnitDocument, files: UnitFiles = {}): UnitModel | undefined {
  if (!isScoredDocument(document)) return undefined;
  const dropIns = (files.dropIns ?? []).filter((d) => d.uri !== document.uri);
  if (!document.file.isDropIn) return UnitModel.build(document, dropIns);
  const all = [document, ...dropIns];
  return files.unit ? UnitModel.build(files.unit, all) : UnitModel.fromDropIns(all);
}

/**
 * How the editor scores a unit: for the release the settings target, with their policy, and for
 * the manager the unit's location names (a unit under `systemd/user/` as `--user` would). Without
 * `withLines`, the checks' lines are left empty (see AssessOptions.withLines).
 */
export function scoreOf(model: UnitModel, settings: Readonly<Settings>, withLines = true): AssessResult {
  if (settings.securityPolicyError !== undefined) return { ok: false, error: `the security policy cannot be used: ${settings.securityPolicyError}` };
  return assess(model, {
    systemdVersion: settings.systemdVersion,
    manager: model.manager,
    ...(settings.securityPolicy ? { policy: settings.securityPolicy } : {}),
    ...(withLines ? {} : { withLines: false }),
  });
}

function lensRange(document: UnitDocument): Range {
  const header = document.tree.sections.find((s) => s.name === 'Service' && !s.malformed);
  if (header) return header.headerRange;
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** `9.6 UNSAFE 😨` */
export function exposureText(exposure: number): string {
  const level = levelOf(exposure);
  return `${formatExposure(exposure)} ${level.level} ${level.emoji}`;
}

/** What a score is for: ` · systemd 262`, and ` · Restricted Mode` when no file was read from disk. */
export function scoreContext(settings: Readonly<Settings>): string {
  return ` · systemd ${settings.systemdVersion}${settings.restrictedMode ? ' · Restricted Mode' : ''}`;
}

/** Why only drop-ins are scored. */
function dropInsOnly(settings: Readonly<Settings>): string {
  return settings.restrictedMode ? 'the unit file is not open (Restricted Mode reads no files from disk)' : 'the unit file is not open or not found';
}

/** The lens of a service or service drop-in; undefined for other documents. */
export function securityLens(document: UnitDocument, files: UnitFiles, settings: Readonly<Settings>): SecurityLens | undefined {
  const model = securityModel(document, files);
  if (!model) return undefined;
  const range = lensRange(document);
  // The title says the score alone.
  const result = scoreOf(model, settings, false);
  const context = scoreContext(settings);
  if (!result.ok) return { range, title: `Exposure: not scored (${result.error})${context}`, exposure: undefined, level: undefined, complete: model.complete };
  const suffix = model.complete ? '' : ` (drop-ins only: ${dropInsOnly(settings)})`;
  return { range, title: `Exposure ${exposureText(result.exposure)}${context}${suffix}`, exposure: result.exposure, level: result.level, complete: model.complete };
}

/** Text safe inside a markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>~])/g, '\\$1');
}

/** Text inside a code span in a table cell: a pipe still ends the cell unless escaped. */
function codeCell(text: string): string {
  return text.replace(/`/g, "'").replace(/\|/g, '\\|');
}

/** A link to a line (`file:///…#L12`): VS Code opens the file there. */
function lineLink(uri: string, line: number, text: string): string {
  return `[${cell(text)}](<${uri.replace(/[<>\s]/g, encodeURIComponent)}#L${line}>)`;
}

/**
 * A link to a quick fix offered on a line (`file:///…#L12-fix`), named by its code action's title
 * (a review fix says so, as the light bulb does): the extension's report page applies it.
 */
function fixLink(uri: string, fix: ReportFix): string {
  const title = fix.risk === 'review' ? `${fix.title} — review` : fix.title;
  if (fix.line === undefined) return cell(title);
  return `[${cell(title)}](<${uri.replace(/[<>\s]/g, encodeURIComponent)}#L${fix.line + 1}-fix>)`;
}

function whereCell(test: TestResult, model: UnitModel): string {
  if (test.lines.length > 0) {
    return test.lines.map((l) => lineLink(l.uri, l.range.start.line + 1, `${uriFileLabel(l.uri)}:${l.range.start.line + 1}`)).join(', ');
  }
  if (!(test.scored && (test.badness ?? 0) > 0)) return '';
  // Nothing sets it: point at the [Service] section where the setting would go.
  for (const document of model.documents) {
    const header = document.tree.sections.find((s) => s.name === 'Service' && !s.malformed);
    if (header) {
      const line = header.headerRange.start.line + 1;
      return `not set: ${lineLink(document.uri, line, `[Service] at ${uriFileLabel(document.uri)}:${line}`)}`;
    }
  }
  return 'not set';
}

function mark(test: TestResult): string {
  if (!test.scored) return '–';
  return test.badness === 0 ? '✓' : '✗';
}

const TABLE_HEADER = ['| | Check | Description | Exposure | Where | Quick fix |', '|:-:|---|---|--:|---|---|'];

/**
 * The report behind the lens: the overall score for the target release, then the failing checks
 * (by their share of the score) with what we found, the share, links to the lines involved and the
 * quick fixes that lower them, then the passing and not applicable ones, then how it was scored.
 */
export function securityReportMarkdown(document: UnitDocument, files: UnitFiles, settings: Readonly<Settings>, fixes: readonly ReportFix[] = []): string {
  const model = securityModel(document, files);
  if (!model) return `# Exposure\n\n${cell(uriFileLabel(document.uri))} is not a service, so it has no exposure score.\n`;
  const unitName = model.complete ? (model.unit.file.unitName ?? uriFileLabel(model.unit.uri)) : (document.file.unitName ?? uriFileLabel(document.uri));
  const result = scoreOf(model, settings);
  const out: string[] = [];
  const context = scoreContext(settings);
  const restricted = settings.restrictedMode
    ? ['Restricted Mode: the workspace is not trusted, so only open documents are read. Drop-ins and unit files that are not open, `.unitguardrc` and the security policy it names are not read from disk; trusting the workspace reads them.', '']
    : [];
  if (!result.ok) {
    out.push(`# Exposure of ${cell(unitName)}: not scored${context}`, '', `${cell(result.error)}.`, '', ...restricted);
    return out.join('\n');
  }
  out.push(`# Exposure of ${cell(unitName)}: ${exposureText(result.exposure)}${context}`, '', ...restricted);
  // Only drop-ins: the score is not the unit's, which matters before anything else.
  if (!model.complete) {
    out.push(`${settings.restrictedMode ? 'The unit file is not open' : 'The unit file is not open or not found'}: only its drop-ins (${model.documents.map((d) => lineLink(d.uri, 1, uriFileLabel(d.uri))).join(', ')}) are scored.`, '');
  }
  const failing = result.tests.filter((t) => t.scored && (t.badness ?? 0) > 0);
  const passing = result.tests.filter((t) => t.scored && t.badness === 0);
  const skipped = result.tests.filter((t) => !t.scored);
  out.push(`${failing.length} failing, ${passing.length} passing, ${skipped.length} not applicable.`, '');
  const fixesFor = fixesByCheck(document, files, settings, result, fixes);
  const row = (test: TestResult): string => {
    const exposure = test.scored && test.exposure > 0 ? formatExposure(test.exposure) : '';
    const fixCell = (fixesFor.get(test.id) ?? []).map((fix) => fixLink(document.uri, fix)).join('<br>');
    return `| ${mark(test)} | \`${codeCell(test.id)}\` | ${cell(test.description)} | ${exposure} | ${whereCell(test, model)} | ${fixCell} |`;
  };
  if (failing.length > 0) appendAll(out, [...TABLE_HEADER, ...failing.sort((a, b) => b.exposure - a.exposure).map(row), '']);
  if (passing.length + skipped.length > 0) appendAll(out, ['## Passing and not applicable', '', ...TABLE_HEADER, ...[...passing, ...skipped].map(row), '']);
  const flags = [model.manager === 'user' ? ' --user' : '', settings.securityPolicy ? ' --security-policy=…' : ''].join('');
  out.push(`Scored as \`systemd-analyze security${flags} --offline=yes\` of systemd ${settings.systemdVersion} scores it: 0.0 is fully locked down, 10.0 fully exposed.`, '');
  if (model.manager === 'user') out.push('The unit lives in a `systemd/user/` folder, so it is scored as the per-user manager runs it.', '');
  if (settings.securityPolicy) out.push('Weights and ranges come from the security policy named in `.unitguardrc`.', '');
  const merged = model.complete ? model.documents : [];
  if (merged.length > 1) out.push(`Merged from ${merged.map((d) => lineLink(d.uri, 1, uriFileLabel(d.uri))).join(', ')}.`, '');
  out.push(`Overall exposure level for ${cell(unitName)}: **${exposureText(result.exposure)}**`, '');
  return out.join('\n');
}

/**
 * For each failing check, the quick fixes (offered in the editor on the lines of
 * the hardening pairs) that lower its share of the score.
 */
function fixesByCheck(
  document: UnitDocument,
  files: UnitFiles,
  settings: Readonly<Settings>,
  result: Extract<AssessResult, { ok: true }>,
  fixes: readonly ReportFix[],
): Map<string, ReportFix[]> {
  const byCheck = new Map<string, ReportFix[]>();
  const before = new Map(result.tests.map((t) => [t.id, t.exposure]));
  for (const fix of fixes) {
    let text: string;
    try {
      text = applyEdits(document.tree.text, fix.edits);
    } catch {
      continue;
    }
    const model = securityModel(createUnitDocument(document.uri, text, document.version), files);
    // Only the checks' shares are compared.
    const after = model ? scoreOf(model, settings, false) : undefined;
    if (!after?.ok) continue;
    for (const test of after.tests) {
      if (test.exposure >= (before.get(test.id) ?? 0)) continue;
      const named = byCheck.get(test.id) ?? [];
      if (!named.some((other) => other.title === fix.title)) named.push(fix);
      byCheck.set(test.id, named);
    }
  }
  return byCheck;
}
