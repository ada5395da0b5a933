/**
 * `puente screen`: one name, or a whole file (`--file`) on every core with resume.
 *
 * @module
 */
import { Command, Option } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { runBatchFile } from '../../screening/batch/run-batch.js';
import type { ScreeningOptions, ScreeningQuery } from '../../screening/screening-types.js';
import type { EntityType } from '../../watchlist/watchlist-entry.js';
import { withServices, type GlobalOptions } from '../cli-context.js';
import { formatScreening } from '../format-screening.js';
import { printJson, printLines } from '../output.js';
import { createProgress } from '../progress.js';

interface ScreenFlags {
  readonly dob?: string;
  readonly country?: string;
  readonly document?: string;
  readonly type?: string;
  readonly threshold?: string;
  readonly limit?: string;
  readonly source?: string[];
  readonly program?: string[];
  readonly entityType?: string[];
  readonly inCountry?: string[];
  readonly file?: string;
  readonly out?: string;
  readonly workers?: string;
  readonly json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value.split(',').map((v) => v.trim()),
];

/** Builds the `screen` command. */
export function screenCommand(global: () => GlobalOptions): Command {
  return new Command('screen')
    .description(
      'screen a person or company against every current list (or a whole file with --file)',
    )
    .argument('[name]', 'the name to screen')
    .option('--dob <date>', 'date of birth or registration: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--country <country>', 'nationality or country (name or ISO code)')
    .option('--document <number>', 'identity document: cédula, NIT, passport, …')
    .option('--type <type>', 'individual, entity, vessel or aircraft')
    .addOption(
      new Option('--threshold <score>', 'minimum score 0..1 (default 0.80)').env(
        'PUENTE_SCREEN_THRESHOLD',
      ),
    )
    .option('--limit <n>', 'most matches per name (default 10)')
    .option('--source <ids>', 'only these lists (repeatable or comma-separated)', collect)
    .option(
      '--program <codes>',
      'only these programs, e.g. SDNT,SDNTK,ILLICIT-DRUGS-EO14059',
      collect,
    )
    .option('--entity-type <types>', 'only these entity types', collect)
    .option('--in-country <countries>', 'only entries linked to these countries', collect)
    .option(
      '--file <path>',
      'CSV (name, dob, country, document, type columns) or JSON lines to screen',
    )
    .option(
      '--out <path>',
      'write batch results here (CSV, or JSON lines with --json); re-run to resume',
    )
    .option('--workers <n>', 'worker threads for --file (default: every core)')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, flags: ScreenFlags) => {
      const options = screeningOptions(flags);
      if (flags.file !== undefined) {
        await screenFile(global, flags.file, flags, options);
        return;
      }
      if (name === undefined) {
        throw new ValidationError('give a name to screen, or --file', { field: 'name' });
      }
      await withServices(global(), async (services) => {
        const result = await services.screening.screen(singleQuery(name, flags), options);
        if (flags.json === true) {
          printJson(result);
        } else {
          printLines(formatScreening(name, result));
        }
      });
    });
}

async function screenFile(
  global: () => GlobalOptions,
  file: string,
  flags: ScreenFlags,
  options: ScreeningOptions,
): Promise<void> {
  const format = flags.json === true ? 'jsonl' : 'csv';
  const progress = createProgress(flags.out !== undefined);
  const summary = await withServices(global(), async (services) => {
    const entries = await services.screening.currentEntries();
    return runBatchFile(entries, {
      input: file,
      format,
      options,
      ...(flags.out === undefined
        ? { write: (text: string) => process.stdout.write(text) }
        : { output: flags.out }),
      ...(flags.workers === undefined ? {} : { workers: positiveInt(flags.workers, 'workers') }),
      onProgress: (done, total) => {
        progress.step(done, total);
      },
    });
  });
  progress.stop();
  const lines = [
    `screened ${summary.rows} rows in ${summary.seconds.toFixed(1)} s` +
      (summary.resumedAfter > 0
        ? ` (resumed after ${summary.resumedAfter} rows already written)`
        : '') +
      `: ${summary.withMatches} with matches, ${summary.errorCount} bad rows`,
    ...summary.errors.slice(0, 20).map((error) => `  line ${error.line}: ${error.error}`),
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

function singleQuery(name: string, flags: ScreenFlags): ScreeningQuery {
  return {
    name,
    ...(flags.dob === undefined ? {} : { dob: flags.dob }),
    ...(flags.country === undefined ? {} : { country: flags.country }),
    ...(flags.document === undefined ? {} : { document: flags.document }),
    ...(flags.type === undefined ? {} : { type: flags.type as EntityType }),
  };
}

function screeningOptions(flags: ScreenFlags): ScreeningOptions {
  return {
    ...(flags.threshold === undefined ? {} : { threshold: Number(flags.threshold) }),
    ...(flags.limit === undefined ? {} : { limit: positiveInt(flags.limit, 'limit') }),
    ...(flags.source === undefined ? {} : { sources: flags.source }),
    ...(flags.program === undefined ? {} : { programs: flags.program }),
    ...(flags.entityType === undefined ? {} : { entityTypes: flags.entityType as EntityType[] }),
    ...(flags.inCountry === undefined ? {} : { countries: flags.inCountry }),
  };
}

function positiveInt(value: string, field: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new ValidationError(`--${field} must be a positive whole number, got "${value}"`, {
      field,
    });
  }
  return parsed;
}
