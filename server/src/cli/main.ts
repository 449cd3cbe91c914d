import { runCli } from './run';
import { startCli } from './startCli';

/** The `unitguard` executable: every command (bin/unitguard.js runs `security` from securityMain). */
startCli(runCli);
