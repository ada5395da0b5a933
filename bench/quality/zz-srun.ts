import { readFileSync } from 'node:fs';
import { runSpeed } from '../screening/run.js';
runSpeed(JSON.parse(readFileSync('/tmp/puente-quick/entries.json', 'utf8')));
