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

const CLASSES: readonly ((context: RuleContext) => void)[] = [checkNotifySocket, checkCapabilities, checkPaths, checkDevices, checkCommands];

export function checkBreakage(context: RuleContext): void {
  for (const check of CLASSES) check(context);
}
