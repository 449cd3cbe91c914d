import { RULES, TOO_MANY_PROBLEMS, type Severity } from '../core';

/** A diagnostic code as a rule of the reports (SARIF's `tool.driver.rules`). */
export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  /** One or two sentences on what the rule finds; empty when unknown. */
  description: string;
}

/** Every code the language service documents, in a stable order. */
export function knownRules(): RuleInfo[] {
  return [
    ...RULES.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description })),
    {
      id: TOO_MANY_PROBLEMS,
      defaultSeverity: 'information',
      description: 'Not a finding: a note before the results of a file that has more problems than --max-problems shows, saying how many of how many are listed (the most severe first).',
    },
  ];
}
