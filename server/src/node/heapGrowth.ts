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
 * that die soon after. Growing to a fifth more than what is live rather than half as much again,
 * their peaks are lower, for some more time: `harden` of the generated 10 MB unit 245–246 → 209–215
 * MB (4.3–5.1 → 4.8–6.3 s), "fix all" of the 1 MB unit 124–134 → 113–117 MB (13.6–14.6 → 14.7–18.0
 * s), JSON output of 400,000 `Nice=` lines 247–260 → 226 MB. At twice what is live they were higher
 * still (`harden` 379 MB where half as much again gave 309, before its plans shrank). A twentieth
 * more than what is live rather than a fifth lowers the peaks of the largest units, where a fifth
 * of what is live is tens of megabytes of garbage: `check` of 105 MB of the corpus's services 707 →
 * 642 MB (28.6 → 25.5 s), of the generated 100 MB unit 921 → 892 MB (23.4 → 26.2 s), `harden` of
 * the generated 10 MB unit 220 → 205 MB (5.8 → 6.5 s); the 1 MB unit's "fix all" stays at 113–117
 * MB and 17.7–18.5 s. A fiftieth saves little more (630 MB).
 */
export function boundCommandHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=5');
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
