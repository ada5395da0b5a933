import { readFileSync } from 'node:fs';
import { runQuality } from './run.js';
runQuality(JSON.parse(readFileSync('/tmp/puente-quick/entries.json', 'utf8')));
