/**
 * What a unit's check may hold besides the file checked: the drop-ins read with a unit, or the
 * unit and the other drop-ins read with a drop-in. Each of them is limited to 1 MiB, but a folder
 * may hold hundreds: 400 drop-ins just under 1 MiB each took the CLI and the language server past
 * their heap limit, and Node ends such a process with an abort. A real unit's drop-ins are a few
 * kilobytes, so the files read alongside one unit have a budget in all, of bytes and of lines (a
 * check keeps every line as objects), and their cost counts with the cost of the file checked
 * against the memory the process has left (see memoryRoom.ts). Past either, the check is refused
 * with the numbers, before the file that passes it is parsed.
 *
 * The CLI's commands, `security` and the language server all read a unit's other files through
 * one budget of this kind (unitFiles.ts, securityInput.ts).
 */
import { formatBytes, GuardError } from './guardedFs';
import { checkCost, combinedSize, megabytes, memoryRoom, type UnitSize } from './memoryRoom';

/** Each file read alongside a unit: far more than any drop-in needs. */
export const COMPANION_MAX_BYTES = 1024 * 1024;

/** The files read alongside one unit, in all: bytes. */
export const COMPANIONS_MAX_BYTES = 8 * 1024 * 1024;

/** The files read alongside one unit, in all: lines (about 250 MB to check where fixes are tried, by the estimate). */
export const COMPANIONS_MAX_LINES = 100_000;

/**
 * What each file read alongside a unit may cost besides its lines and bytes: its document, its tree
 * and its place in the unit's model. 99,990 empty drop-ins took about 1.5 KB each; this is that and
 * two thirds as much again, rounded up.
 */
export const BYTES_PER_COMPANION = 2560;

/** The totals of the files read alongside one unit so far, and what they may still take. */
export class CompanionBudget {
  private files = 0;
  /** The files read alongside so far, as one. */
  private size: UnitSize = { bytes: 0, lines: 0, blanks: 0, allBlanks: 0, extraEquals: 0 };

  /**
   * `heldCost`: what checking the file itself may cost (see checkCost); `room`: the memory the
   * check may take in all.
   */
  constructor(
    private readonly heldCost: number = 0,
    private readonly room: number = memoryRoom(),
  ) {}

  /** Counts one more file of this size; throws a GuardError ('too-large') past the budget. */
  take(size: UnitSize): void {
    this.files++;
    this.size = combinedSize(this.size, size);
    if (this.size.bytes > COMPANIONS_MAX_BYTES || this.size.lines > COMPANIONS_MAX_LINES) {
      throw new GuardError(
        `too large to check with its drop-ins: the files read alongside it pass ${COMPANIONS_MAX_LINES.toLocaleString('en-US')} lines or ${formatBytes(COMPANIONS_MAX_BYTES)} in all (${this.held()} so far)`,
        'too-large',
      );
    }
    const cost = this.heldCost + this.files * BYTES_PER_COMPANION + checkCost(this.size);
    if (cost > this.room) {
      throw new GuardError(
        `too large to check with its drop-ins: with the files read alongside it (${this.held()} so far) it may need up to ${megabytes(cost)} of memory, and this process has ${megabytes(this.room)} left (NODE_OPTIONS=--max-old-space-size=MB raises the limit)`,
        'too-large',
      );
    }
  }

  private held(): string {
    return `${this.files.toLocaleString('en-US')} ${this.files === 1 ? 'file' : 'files'} of ${this.size.lines.toLocaleString('en-US')} lines and ${megabytes(this.size.bytes)}`;
  }
}
