/** device-blocked: devices the unit evidently uses, against the device protections. */
import type { RuleContext } from '../context';

export function checkDevices(context: RuleContext): void {
  void context;
}
