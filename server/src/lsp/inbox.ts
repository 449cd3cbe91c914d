/**
 * The messages the connection has handled. The connection reads every message waiting on its
 * transport into a queue and handles one of them per turn of the event loop. Work that should
 * come after the messages already received (publishing diagnostics once for a burst of
 * keystrokes, and after a hover that came in with them) waits for a turn in which none was
 * handled: then the queue is empty. Unlike a timer, this costs no time when nothing is queued.
 */
export class Inbox {
  private handled = 0;

  /** The connection's message strategy calls this after each message it handled. */
  handledOne(): void {
    this.handled++;
  }

  /**
   * Runs `work` after the messages received so far: once a whole turn went by without one
   * handled, or after `maxWaitMs` of a client that never stops sending.
   */
  afterReceived(work: () => void, maxWaitMs = MAX_WAIT_MS): void {
    const until = now() + maxWaitMs;
    // A turn in which `seen` still holds handled nothing: a message waiting would have been.
    const wait = (seen: number): void =>
      nextTurn(() => {
        if (this.handled === seen || now() >= until) work();
        else wait(this.handled);
      });
    wait(this.handled);
  }
}

/** A client sending without pause still gets its diagnostics after this long. */
const MAX_WAIT_MS = 50;

const now = (): number => performance.now();

/** The next turn of the event loop, after the I/O and the messages scheduled before it. */
const nextTurn: (work: () => void) => void = typeof setImmediate === 'function' ? (work) => void setImmediate(work) : (work) => void setTimeout(work, 0);
