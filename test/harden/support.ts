/** Shared checks of the hardening tests: a plan applied, checked again and planned once more. */
import { createUnitDocument, type Diagnostic, type HardeningLevel, type HardeningPlan, type Settings, type UnitDocument } from '../../server/src/core';
import { analyze } from '../../server/src/core/features/diagnostics';
import { planHardening } from '../../server/src/core/features/harden';
import { findingIdentity } from '../../server/src/core/rules/findingIdentity';
import { ruleGroup } from '../../server/src/core/rules/registry';

export interface AppliedPlan {
  plan: HardeningPlan;
  /** The unit and its drop-ins with the plan written. */
  unit: UnitDocument;
  dropIns: UnitDocument[];
  /** Blocking findings (error, warning, breakage) the planned unit has that the unit had not. */
  newFindings: Diagnostic[];
  /** What planning again on the planned unit adds. */
  replanned: HardeningPlan;
}

function blocking(unit: UnitDocument, dropIns: readonly UnitDocument[], settings: Settings): Diagnostic[] {
  const found = analyze(unit, settings, { dropIns }).diagnostics;
  for (const d of dropIns) found.push(...analyze(d, settings, { unit, dropIns }).diagnostics);
  return found.filter((d) => d.severity === 'error' || d.severity === 'warning' || ruleGroup(d.code) === 'breakage');
}

/** Plans, writes the plan into the unit's texts, checks the result and plans again on it. */
export function applyPlan(unit: UnitDocument, dropIns: readonly UnitDocument[], settings: Settings, level: HardeningLevel, dropIn = false): AppliedPlan {
  const plan = planHardening(unit, settings, dropIns, { level, dropIn });
  const written = createUnitDocument(plan.uri, plan.after, 1);
  const newUnit = dropIn ? unit : written;
  const newDropIns = dropIn ? [...dropIns.filter((d) => d.uri !== plan.uri), written] : [...dropIns];
  const before = new Set(blocking(unit, dropIns, settings).map(findingIdentity));
  const newFindings = blocking(newUnit, newDropIns, settings).filter((d) => !before.has(findingIdentity(d)));
  const replanned = planHardening(newUnit, settings, newDropIns, { level, dropIn });
  return { plan, unit: newUnit, dropIns: newDropIns, newFindings, replanned };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
