import { createUnitDocument, diagnose } from '../core';
import { readUnitFile } from '../node/readUnitFile';
import { formatText } from './formats/text';
import { pathToFileURL } from 'node:url';

function main(argv: string[]): number {
  const [command, ...paths] = argv;
  if (command !== 'check' || paths.length === 0) {
    process.stderr.write('usage: unitguard check PATH...\n');
    return 2;
  }
  let errors = 0;
  for (const path of paths) {
    const unit = createUnitDocument(pathToFileURL(path).href, readUnitFile(path));
    const diagnostics = diagnose(unit);
    errors += diagnostics.filter((d) => d.severity === 'error').length;
    process.stdout.write(formatText(path, diagnostics));
  }
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
