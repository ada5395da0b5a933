/**
 * `puente lists marking <entryId> --org <id>`: show a marked entry's current marking and its
 * changes, or change it (`--classification`, `--tlp`, `--rel-to`, `--rel-to-orgs`, `--caveats`;
 * what is not given stays as it is). The local operator acts as an analyst of `--org` with full
 * clearance: the access policy of that organization decides (any reader raises, only the
 * originator lowers), and the audit trail names the OS user.
 *
 * @module
 */
import { Command } from 'commander';

import { EntryMarkingService } from '../../access/entry-marking-service.js';
import type { EntryMarkingView, ProposedMarking } from '../../access/entry-marking-service.js';
import { formatMarking } from '../../access/marking.js';
import type { Caveat, Tlp } from '../../access/marking.js';
import type { EntryMarkingChange } from '../../access/marking-store.js';
import type { RecordViewer } from '../../access/record-viewer.js';
import { fullRescreenAfterLowering } from '../../api/routes/marking-routes.js';
import type { ClassificationLevel } from '../../core/classification.js';
import { NotFoundError } from '../../core/errors.js';
import { permissionsOf } from '../../identity/permissions.js';
import type { Services } from '../../services.js';
import { withServices, type GlobalOptions } from '../cli-context.js';
import { osUserContext } from '../local-operator.js';
import { printJson, printLines } from '../output.js';

interface MarkingFlags {
  readonly org: string;
  readonly as?: string;
  readonly classification?: string;
  readonly tlp?: string;
  readonly relTo?: string;
  readonly relToOrgs?: string;
  readonly caveats?: string;
  readonly reason?: string;
  readonly json?: boolean;
}

/** Builds `lists marking`. */
export function markingCommand(global: () => GlobalOptions): Command {
  return new Command('marking')
    .argument('<entryId>', 'entry id, <source>:<sourceId>')
    .requiredOption('--org <id>', 'act for this organization (see `puente admin orgs`)')
    .option('--as <name>', 'name recorded instead of the OS user')
    .option(
      '--classification <level>',
      'unclassified, restricted, confidential, secret, top-secret',
    )
    .option('--tlp <label>', 'CLEAR, GREEN, AMBER, AMBER+STRICT, RED')
    .option('--rel-to <countries>', 'comma-separated ISO alpha-3 countries ("" for none)')
    .option('--rel-to-orgs <ids>', 'comma-separated organization ids ("" for none)')
    .option('--caveats <caveats>', 'comma-separated: ORCON, NOFORN ("" for none)')
    .option('--reason <text>', 'why (required to change)')
    .option('--json', 'print JSON')
    .description(
      "a marked entry's marking and its history; raise it, or lower it (originator only)",
    )
    .action((entryId: string, flags: MarkingFlags) =>
      withServices(global(), async (services) => {
        const viewer = await localViewer(services, flags);
        const markings = new EntryMarkingService(services.store.markings, () =>
          fullRescreenAfterLowering(services),
        );
        const view = await markings.show(viewer, entryId);
        const proposed = proposedFrom(view, flags);
        if (proposed === undefined) {
          print(flags, view, describe(view));
          return;
        }
        const change = await markings.change(viewer, entryId, proposed, flags.reason ?? '');
        print(flags, change, [changeLine(change)]);
      }),
    );
}

async function localViewer(services: Services, flags: MarkingFlags): Promise<RecordViewer> {
  const organization = await services.store.identity.findOrganization(flags.org);
  if (organization === undefined) {
    throw new NotFoundError('organization', flags.org);
  }
  const os = osUserContext().actor.id;
  const name = flags.as ?? os;
  return {
    actor: {
      kind: 'user',
      id: `os:${name}`,
      name,
      organizationId: organization.id,
      organizationKind: organization.kind,
      country: organization.country,
      roles: ['analyst'],
      permissions: permissionsOf(['analyst']),
      clearance: 'top-secret',
    },
    audit: { actor: { kind: 'os-user', id: os, organizationId: organization.id }, ip: null },
  };
}

/** The marking asked for, or undefined when no marking option was given (show only). */
function proposedFrom(view: EntryMarkingView, flags: MarkingFlags): ProposedMarking | undefined {
  const given = [flags.classification, flags.tlp, flags.relTo, flags.relToOrgs, flags.caveats];
  if (given.every((value) => value === undefined)) {
    return undefined;
  }
  const current = view.marking;
  // The policy validates the values; unknown ones are refused there as invalid markings.
  return {
    classification: (flags.classification ?? current.classification) as ClassificationLevel,
    tlp: (flags.tlp?.toUpperCase() ?? current.tlp) as Tlp,
    releasableTo: {
      countries: listOf(flags.relTo)?.map((c) => c.toUpperCase()) ?? current.releasableTo.countries,
      organizations: listOf(flags.relToOrgs) ?? current.releasableTo.organizations,
    },
    caveats: (listOf(flags.caveats)?.map((c) => c.toUpperCase()) ?? current.caveats) as Caveat[],
  };
}

function print(flags: MarkingFlags, value: unknown, lines: readonly string[]): void {
  if (flags.json === true) {
    printJson(value);
  } else {
    printLines(lines);
  }
}

function listOf(text: string | undefined): string[] | undefined {
  return text
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function describe(view: EntryMarkingView): string[] {
  const organizations = view.marking.releasableTo.organizations;
  return [
    `${view.entryId}\t${formatMarking(view.marking)}`,
    `originators: ${view.marking.originators.map((o) => o.organizationId).join(', ')}`,
    ...(organizations.length === 0
      ? []
      : [`released to organizations: ${organizations.join(', ')}`]),
    ...view.changes.map(changeLine),
  ];
}

function changeLine(change: EntryMarkingChange): string {
  return `${change.changedAt}\t${change.kind}\t${formatMarking(change.previous)} -> ${formatMarking(change.marking)}\t${change.organizationId}/${change.actorId}: ${change.reason}`;
}
