/** tunables-write-blocked, setuid-helper-blocked, jit-memory-blocked: what command lines do. */
import type { RuleContext } from '../context';

export function checkCommands(context: RuleContext): void {
  void context;
}
