/** Launches the system's Chromium through playwright-core (no browser download). */
import { chromium, type Browser } from 'playwright-core';
import type { EditorTools } from './tools';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(tools: EditorTools): Promise<Browser> {
  return chromium.launch({ executablePath: tools.chromium, args: chromiumFlags, timeout: 30_000 });
}
