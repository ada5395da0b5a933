/**
 * `puente lists …`: ingest, status, publications, diff, show.
 *
 * @module
 */
import { Command, Option } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { presentDiff, presentIngest } from '../../api/presenters/watchlist-presenters.js';
import { withServices, type GlobalOptions } from '../cli-context.js';
import { osUserContext } from '../local-operator.js';
import {
  formatDiff,
  formatEntry,
  formatIngest,
  formatPublications,
  formatStatus,
} from '../format-lists.js';
import { printJson, printLines } from '../output.js';
import { createProgress } from '../progress.js';
import { markingCommand } from './marking-command.js';
import type { IngestReport } from '../../watchlist/watchlist-service.js';

interface JsonOption {
  readonly json?: boolean;
}

/** Builds the `lists` command group; `global` reads the program's global options. */
export function listsCommand(global: () => GlobalOptions): Command {
  const lists = new Command('lists').description(
    'watchlists: ingest publications, status, diffs, entries',
  );
  lists.addCommand(ingestCommand(global));
  lists
    .command('status')
    .description('the current publication of every source')
    .option('--json', 'print JSON')
    .action((options: JsonOption) =>
      withServices(global(), async (services) => {
        const status = await services.watchlists.status();
        if (options.json === true) {
          printJson({ sources: status });
        } else {
          printLines(formatStatus(status));
        }
      }),
    );
  lists
    .command('publications')
    .description('every stored publication, newest first')
    .option('--source <id>', 'only this source')
    .option('--json', 'print JSON')
    .action((options: JsonOption & { source?: string }) =>
      withServices(global(), async (services) => {
        const publications = await services.watchlists.listPublications(options.source);
        if (options.json === true) {
          printJson({ publications });
        } else {
          printLines(formatPublications(publications));
        }
      }),
    );
  lists.addCommand(diffCommand(global));
  lists.addCommand(showCommand(global));
  lists.addCommand(markingCommand(global));
  return lists;
}

function ingestCommand(global: () => GlobalOptions): Command {
  return new Command('ingest')
    .description(
      'ingest list files or folders (every publication found, in date order); --official downloads them',
    )
    .argument('[paths...]', 'files or folders: sdn.csv set, sdn*.csv(.gz), UN XML, agency CSV/JSON')
    .addOption(
      new Option('--source <id>', 'ofac-sdn, un, or an agency list id (detected when omitted)').env(
        'PUENTE_SOURCE',
      ),
    )
    .option('--published-at <date>', 'publication date (YYYY-MM-DD) when the files do not say')
    .option('--official', 'download the official publications instead of reading paths')
    .option('--json', 'print JSON')
    .action(
      async (
        paths: string[],
        options: JsonOption & { source?: string; publishedAt?: string; official?: boolean },
      ) => {
        const progress = createProgress(options.json !== true);
        const request = {
          ...(options.source === undefined ? {} : { source: options.source }),
          ...(options.publishedAt === undefined ? {} : { publishedAt: options.publishedAt }),
          audit: osUserContext(),
          onPublication: (done: number, total: number, label: string) => {
            progress.publication(done, total, label);
          },
          onProgress: (done: number, total: number) => {
            progress.step(done, total);
          },
        };
        try {
          const report = await withServices(global(), async (services) => {
            if (options.official === true) {
              return services.watchlists.ingestOfficial(
                options.source === undefined ? undefined : [options.source],
                request,
              );
            }
            if (paths.length === 0) {
              throw new ValidationError('give at least one file or folder, or --official', {
                field: 'paths',
              });
            }
            const reports: IngestReport[] = [];
            for (const path of paths) {
              reports.push(await services.watchlists.ingestPath(path, request));
            }
            return {
              outcomes: reports.flatMap((r) => r.outcomes),
              unclaimed: reports.flatMap((r) => r.unclaimed),
            };
          });
          progress.stop();
          if (options.json === true) {
            printJson({ ...presentIngest(report), reports: report.outcomes.map((o) => o.report) });
          } else {
            printLines(formatIngest(report));
          }
        } finally {
          progress.stop();
        }
      },
    );
}

function diffCommand(global: () => GlobalOptions): Command {
  return new Command('diff')
    .description('entries added, removed and changed between two publications of one source')
    .argument('<from>', 'publication: id, <source>@YYYY-MM-DD, <source>@previous, <source>')
    .argument('<to>', 'publication: id, <source>@YYYY-MM-DD, <source>@latest')
    .option('--limit <n>', 'entries shown per section (text output)', '50')
    .option('--json', 'print JSON (every entry and changed field)')
    .action((from: string, to: string, options: JsonOption & { limit: string }) =>
      withServices(global(), async (services) => {
        const diff = await services.watchlists.diff(from, to);
        if (options.json === true) {
          printJson(presentDiff(diff));
        } else {
          printLines(formatDiff(diff, Math.max(0, Number.parseInt(options.limit, 10) || 50)));
        }
      }),
    );
}

function showCommand(global: () => GlobalOptions): Command {
  return new Command('show')
    .description('one entry with every parsed fact and its history')
    .argument('<entry>', 'entry id <source>:<id>, e.g. ofac-sdn:11900 or un:QDi.001')
    .option('--at <publication>', 'as of this publication (default: current)')
    .option('--json', 'print JSON')
    .action((id: string, options: JsonOption & { at?: string }) =>
      withServices(global(), async (services) => {
        const view = await services.watchlists.showEntry(id, options.at);
        if (options.json === true) {
          printJson(view);
        } else {
          printLines(formatEntry(view));
        }
      }),
    );
}
