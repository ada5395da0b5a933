/**
 * `puente match`: the score and explanation of one name against another, or of every pair in a
 * file (`--file pairs.csv` with columns `name1,name2` and optional `type`). For tuning and for
 * reviewers.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { Command } from 'commander';
import { parse } from 'csv-parse';
import { PuenteError, ValidationError } from '../../core/errors.js';
import { matchNames } from '../../screening/match-names.js';
import type { EntityType } from '../../watchlist/watchlist-entry.js';
import { printJson, printLines } from '../output.js';

interface MatchFlags {
  readonly type?: string;
  readonly file?: string;
  readonly json?: boolean;
}

/** Builds the `match` command. */
export function matchCommand(): Command {
  return new Command('match')
    .description(
      'score two names against each other, with the explanation (or every pair of --file)',
    )
    .argument('[name1]', 'the query name')
    .argument('[name2]', 'the listed name')
    .option('--type <type>', 'individual, entity, vessel or aircraft')
    .option(
      '--file <path>',
      'CSV with columns name1,name2 and optional type; one result line per pair',
    )
    .option('--json', 'print JSON')
    .action(async (name1: string | undefined, name2: string | undefined, flags: MatchFlags) => {
      if (flags.file !== undefined) {
        await matchFile(flags.file, flags.json === true);
        return;
      }
      if (name1 === undefined || name2 === undefined) {
        throw new ValidationError('give two names, or --file pairs.csv', {
          field: name1 === undefined ? 'name1' : 'name2',
        });
      }
      const result = matchNames(
        name1,
        name2,
        flags.type === undefined ? {} : { type: flags.type as EntityType },
      );
      if (flags.json === true) {
        printJson(result);
      } else {
        printLines([`${result.score.toFixed(3)}  ${result.explanation.summary}`]);
      }
    });
}

async function matchFile(path: string, json: boolean): Promise<void> {
  const records = createReadStream(path).pipe(
    parse({ columns: true, bom: true, info: true, trim: true, skip_empty_lines: true }),
  );
  let bad = 0;
  for await (const { record, info } of records as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    const line = info.lines;
    try {
      const result = matchNames(
        record.name1 ?? '',
        record.name2 ?? '',
        record.type ? { type: record.type as EntityType } : {},
      );
      process.stdout.write(
        json
          ? `${JSON.stringify({ line, ...result })}\n`
          : `${line}\t${result.score.toFixed(3)}\t${result.explanation.summary}\n`,
      );
    } catch (error) {
      if (!(error instanceof PuenteError)) {
        throw error;
      }
      bad += 1;
      process.stdout.write(
        json
          ? `${JSON.stringify({ line, error: error.message })}\n`
          : `${line}\terror\t${error.message}\n`,
      );
    }
  }
  if (bad > 0) {
    process.stderr.write(`${bad} pair(s) could not be scored (see their lines above)\n`);
  }
}
