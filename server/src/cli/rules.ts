import { RULES, type Severity } from '../core';

/** A diagnostic code as a rule of the reports (SARIF's `tool.driver.rules`). */
export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  /** One or two sentences on what the rule finds; empty when unknown. */
  description: string;
}

/** Every code the language service documents, in a stable order. */
export function knownRules(): RuleInfo[] {
  return RULES.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description }));
}
