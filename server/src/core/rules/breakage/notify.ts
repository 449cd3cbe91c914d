/** notify-socket-blocked: readiness and watchdog messages need AF_UNIX. */
import type { RuleContext } from '../context';

export function checkNotifySocket(context: RuleContext): void {
  void context;
}
