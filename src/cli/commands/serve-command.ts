/**
 * `puente serve`: the HTTP API server on the configured store.
 *
 * @module
 */
import { Command, Option } from 'commander';
import { createLogger } from '../../core/logger.js';
import { createServices } from '../../services.js';
import { startServer } from '../../server.js';
import { configFor, type GlobalOptions } from '../cli-context.js';

/** Builds the `serve` command. */
export function serveCommand(global: () => GlobalOptions): Command {
  return new Command('serve')
    .description('run the HTTP API server (loads the configured lists on first start)')
    .addOption(new Option('--host <host>', 'address to listen on').env('PUENTE_HOST'))
    .addOption(new Option('--port <port>', 'port to listen on').env('PUENTE_PORT'))
    .option('--no-load', 'do not load lists on first start')
    .action(async (options: { host?: string; port?: string; load: boolean }) => {
      const config = configFor(
        { ...global(), logLevel: global().logLevel ?? process.env.PUENTE_LOG_LEVEL ?? 'info' },
        {
          'server.host': options.host,
          'server.port': options.port,
          ...(options.load ? {} : { 'lists.loadOnStart': false }),
        },
      );
      const logger = createLogger(config.log.level);
      const services = await createServices(config, logger);
      const server = await startServer(services);
      process.stdout.write(`Puente listening on ${server.url} (API docs: ${server.url}/docs)\n`);
      const shutdown = async () => {
        await server.close();
        await services.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
    });
}
