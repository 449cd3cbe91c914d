/** list-merge-order: list settings whose lines systemd combines into something else than they say. */
import type { RuleContext } from '../context';

export function checkListMerge(context: RuleContext): void {
  void context;
}
