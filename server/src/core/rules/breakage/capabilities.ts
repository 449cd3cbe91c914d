/** capability-void and capability-calls-blocked: capabilities the unit grants that cannot work. */
import type { RuleContext } from '../context';

export function checkCapabilities(context: RuleContext): void {
  void context;
}
