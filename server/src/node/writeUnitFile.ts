/** Writing a unit file or drop-in back to disk: what `check --fix` and `harden` write goes through here. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes a unit's new text; `createFolder` makes its drop-in folder first when it is missing. */
export function writeUnitFile(absolutePath: string, text: string, createFolder = false): void {
  if (createFolder) mkdirSync(dirname(absolutePath), { recursive: true });
  writeFileSync(absolutePath, text, 'utf8');
}
