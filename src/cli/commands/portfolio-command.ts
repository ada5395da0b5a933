/**
 * `puente portfolio …`: portfolios and counterparties of an organization, and file imports.
 * Local commands have direct database access; they act as the operating-system user (recorded
 * in the audit trail) with a compliance officer's rights in the organization given by `--org`.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

import { Command } from 'commander';

import { NotFoundError, ValidationError } from '../../core/errors.js';
import type { Actor } from '../../identity/actor.js';
import { permissionsOf } from '../../identity/permissions.js';
import type { ImportFormat } from '../../monitoring/portfolio-import.js';
import type { Services } from '../../services.js';
import { withServices, type GlobalOptions } from '../cli-context.js';
import { osUserContext } from '../local-operator.js';
import { printJson, printLines } from '../output.js';

/** Options every monitoring command takes. */
export interface OrgFlags {
  readonly org: string;
  readonly as?: string;
  readonly json?: boolean;
}

/**
 * The local operator as an actor of `--org`: a compliance officer named after the OS user, or
 * after `--as` (so that a second reviewer on the same machine can approve).
 */
export async function localMonitoringActor(services: Services, flags: OrgFlags): Promise<Actor> {
  const organization = await services.store.identity.findOrganization(flags.org);
  if (organization === undefined) {
    throw new NotFoundError('organization', flags.org);
  }
  const name = flags.as ?? osUserContext().actor.id;
  return {
    kind: 'user',
    id: `os:${name}`,
    name,
    organizationId: organization.id,
    organizationKind: organization.kind,
    country: organization.country,
    roles: ['compliance-officer'],
    permissions: permissionsOf(['compliance-officer']),
    clearance: 'unclassified',
  };
}

/** Parses a positive integer id argument. */
export function idArgument(text: string, what: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) {
    throw new ValidationError(`${what}: a positive integer id is expected, got "${text}"`, {
      field: what,
    });
  }
  return id;
}

const withOrg = (command: Command) =>
  command
    .requiredOption('--org <id>', 'organization id (see `puente admin orgs`)')
    .option('--as <name>', 'reviewer name recorded instead of the OS user')
    .option('--json', 'print JSON');

/** Builds the `portfolio` command group. */
export function portfolioCommand(global: () => GlobalOptions): Command {
  const portfolio = new Command('portfolio').description(
    'portfolios of counterparties under continuous screening',
  );
  withOrg(portfolio.command('list').description("the organization's portfolios")).action(
    (flags: OrgFlags) =>
      run(global, flags, async (services, actor) => {
        const portfolios = await services.monitoring.listPortfolios(actor);
        return flags.json === true
          ? portfolios
          : portfolios.map((p) => `${p.id}\t${p.name}\t${p.createdAt}`);
      }),
  );
  withOrg(portfolio.command('create').argument('<name>').description('create a portfolio')).action(
    (name: string, flags: OrgFlags) =>
      run(global, flags, async (services, actor) => {
        const created = await services.monitoring.createPortfolio(actor, name, osUserContext());
        return flags.json === true ? created : [`portfolio ${created.id} created: ${created.name}`];
      }),
  );
  withOrg(
    portfolio
      .command('import')
      .argument('<portfolio>', 'portfolio id')
      .argument('<file>', 'CSV, JSON or NDJSON file')
      .option('--format <format>', 'csv, json or ndjson (default: from the extension)')
      .option('--map <field=column...>', 'column mapping, e.g. externalId=codigo name=razon_social')
      .option('--dry-run', 'validate and report only; store nothing')
      .description('import counterparties; good rows are saved and screened, bad rows reported'),
  ).action(
    (
      portfolioId: string,
      file: string,
      flags: OrgFlags & { format?: string; map?: string[]; dryRun?: boolean },
    ) =>
      run(global, flags, async (services, actor) => {
        const report = await services.monitoring.importCounterparties(
          actor,
          idArgument(portfolioId, 'portfolio'),
          {
            text: readFileSync(file, 'utf8'),
            format: formatOf(file, flags.format),
            mapping: mappingOf(flags.map ?? []),
            dryRun: flags.dryRun === true,
          },
          osUserContext(),
        );
        process.exitCode = report.invalid > 0 ? 2 : 0;
        return flags.json === true
          ? report
          : [
              `${report.dryRun ? 'dry run: ' : ''}${report.rows} rows, ${report.valid} valid, ${report.invalid} rejected, ${report.imported} imported, ${report.alertsRaised} alerts raised`,
              ...report.errors.map((e) => `line ${e.line}: ${e.field}: ${e.message}`),
              ...(report.errorsTruncated ? ['(more errors not shown)'] : []),
            ];
      }),
  );
  withOrg(
    portfolio
      .command('add')
      .argument('<portfolio>', 'portfolio id')
      .argument('<counterparty>', 'the counterparty as JSON: {"externalId","kind","name",…}')
      .description('add or update (same externalId) one counterparty; it is screened at once'),
  ).action((portfolioId: string, json: string, flags: OrgFlags) =>
    run(global, flags, async (services, actor) => {
      const saved = await services.monitoring.saveCounterparty(
        actor,
        idArgument(portfolioId, 'portfolio'),
        parseObject(json),
        osUserContext(),
      );
      return flags.json === true
        ? saved
        : [
            `counterparty ${saved.counterparty.id} v${saved.counterparty.version} saved; ${saved.alertsRaised} alerts raised`,
          ];
    }),
  );
  withOrg(
    portfolio
      .command('show')
      .argument('<portfolio>', 'portfolio id')
      .option('--after <id>', 'page after this counterparty id')
      .option('--limit <n>', 'page size (default 100)')
      .description("list a portfolio's counterparties"),
  ).action((portfolioId: string, flags: OrgFlags & { after?: string; limit?: string }) =>
    run(global, flags, async (services, actor) => {
      const page = await services.monitoring.listCounterparties(
        actor,
        idArgument(portfolioId, 'portfolio'),
        {
          ...(flags.after === undefined ? {} : { afterId: Number(flags.after) }),
          ...(flags.limit === undefined ? {} : { limit: Number(flags.limit) }),
        },
      );
      return flags.json === true
        ? page
        : page.map((c) => `${c.id}\t${c.externalId}\t${c.kind}\t${c.name}`);
    }),
  );
  withOrg(
    portfolio.command('delete-counterparty').argument('<id>').description('delete a counterparty'),
  ).action((id: string, flags: OrgFlags) =>
    run(global, flags, async (services, actor) => {
      await services.monitoring.deleteCounterparty(
        actor,
        idArgument(id, 'counterparty'),
        osUserContext(),
      );
      return [`counterparty ${id} deleted`];
    }),
  );
  return portfolio;
}

/** Runs a monitoring command as the local actor and prints lines or JSON. */
export function run(
  global: () => GlobalOptions,
  flags: OrgFlags,
  action: (services: Services, actor: Actor) => Promise<unknown>,
): Promise<void> {
  return withServices(global(), async (services) => {
    const result = await action(services, await localMonitoringActor(services, flags));
    if (flags.json === true || !Array.isArray(result)) {
      printJson(result);
    } else {
      printLines(result as string[]);
    }
  });
}

function formatOf(file: string, flag: string | undefined): ImportFormat {
  const format = (flag ?? extname(file).slice(1)).toLowerCase();
  if (format === 'csv' || format === 'json' || format === 'ndjson') {
    return format;
  }
  throw new ValidationError(`--format: csv, json or ndjson expected, got "${format}"`, {
    field: 'format',
  });
}

function mappingOf(pairs: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) {
        throw new ValidationError(`--map: field=column expected, got "${pair}"`, { field: 'map' });
      }
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  throw new ValidationError('counterparty: a JSON object is expected', { field: 'counterparty' });
}
