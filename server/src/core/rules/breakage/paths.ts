/** path-blocked: paths the unit evidently reads or writes, against the file system protections. */
import type { RuleContext } from '../context';

export function checkPaths(context: RuleContext): void {
  void context;
}
