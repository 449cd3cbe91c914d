import { setFlagsFromString } from 'node:v8';

/**
 * After each full collection the engine lets its heap grow to as much as four times what was
 * live before it collects again. Checking a large unit keeps its tree, model and findings while
 * it tries fixes on whole copies of the text that die soon after; at four times, those dead copies
 * pile up to more than twice what is live (a 10 MB unit peaked at 920 MB). Growing to twice what
 * is live bounds that (700 MB) at about the same time; tighter bounds save a little more memory
 * for many more collections. Small checks never reach a full collection, and do not change.
 * Every command bounds it, `harden` too (its plans on the 10 MB unit: 634 MB unbounded, 466 MB),
 * and more tightly (see boundCommandHeapGrowth).
 * The language server bounds it too: each keystroke in a large document leaves such copies, and a
 * 10 MB unit grew the server to 1.6 GB after four keystrokes (0.8 GB bounded).
 */
export function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=100');
}

/**
 * A command runs once and then ends, so it can spend a little more time on collections for a lower
 * peak. The commands that try fixes keep the unit's analysis while they check whole copies of it
 * that die soon after; growing to a fifth more than what is live, their peaks on generated units
 * are lower than at half as much again (`harden` of 10 MB 216–236 → 196–201 MB, JSON output of
 * 400,000 `Nice=` lines 247–260 → 226 MB, "fix all" of 1 MB 125–128 → 114–116 MB), in times
 * within the runs' spread (12–19 s for "fix all" either way). At twice what is live they were
 * higher still (`harden` 379 MB where one and a half times gave 309, before its plans shrank).
 * Plain checks do not change: they make few dead copies.
 */
export function boundCommandHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=20');
}

/**
 * The engine gives short-lived objects a space of their own that starts at 1 MB and doubles, up
 * to 16 MB twice over, while most of them live on; reading a unit keeps nearly all it makes (its
 * tree, its model), so that space grows to its largest and stays so, empty or not, for the rest of
 * the command. Kept at its first size, a check of the 675 corpus units peaks at 77 MB, not 92, and
 * one of a 1 MB unit at 86 MB, not 114, in about the same time. For a process that runs one command.
 */
export function keepYoungSpaceSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
