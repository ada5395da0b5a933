/**
 * `puente worker`: works the job queue — re-screening runs, webhook and e-mail deliveries and
 * the scheduled list refresh — until stopped. Run as many as needed beside `puente serve` on
 * one PostgreSQL (pg-boss gives each job to one of them) or on one SQLite file.
 *
 * @module
 */
import { Command, Option } from 'commander';

import { createLogger } from '../../core/logger.js';
import { startWorker } from '../../jobs/worker.js';
import { createServices } from '../../services.js';
import { configFor, type GlobalOptions } from '../cli-context.js';

/** Seconds between delivery sweeps (retries falling due). */
const DEFAULT_SWEEP_SECONDS = 60;

/** Builds the `worker` command. */
export function workerCommand(global: () => GlobalOptions): Command {
  return new Command('worker')
    .description(
      'run background jobs: re-screening, notification deliveries, scheduled list refresh',
    )
    .addOption(
      new Option('--refresh-minutes <minutes>', 'minutes between list refreshes (0: none)').env(
        'PUENTE_LIST_REFRESH_MINUTES',
      ),
    )
    .option(
      '--sweep-seconds <seconds>',
      'seconds between delivery sweeps',
      String(DEFAULT_SWEEP_SECONDS),
    )
    .action(async (options: { refreshMinutes?: string; sweepSeconds: string }) => {
      const config = configFor(
        { ...global(), logLevel: global().logLevel ?? process.env.PUENTE_LOG_LEVEL ?? 'info' },
        { 'monitoring.listRefreshMinutes': options.refreshMinutes },
      );
      const sweepSeconds = Number(options.sweepSeconds);
      if (!Number.isInteger(sweepSeconds) || sweepSeconds < 1 || sweepSeconds > 3600) {
        throw new Error('--sweep-seconds must be a whole number from 1 to 3600');
      }
      const logger = createLogger(config.log.level);
      const services = await createServices(config, logger);
      const worker = await startWorker(
        services.jobs,
        {
          listRefreshMinutes: config.monitoring.listRefreshMinutes,
          deliverySweepSeconds: sweepSeconds,
        },
        (error) => {
          logger.error({ err: error }, 'scheduling jobs failed');
        },
      );
      process.stdout.write(
        `Puente worker running (${services.jobs.kind} queue on ${services.store.kind})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await worker.stop();
      await services.close();
      process.stdout.write('Puente worker stopped\n');
    });
}
