#!/usr/bin/env node
// Entry point of the `puente` command: runs the compiled CLI (npm run build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/run.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('puente: not built yet; run `npm run build` first\n');
  process.exit(70);
}
await import(main);
