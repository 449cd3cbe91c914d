import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { EXIT } from './command';

/** Something to wait on for a millisecond while a full pipe is drained by its reader. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Error codes that mean the reader is gone: a pipe's (EPIPE), a socket's, as Node gives its child
 * processes (ECONNRESET), and a closed pipe as Windows reports it (EOF).
 */
const READER_GONE: ReadonlySet<string> = new Set(['EPIPE', 'ECONNRESET', 'EOF']);

export function readerGone(error: unknown): boolean {
  return READER_GONE.has(String((error as NodeJS.ErrnoException | undefined)?.code));
}

/**
 * Writes all of `text` to the file descriptor before it returns; false when the reader is gone,
 * and any other write error (a full disk, EIO) thrown. Node's own stdout gives a pipe what it
 * takes at once and queues the rest in memory until the program returns to the event loop, and a
 * command runs from start to end without returning to it: the report of a large check read
 * through a pipe (by a CI runner, `| less`) was all held at once, on top of the check (a 60 MB
 * report doubled the peak, 366 → 720 MB). Waiting for the reader keeps one chunk at a time.
 */
export function writeAll(fd: number, text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (readerGone(error)) return false;
      throw error;
    }
  }
  return true;
}

/**
 * A writer to the process's stdout (1) or stderr (2) that returns false once the reader is gone,
 * and throws what else goes wrong. A Windows console keeps the stream: it needs the stream's own
 * encoding to show text beyond ASCII, and a console is never a full pipe. A failure there arrives
 * after the write, when nothing can be said any more: it only sets the exit code (2).
 */
export function processWriter(fd: 1 | 2): (text: string) => boolean {
  if (process.platform !== 'win32' || !isatty(fd)) return (text) => writeAll(fd, text);
  const stream = fd === 1 ? process.stdout : process.stderr;
  let open = true;
  stream.on('error', (error) => {
    open = false;
    if (!readerGone(error)) process.exitCode = EXIT.failure;
  });
  return (text) => {
    if (open) stream.write(text);
    return open;
  };
}
