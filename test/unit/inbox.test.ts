import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Inbox } from '../../server/src/lsp/inbox';

/**
 * A connection as vscode-jsonrpc runs one: the messages read are queued and handled one per turn
 * of the event loop (each on a setImmediate), the inbox told after each.
 */
function queue(inbox: Inbox, log: string[]): { receive: (...messages: Array<string | (() => void)>) => void } {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const next = (): void => {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const handle = waiting.shift();
      try {
        handle?.();
        inbox.handledOne();
      } finally {
        next();
      }
    });
  };
  return {
    receive: (...messages) => {
      for (const message of messages) waiting.push(typeof message === 'string' ? () => void log.push(message) : message);
      next();
    },
  };
}

describe('Inbox: work after the messages received', () => {
  it('runs after every message already queued, not after the first', async () => {
    const inbox = new Inbox();
    const log: string[] = [];
    const connection = queue(inbox, log);
    const done = new Promise<void>((resolve) => {
      // As the change handler does: the first message asks for work once the rest are handled.
      const first = (): void => {
        log.push('change 1');
        inbox.afterReceived(() => resolve(void log.push('publish')));
      };
      connection.receive(first, 'change 2', 'change 3', 'hover', 'change 4');
    });
    await done;
    assert.deepEqual(log, ['change 1', 'change 2', 'change 3', 'hover', 'change 4', 'publish']);
  });

  it('runs within a few turns when nothing is queued', async () => {
    const inbox = new Inbox();
    let turns = 0;
    let counting = true;
    const count = (): void => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    await new Promise<void>((resolve) => inbox.afterReceived(() => resolve()));
    counting = false;
    assert.ok(turns <= 3, `ran after ${turns} turns`);
  });

  it('runs after the longest wait while messages never stop coming', async () => {
    const inbox = new Inbox();
    let sending = true;
    const send = (): void => {
      inbox.handledOne();
      if (sending) setImmediate(send);
    };
    setImmediate(send);
    const started = performance.now();
    await new Promise<void>((resolve) => inbox.afterReceived(() => resolve(), 20));
    sending = false;
    const waited = performance.now() - started;
    assert.ok(waited >= 20, `ran after ${waited.toFixed(1)} ms, before the 20 ms wait was over`);
  });
});
