/**
 * A hardening plan for a service: the strongest lines of a level that the unit's own evidence
 * allows, written into the unit (under a comment) or into a drop-in, with the exposure score
 * before and after. The plan checks itself with the rules: a line that brings a new error,
 * warning or breakage finding on the planned unit is held back, with the finding as the reason.
 */
import { applyEdits } from '../../edits/apply';
import { insertLinesEdit, replaceValueEdit } from '../../edits/lineEdits';
import type { HardeningLevel } from '../../kb/hardening';
import type { UnitModel } from '../../model/unitModel';
import type { UnitFiles } from '../../rules';
import { findingIdentity } from '../../rules/findingIdentity';
import { ruleGroup } from '../../rules/registry';
import type { Settings } from '../../settings';
import type { Diagnostic, TextEdit } from '../../types';
import { createUnitDocument, trialUnitDocument, type UnitDocument } from '../../unitDocument';
import { diagnose } from '../diagnostics';
import { scoreOf, securityModel } from '../securityLens';
import { candidatesFor, type HeldBackSetting, type PlannedSetting } from './candidates';
import { uriFileName } from '../../uriNames';
import { trimBlanks } from '../../syntax/blanks';

export type { HeldBackSetting, PlannedSetting } from './candidates';

export interface HardenOptions {
  level: HardeningLevel;
  /** Write the plan into the drop-in `NAME.service.d/hardening.conf` instead of the unit. */
  dropIn?: boolean;
  /** Only these settings of the level (by `settingKey`), when a user chose some of them. */
  only?: readonly string[];
}

/** A planned setting's key: `Directive=value`. */
export function settingKey(setting: { directive: string; value: string }): string {
  return `${setting.directive}=${setting.value}`;
}

export interface HardeningPlan {
  level: HardeningLevel;
  /** The file the plan writes: the unit, or its hardening drop-in. */
  uri: string;
  /** Whether that file is a drop-in the unit does not have yet. */
  newFile: boolean;
  /** Its text today ('' for a new drop-in) and with the plan applied. */
  before: string;
  after: string;
  settings: PlannedSetting[];
  heldBack: HeldBackSetting[];
  /** The exposure score (0..100, shown /10) today and with the plan; undefined when the unit cannot be scored. */
  exposureBefore?: number;
  exposureAfter?: number;
  /** Why nothing can be planned (not a service, a drop-in without its unit). */
  problem?: string;
}

/** The drop-in a plan writes with `dropIn`: `hardening.conf` in the unit's `.d` folder. */
export function hardeningDropInUri(unitUri: string): string {
  return `${unitUri}.d/hardening.conf`;
}

/** The comment the plan's new lines go under. */
export function hardeningComment(level: HardeningLevel): string {
  return `# Hardening (unitguard harden --level ${level})`;
}

/** A finding the plan must not bring: an error, a warning, or any breakage finding. */
function blocks(d: Diagnostic): boolean {
  return d.severity === 'error' || d.severity === 'warning' || ruleGroup(d.code) === 'breakage';
}

interface UnitTexts {
  unit: UnitDocument;
  dropIns: readonly UnitDocument[];
}

function filesOf(texts: UnitTexts, document: UnitDocument): UnitFiles {
  return document === texts.unit ? { dropIns: texts.dropIns } : { unit: texts.unit, dropIns: texts.dropIns };
}

/**
 * What the rules find on every file of the unit that blocks a plan, by file. Without fixes: a plan
 * reads none, and on a long unit the fixes the rules would offer take as much as the findings.
 */
function blockingFindings(texts: UnitTexts, settings: Readonly<Settings>): Map<string, Diagnostic[]> {
  const found = new Map<string, Diagnostic[]>();
  for (const document of [texts.unit, ...texts.dropIns]) {
    found.set(document.uri, diagnose(document, settings, filesOf(texts, document)).filter(blocks));
  }
  return found;
}

/** What blocks a plan already, by file: only what identifies each finding is kept, not the findings. */
function blockingIdentities(texts: UnitTexts, settings: Readonly<Settings>): Map<string, Set<string>> {
  return new Map([...blockingFindings(texts, settings)].map(([uri, found]) => [uri, new Set(found.map(findingIdentity))]));
}

function exposureOf(model: UnitModel | undefined, settings: Readonly<Settings>): number | undefined {
  if (!model) return undefined;
  const result = scoreOf(model, settings, false);
  return result.ok ? result.exposure : undefined;
}

/** The edits that write the planned lines into the target document. */
function editsFor(target: UnitDocument, model: UnitModel, planned: readonly PlannedSetting[], level: HardeningLevel): TextEdit[] {
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const setting of planned) {
    const current = setting.from !== undefined ? model.last(setting.directive) : undefined;
    if (current && current.document.uri === target.uri) edits.push(replaceValueEdit(current.entry, setting.value));
    else added.push(`${setting.directive}=${setting.value}`);
  }
  if (added.length > 0) edits.push(insertLinesEdit(target, 'Service', [hardeningComment(level), ...added]));
  return edits;
}

/** The line of the planned target that holds a setting (the last one with its value). */
function lineOf(target: UnitDocument, setting: PlannedSetting): number | undefined {
  let line: number | undefined;
  for (const section of target.tree.sections) {
    if (section.malformed || section.name !== 'Service') continue;
    for (const entry of section.entries) if (entry.key === setting.directive && trimBlanks(entry.value) === setting.value) line = entry.range.start.line;
  }
  return line;
}

/** The planned settings a new finding is about: on their line, naming their line, or naming them. */
function culprits(finding: Diagnostic, uri: string, target: UnitDocument, planned: readonly PlannedSetting[]): PlannedSetting[] {
  const lines = new Map<number, PlannedSetting>();
  for (const setting of planned) {
    const line = lineOf(target, setting);
    if (line !== undefined) lines.set(line, setting);
  }
  const onLine = (where: string, line: number): PlannedSetting | undefined => (where === target.uri ? lines.get(line) : undefined);
  const own = onLine(uri, finding.range.start.line);
  if (own) return [own];
  const related = (finding.related ?? []).flatMap((r) => {
    const hit = onLine(r.uri ?? uri, r.range.start.line);
    return hit ? [hit] : [];
  });
  if (related.length > 0) return related;
  return planned.filter((s) => finding.message.includes(`${s.directive}=`));
}

interface Trial {
  target: UnitDocument;
  texts: UnitTexts;
  model: UnitModel | undefined;
}

/**
 * Plans the hardening of a service. `unit` is the unit file, `dropIns` its drop-ins (a
 * `hardening.conf` among them is the one a drop-in plan adds to).
 */
export function planHardening(unit: UnitDocument, settings: Readonly<Settings>, dropIns: readonly UnitDocument[], options: HardenOptions): HardeningPlan {
  const level = options.level;
  const dropInUri = hardeningDropInUri(unit.uri);
  const existingDropIn = options.dropIn ? dropIns.find((d) => d.uri === dropInUri) : undefined;
  const target = options.dropIn ? (existingDropIn ?? createUnitDocument(dropInUri, '')) : unit;
  const base: HardeningPlan = { level, uri: target.uri, newFile: options.dropIn === true && !existingDropIn, before: target.tree.text, after: target.tree.text, settings: [], heldBack: [] };
  if (unit.file.isDropIn) return { ...base, problem: 'a drop-in is hardened through its unit: name the unit file' };
  const model = securityModel(unit, { dropIns });
  if (!model) return { ...base, problem: 'not a service' };
  const exposureBefore = exposureOf(model, settings);
  const withScore = exposureBefore !== undefined ? { exposureBefore, exposureAfter: exposureBefore } : {};
  const candidates = candidatesFor(model, level, settings.systemdVersion);
  const chosen = options.only ? new Set(options.only) : undefined;
  const planned = chosen ? candidates.planned.filter((s) => chosen.has(settingKey(s))) : candidates.planned;
  const heldBack = chosen ? candidates.heldBack.filter((s) => chosen.has(settingKey(s))) : candidates.heldBack;
  const texts: UnitTexts = { unit, dropIns };
  const seen = planned.length > 0 ? blockingIdentities(texts, settings) : new Map<string, Set<string>>();

  const trial = (kept: readonly PlannedSetting[]): Trial => {
    const text = applyEdits(target.tree.text, editsFor(target, model, kept, level));
    // Only the sections the plan writes in are read again; the others are the target's own.
    const planned = trialUnitDocument(target, text, target.version + 1);
    const newTexts: UnitTexts = options.dropIn
      ? { unit, dropIns: [...dropIns.filter((d) => d.uri !== target.uri), planned].sort((a, b) => uriFileName(a.uri).localeCompare(uriFileName(b.uri))) }
      : { unit: planned, dropIns };
    return { target: planned, texts: newTexts, model: securityModel(newTexts.unit, { dropIns: newTexts.dropIns }) };
  };
  const hold = (setting: PlannedSetting, reason: string): void => {
    heldBack.push({ directive: setting.directive, value: setting.value, level: setting.level, reason });
  };

  const fresh = (texts: UnitTexts): { uri: string; finding: Diagnostic }[] =>
    [...blockingFindings(texts, settings)].flatMap(([uri, found]) => {
      const known = seen.get(uri) ?? new Set<string>();
      return found.filter((d) => !known.has(findingIdentity(d))).map((finding) => ({ uri, finding }));
    });

  let kept = [...planned];
  let current = trial(kept);
  // A single value that a later drop-in sets again would not take effect.
  const overridden = kept.filter((s) => {
    if (isList(current.model, s.directive)) return false;
    const last = current.model?.last(s.directive);
    return last !== undefined && (last.document.uri !== target.uri || trimBlanks(last.entry.value) !== s.value);
  });
  for (const s of overridden) {
    const last = current.model?.last(s.directive);
    hold(s, `${uriFileName(last?.document.uri ?? '')} sets ${s.directive}=${trimBlanks(last?.entry.value) ?? ''} after the planned line`);
  }
  if (overridden.length > 0) {
    kept = kept.filter((s) => !overridden.includes(s));
    current = trial(kept);
  }
  // Each round drops the lines the new findings are about, until the planned unit brings none.
  while (kept.length > 0) {
    const found = fresh(current.texts);
    if (found.length === 0) break;
    const dropped = new Set<PlannedSetting>();
    for (const { uri, finding } of found) {
      for (const s of culprits(finding, uri, current.target, kept)) {
        if (dropped.has(s)) continue;
        dropped.add(s);
        hold(s, `it would bring ${describe(finding)}`);
      }
    }
    if (dropped.size === 0) {
      // No finding names a planned line: try each line alone and drop those that bring one.
      for (const s of kept) {
        const alone = fresh(trial([s]).texts)[0];
        if (alone) {
          dropped.add(s);
          hold(s, `it would bring ${describe(alone.finding)}`);
        }
      }
    }
    if (dropped.size === 0) {
      for (const s of kept) hold(s, `together the planned lines would bring ${describe(found[0].finding)}`);
      kept = [];
    }
    kept = kept.filter((s) => !dropped.has(s));
    current = trial(kept);
  }
  const exposureAfter = exposureOf(current.model, settings);
  return {
    ...base,
    after: kept.length > 0 ? current.target.tree.text : target.tree.text,
    settings: kept,
    heldBack,
    ...withScore,
    ...(exposureAfter !== undefined && kept.length > 0 ? { exposureAfter } : {}),
  };
}

function describe(finding: Diagnostic): string {
  const what = finding.severity === 'error' || finding.severity === 'warning' ? `a ${finding.severity}` : 'a finding';
  return `${what} [${finding.code}]: ${finding.message}`;
}

function isList(model: UnitModel | undefined, directive: string): boolean {
  return model?.named(directive)[0]?.semantics.kind === 'list';
}

