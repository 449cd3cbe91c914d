/**
 * Breakage rules: findings decided from evidence in the unit and its drop-ins that a protection
 * will stop something the service evidently does. Each names the hardening line and the evidence.
 */
import type { RuleContext } from '../context';
import { checkCapabilities } from './capabilities';
import { checkCommands } from './commands';
import { checkDevices } from './devices';
import { checkNotifySocket } from './notify';
import { checkPaths } from './paths';

export { keepSplits, releaseCommandLines } from './commandLines';

/** The classes of breakage, each a check of its own (the evidence rules try a fix on the classes it concerns). */
export const BREAKAGE_CHECKS: readonly ((context: RuleContext) => void)[] = [checkNotifySocket, checkCapabilities, checkPaths, checkDevices, checkCommands];

export function checkBreakage(context: RuleContext): void {
  for (const check of BREAKAGE_CHECKS) check(context);
}
