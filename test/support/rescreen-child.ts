/**
 * A re-screening worker for the crash test: runs (or resumes) one run on a SQLite file, one
 * small chunk at a time, printing `chunk <cursor>` after each commit and pausing, so that the
 * parent can kill it with SIGKILL in the middle of the run.
 *
 * Usage: tsx test/support/rescreen-child.ts <db file> <signing key path> <run id>
 */
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/core/logger.js';
import { runRescreen } from '../../src/monitoring/run-rescreen.js';
import { createServices } from '../../src/services.js';

const [db, keyPath, runId] = process.argv.slice(2);
const config = loadConfig(
  { PUENTE_CONFIG: undefined },
  { db: db!, 'lists.loadOnStart': false, 'log.level': 'silent', 'audit.signingKeyPath': keyPath! },
);
const services = await createServices(config, createLogger('silent'));
await runRescreen(
  {
    ...services.monitoring.rescreenDeps(),
    chunkSize: 50,
    afterChunk: async (_run, cursor) => {
      process.stdout.write(`chunk ${cursor}\n`);
      await new Promise((resolve) => setTimeout(resolve, 30));
    },
  },
  Number(runId),
);
process.stdout.write('done\n');
await services.close();
