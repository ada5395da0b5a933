/**
 * `puente alerts …`: list and review alerts (four eyes: one reviewer proposes, another
 * approves), and run re-screens: `sync` brings monitoring up to the current lists (a delta run),
 * `rescreen` runs a full re-screen, `resume` finishes runs a crash interrupted.
 *
 * @module
 */
import { Command } from 'commander';

import type { Alert, AlertDecision, AlertState } from '../../monitoring/alert.js';
import { withServices, type GlobalOptions } from '../cli-context.js';
import { osUserContext } from '../local-operator.js';
import { printJson, printLines } from '../output.js';
import { idArgument, run, type OrgFlags } from './portfolio-command.js';

const withOrg = (command: Command) =>
  command
    .requiredOption('--org <id>', 'organization id (see `puente admin orgs`)')
    .option('--as <name>', 'reviewer name recorded instead of the OS user')
    .option('--json', 'print JSON');

function line(alert: Alert): string {
  const pending =
    alert.pending === null ? '' : ` (pending ${alert.pending.decision} by ${alert.pending.by})`;
  return `${alert.id}\t${alert.state}${pending}\t${alert.score.toFixed(3)}\tcounterparty ${alert.counterpartyId}\t${alert.entryId}\t${alert.matchedName}`;
}

/** Builds the `alerts` command group. */
export function alertsCommand(global: () => GlobalOptions): Command {
  const alerts = new Command('alerts').description('monitoring alerts and their review');
  withOrg(
    alerts
      .command('list')
      .option('--state <states>', 'comma-separated: open,in_review,confirmed,cleared,closed')
      .option('--after <id>', 'page after this alert id')
      .description("the organization's alerts"),
  ).action((flags: OrgFlags & { state?: string; after?: string }) =>
    run(global, flags, async (services, actor) => {
      const list = await services.monitoring.review.list(actor, {
        ...(flags.state === undefined ? {} : { states: flags.state.split(',') as AlertState[] }),
        ...(flags.after === undefined ? {} : { afterId: Number(flags.after) }),
        limit: 1000,
      });
      return flags.json === true ? list : list.map(line);
    }),
  );
  withOrg(alerts.command('show').argument('<id>').description('an alert and its history')).action(
    (id: string, flags: OrgFlags) =>
      run(global, flags, async (services, actor) => {
        const { alert, notes } = await services.monitoring.review.get(
          actor,
          idArgument(id, 'alert'),
        );
        return flags.json === true
          ? { alert, notes }
          : [line(alert), ...notes.map((n) => `  ${n.at} ${n.actorId} ${n.kind}: ${n.text}`)];
      }),
  );
  withOrg(alerts.command('review').argument('<id>').description('start the review')).action(
    (id: string, flags: OrgFlags) =>
      run(global, flags, async (services, actor) => [
        line(
          await services.monitoring.review.startReview(
            actor,
            idArgument(id, 'alert'),
            osUserContext(),
          ),
        ),
      ]),
  );
  for (const decision of ['confirm', 'clear'] as const satisfies readonly AlertDecision[]) {
    withOrg(
      alerts
        .command(decision)
        .argument('<id>')
        .requiredOption('--reason <text>', 'why (required)')
        .description(`propose to ${decision} the alert; a second reviewer must approve`),
    ).action((id: string, flags: OrgFlags & { reason: string }) =>
      run(global, flags, async (services, actor) => [
        line(
          await services.monitoring.review.propose(
            actor,
            idArgument(id, 'alert'),
            decision,
            flags.reason,
            osUserContext(),
          ),
        ),
      ]),
    );
  }
  for (const step of ['approve', 'reject'] as const) {
    withOrg(
      alerts
        .command(step)
        .argument('<id>')
        .requiredOption('--reason <text>', 'why (required)')
        .description(`${step} the pending decision (a different reviewer than the proposer)`),
    ).action((id: string, flags: OrgFlags & { reason: string }) =>
      run(global, flags, async (services, actor) => {
        const review = services.monitoring.review;
        const alertId = idArgument(id, 'alert');
        const changed =
          step === 'approve'
            ? await review.approve(actor, alertId, flags.reason, osUserContext())
            : await review.reject(actor, alertId, flags.reason, osUserContext());
        return [line(changed)];
      }),
    );
  }
  withOrg(
    alerts
      .command('assign')
      .argument('<id>')
      .argument('<assignee>', 'user id, or "none"')
      .option('--due <date>', 'due date (ISO 8601)')
      .description('assign an alert and set its due date'),
  ).action((id: string, assignee: string, flags: OrgFlags & { due?: string }) =>
    run(global, flags, async (services, actor) => [
      line(
        await services.monitoring.review.assign(
          actor,
          idArgument(id, 'alert'),
          assignee === 'none' ? null : assignee,
          flags.due,
          osUserContext(),
        ),
      ),
    ]),
  );
  withOrg(
    alerts
      .command('comment')
      .argument('<id>')
      .argument('<text>')
      .description('comment on an alert'),
  ).action((id: string, text: string, flags: OrgFlags) =>
    run(global, flags, async (services, actor) => {
      const note = await services.monitoring.review.comment(
        actor,
        idArgument(id, 'alert'),
        text,
        osUserContext(),
      );
      return [`comment ${note.id} added`];
    }),
  );
  withOrg(
    alerts
      .command('rescreen')
      .option('--portfolio <id>', 'only this portfolio')
      .description("full re-screen of the organization's counterparties"),
  ).action((flags: OrgFlags & { portfolio?: string }) =>
    run(global, flags, async (services, actor) => {
      const done = await services.monitoring.fullRescreen(
        actor,
        flags.portfolio === undefined ? undefined : idArgument(flags.portfolio, 'portfolio'),
      );
      return flags.json === true
        ? done
        : [`run ${done.id}: ${done.processed} screened, ${done.alertsRaised} alerts raised`];
    }),
  );
  alerts
    .command('sync')
    .description(
      're-screen what the list changes since the last run can affect (delta), for every organization',
    )
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) =>
      withServices(global(), async (services) => {
        await services.monitoring.resumeUnfinished();
        const done = await services.monitoring.syncWithLists();
        if (flags.json === true) {
          printJson(done ?? null);
        } else {
          printLines([
            done === undefined
              ? 'lists unchanged since the last run; nothing to re-screen'
              : `run ${done.id} (${done.kind}): ${done.processed} screened, ${done.alertsRaised} alerts raised, ${done.alertsClosed} closed`,
          ]);
        }
      }),
    );
  return alerts;
}
