/**
 * The findings of a check that shows at most `max` of them (see features/problemLimit.ts), kept
 * as they are reported: the most severe first, then in document order, then in the order they
 * came. A unit with a finding on each of its lines (a setting repeated a hundred thousand times)
 * then holds twice `max` findings at most, not one per line, and what is left out is counted.
 */
import type { RuleLevel } from '../settings';
import type { Diagnostic, Severity } from '../types';

/** The rank of each level the findings are kept by: the most severe first. */
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

interface Held {
  readonly finding: Diagnostic;
  readonly rank: number;
  readonly line: number;
  readonly character: number;
  /** The place in the order the findings came in. */
  readonly order: number;
}

function before(a: Held, b: Held): number {
  return a.rank - b.rank || a.line - b.line || a.character - b.character || a.order - b.order;
}

export class BoundedFindings {
  #held: Held[] = [];
  #order = 0;
  readonly #counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };

  /**
   * `level` is the level each finding is shown at ('off': not shown, not counted); `seen`, when
   * given, sees every finding as it comes, those turned off included.
   */
  constructor(
    readonly max: number,
    private readonly level: (d: Diagnostic) => RuleLevel,
    private readonly seen?: (d: Diagnostic) => void,
  ) {}

  add(finding: Diagnostic): void {
    this.seen?.(finding);
    const level = this.level(finding);
    if (level === 'off') return;
    this.#counts[level]++;
    const start = finding.range.start;
    this.#held.push({ finding, rank: RANK[level], line: start.line, character: start.character, order: this.#order++ });
    // Sorted and cut once twice `max` are held: each finding is sorted a few times at most.
    if (this.#held.length >= 2 * Math.max(1, this.max)) this.#cut();
  }

  /** How many findings are held now: fewer than twice `max` (or one, when `max` is 0). */
  get holding(): number {
    return this.#held.length;
  }

  /** How many findings came, by the level they are shown at. */
  get counts(): Readonly<Record<Severity, number>> {
    return this.#counts;
  }

  /** The findings kept: at most `max`, in the order they came. */
  kept(): Diagnostic[] {
    this.#cut();
    return [...this.#held].sort((a, b) => a.order - b.order).map((h) => h.finding);
  }

  #cut(): void {
    this.#held.sort(before);
    if (this.#held.length > this.max) this.#held.length = this.max;
  }
}
