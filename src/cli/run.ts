/**
 * Process entry of the `puente` command (`bin/puente.js` runs the compiled copy).
 *
 * @module
 */
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
