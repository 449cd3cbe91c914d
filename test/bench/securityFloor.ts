/**
 * The least any Node program must do to answer `security` over a list of units, scoring nothing:
 * start, read each unit, look for its drop-in folders and for `.unitguardrc` files above it, and
 * write a report of a given size. The benchmark runs it beside `unitguard security` to show how
 * much of that command's time is Node's own:
 *
 *   node securityFloor.js REPORT_BYTES FILE...
 */
import { readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Lists a folder when there is one (most units have no drop-in folder): no exception to throw. */
function listIfThere(folder: string): void {
  if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) readdirSync(folder);
}

function main(args: readonly string[]): void {
  const reportBytes = Number(args[0]);
  const looked = new Set<string>();
  let read = 0;
  for (const file of args.slice(1)) {
    read += readFileSync(file).length;
    const folder = dirname(file);
    const name = basename(file);
    listIfThere(join(folder, `${name.slice(name.lastIndexOf('.') + 1)}.d`));
    listIfThere(join(folder, `${name}.d`));
    for (let dir = folder; !looked.has(dir); dir = dirname(dir)) {
      looked.add(dir);
      statSync(join(dir, '.unitguardrc'), { throwIfNoEntry: false });
    }
  }
  const report = Buffer.alloc(Math.max(reportBytes, 0), 'x');
  for (let at = 0; at < report.length; ) at += writeSync(1, report, at);
  process.stderr.write(`${read}\n`);
}

main(process.argv.slice(2));
