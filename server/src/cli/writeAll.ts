import { writeSync } from 'node:fs';

/** Something to wait on for a millisecond while a full pipe is drained by its reader. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to the file descriptor before it returns; false when the reader is gone.
 * Node's own stdout gives a pipe what it takes at once and queues the rest in memory until the
 * program returns to the event loop, and a command runs from start to end without returning to
 * it: the report of a large check read through a pipe (by a CI runner, `| less`) was all held at
 * once, on top of the check (a 60 MB report doubled the peak, 366 → 720 MB). Waiting for the
 * reader keeps one chunk at a time.
 */
export function writeAll(fd: number, text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      // A pipe's reader is gone (EPIPE); a socket's, as Node gives its child processes (ECONNRESET).
      if (code === 'EPIPE' || code === 'ECONNRESET') return false;
      throw error;
    }
  }
  return true;
}
