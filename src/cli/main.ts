/**
 * The `puente` command. Every option can also come from a `PUENTE_*` environment variable.
 * Errors are printed once here, with their stable code, and mapped to exit codes.
 *
 * @module
 */
import { Command, CommanderError, Option } from 'commander';
import { PuenteError } from '../core/errors.js';
import type { GlobalOptions } from './cli-context.js';
import { adminCommand } from './commands/admin-command.js';
import { auditCommand } from './commands/audit-command.js';
import { alertsCommand } from './commands/alerts-command.js';
import { portfolioCommand } from './commands/portfolio-command.js';
import { listsCommand } from './commands/lists-command.js';
import { matchCommand } from './commands/match-command.js';
import { screenCommand } from './commands/screen-command.js';
import { serveCommand } from './commands/serve-command.js';
import { webhooksCommand } from './commands/webhooks-command.js';
import { workerCommand } from './commands/worker-command.js';
import { EXIT_CODES, EXIT_UNEXPECTED } from './exit-codes.js';

/** Builds the program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('puente')
    .description(
      'Puente: watchlists and screening for the Colombia–US agreement against drug trafficking',
    )
    .version('0.1.0')
    .addOption(
      new Option(
        '--db <location>',
        'SQLite file path or postgres:// URL (default ./puente.db)',
      ).env('PUENTE_DB'),
    )
    .addOption(
      new Option('--config <file>', 'JSON config file (default ./puente.config.json)').env(
        'PUENTE_CONFIG',
      ),
    )
    .addOption(new Option('--log-level <level>', 'log level for stderr').env('PUENTE_LOG_LEVEL'))
    .exitOverride()
    .showHelpAfterError();
  const global = () => program.opts<GlobalOptions>();
  program.addCommand(serveCommand(global));
  program.addCommand(listsCommand(global));
  program.addCommand(screenCommand(global));
  program.addCommand(matchCommand());
  program.addCommand(adminCommand(global));
  program.addCommand(auditCommand(global));
  program.addCommand(portfolioCommand(global));
  program.addCommand(alertsCommand(global));
  program.addCommand(workerCommand(global));
  program.addCommand(webhooksCommand(global));
  return program;
}

/** Runs the program on `argv`, returning the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    // A command may report a non-error outcome through the exit code (`audit verify`).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 64;
  }
  if (error instanceof PuenteError) {
    process.stderr.write(`puente: error [${error.code}]: ${error.message}\n`);
    return EXIT_CODES[error.code];
  }
  process.stderr.write(
    `puente: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT_UNEXPECTED;
}
