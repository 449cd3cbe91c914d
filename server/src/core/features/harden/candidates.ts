/**
 * The lines a hardening plan starts from: the knowledge base's steps of the level, each checked
 * against the target release and the unit's own lines before anything is tried on the text.
 */
import { directiveRow, valueSince } from '../../kb';
import { directiveDoc } from '../../kb/docs';
import { HARDENING_STEPS, inLevel, type HardeningLevel, type HardeningStep } from '../../kb/hardening';
import type { Assignment, UnitModel } from '../../model/unitModel';
import { IMPLIED_DROPS } from '../../rules/breakage/capabilities';
import { breaksOf } from '../../rules/fixRisk';
import { capabilitySet, isListSetting, normalizeValue, runsAsRoot } from '../../rules/pairings/effects';
import { wordsIn } from '../../rules/values/words';
import { unitFileLabel } from '../../uriNames';
import { trimBlanks } from '../../syntax/blanks';

/** One line the plan writes: a new setting, or a weaker value the unit sets changed. */
export interface PlannedSetting {
  directive: string;
  value: string;
  level: HardeningLevel;
  /** The value the unit sets today, when the plan changes it. */
  from?: string;
  /** What it protects, from the setting's docs. */
  why?: string;
  /** What it may break, from the setting's docs. */
  mayBreak?: string;
  /** The first release that takes the line as written; undefined when every release does. */
  since?: number;
}

/** A line of the level the plan does not write, and why. */
export interface HeldBackSetting {
  directive: string;
  value: string;
  level: HardeningLevel;
  reason: string;
}

export interface Candidates {
  planned: PlannedSetting[];
  heldBack: HeldBackSetting[];
}

/** The first release that takes the line: the setting's own, or a newer one for a value it names. */
export function releaseOf(directive: string, value: string): number | undefined {
  let since = directiveRow(directive, 'Service')?.since;
  for (const word of wordsIn(value)) {
    const text = word.text.replace(/^~/, '');
    if (text === '') continue;
    const valueRelease = valueSince(directive, text);
    if (valueRelease !== undefined && (since === undefined || valueRelease > since)) since = valueRelease;
  }
  return since;
}

/** The steps of a level, the strongest of each single-valued setting only. */
function stepsOf(level: HardeningLevel): HardeningStep[] {
  const steps = HARDENING_STEPS.filter((s) => inLevel(s, level));
  return steps.filter((s, i) => isListSetting(s.directive) || !steps.slice(i + 1).some((later) => later.directive === s.directive));
}

function sameValue(directive: string, a: string, b: string): boolean {
  if (directive === 'UMask') return parseInt(a, 8) === parseInt(b, 8);
  return normalizeValue(directive, a) === normalizeValue(directive, b);
}

/** `Key=value (line N)`, naming the file when the line is in a drop-in of the unit named `unitName`. */
function lineRef(line: Assignment, unitName: string | undefined): string {
  const where = line.document.file.isDropIn ? `${unitFileLabel(line.document.uri, unitName)} line` : 'line';
  return `${line.entry.key}=${trimBlanks(line.entry.value)} (${where} ${line.entry.range.start.line + 1})`;
}

/**
 * Capabilities the unit's own lines say the service needs, with the line that says so: those it
 * grants (AmbientCapabilities=) and those it starts only with (ConditionCapability=, AssertCapability=).
 */
function neededCapabilities(model: UnitModel): Map<string, Assignment> {
  const needed = new Map<string, Assignment>();
  for (const name of ['AmbientCapabilities', 'ConditionCapability', 'AssertCapability']) {
    for (const line of model.effective(name)) {
      for (const word of wordsIn(line.entry.value)) {
        const text = word.text;
        if (/^CAP_[A-Z_]+$/.test(text) && !needed.has(text)) needed.set(text, line);
      }
    }
  }
  return needed;
}

/**
 * The candidate lines for a unit: what the level proposes, less what the target release does not
 * take, what the unit already sets (lists it writes itself, single values it chose), and
 * capabilities it grants.
 */
export function candidatesFor(model: UnitModel, level: HardeningLevel, systemdVersion: number): Candidates {
  const planned: PlannedSetting[] = [];
  const heldBack: HeldBackSetting[] = [];
  const asRoot = runsAsRoot(model);
  const needed = neededCapabilities(model);
  for (const step of stepsOf(level)) {
    let value = step.value;
    const hold = (reason: string): void => void heldBack.push({ directive: step.directive, value, level: step.level, reason });
    const lines = model.effective(step.directive);
    let from: string | undefined;
    if (isListSetting(step.directive)) {
      // The unit's own list says what the service needs; the plan does not add to it.
      if (model.assignments(step.directive).length > 0) continue;
    } else if (lines.length > 0) {
      const current = lines[lines.length - 1];
      const have = trimBlanks(current.entry.value);
      if (sameValue(step.directive, have, value)) continue;
      if (!(step.upgrades ?? []).some((weaker) => sameValue(step.directive, have, weaker))) {
        hold(`the unit sets ${lineRef(current, model.unit.file.unitName)} itself`);
        continue;
      }
      from = have;
    }
    const dropsNeeded = IMPLIED_DROPS.find((d) => d.directive === step.directive)?.capabilities.find((c) => needed.has(c));
    if (dropsNeeded !== undefined) {
      const line = needed.get(dropsNeeded) as Assignment;
      hold(`${lineRef(line, model.unit.file.unitName)} shows the service needs ${dropsNeeded}, which ${step.directive}=${value} drops`);
      continue;
    }
    if (step.dropsCapabilities) {
      const granted = capabilitySet(model, 'AmbientCapabilities') ?? new Set<string>();
      const drops = step.dropsCapabilities.filter((c) => !granted.has(c) && !needed.has(c));
      if (drops.length === 0) continue;
      value = `~${drops.join(' ')}`;
    }
    const since = releaseOf(step.directive, value);
    if (since !== undefined && since > systemdVersion) {
      hold(`needs systemd ${since}; the target release is ${systemdVersion}`);
      continue;
    }
    if (step.unprivilegedOnly && asRoot) {
      hold('the service runs as root: inside a user namespace it would lose its power over the host');
      continue;
    }
    const doc = directiveDoc(step.directive);
    const mayBreak = breaksOf(step.directive, systemdVersion);
    planned.push({
      directive: step.directive,
      value,
      level: step.level,
      ...(from !== undefined ? { from } : {}),
      ...(doc?.protects ? { why: doc.protects } : {}),
      ...(mayBreak ? { mayBreak } : {}),
      ...(since !== undefined ? { since } : {}),
    });
  }
  return { planned, heldBack };
}
