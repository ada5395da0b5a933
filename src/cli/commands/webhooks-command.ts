/**
 * `puente webhooks …`: an organization's webhooks and e-mail recipients, and the delivery log,
 * managed locally (as the OS user, with direct database access).
 *
 * @module
 */
import { Command, Option } from 'commander';

import { NotFoundError } from '../../core/errors.js';
import type { Actor } from '../../identity/actor.js';
import type { Services } from '../../services.js';
import { withServices, type GlobalOptions } from '../cli-context.js';
import { localAdministrator, osUserContext } from '../local-operator.js';
import { formatTable, printJson, printLines } from '../output.js';

interface OrgOptions {
  readonly org: string;
  readonly json?: boolean;
}

const orgOption = () => new Option('--org <id>', 'organization id').makeOptionMandatory();
const csv = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Builds the `webhooks` command group. */
export function webhooksCommand(global: () => GlobalOptions): Command {
  const group = new Command('webhooks').description(
    'signed webhooks, e-mail recipients and deliveries',
  );
  const run =
    <O extends OrgOptions>(
      action: (services: Services, actor: Actor, options: O) => Promise<unknown>,
    ) =>
    (options: O) =>
      withServices(global(), async (services) => {
        const result = await action(services, await actorFor(services, options.org), options);
        if (options.json === true) {
          printJson(result);
        }
      });
  group
    .command('list')
    .description("the organization's webhooks and e-mail recipients")
    .addOption(orgOption())
    .option('--json', 'print JSON')
    .action(
      run(async (services, actor, options: OrgOptions) => {
        const webhooks = await services.notifications.listWebhooks(actor);
        const emails = await services.notifications.listEmails(actor);
        if (options.json !== true) {
          printLines(
            formatTable(
              ['id', 'status', 'events', 'target'],
              [
                ...webhooks.map((w) => [w.id, w.status, w.events.join(','), w.url]),
                ...emails.map((e) => [
                  e.id,
                  e.status,
                  e.events.join(','),
                  `mailto:${e.address} (${e.language})`,
                ]),
              ],
            ),
          );
        }
        return { webhooks, emails };
      }),
    );
  group
    .command('add')
    .description('subscribe a webhook; prints its signing secret once')
    .addOption(orgOption())
    .requiredOption('--url <url>', 'https URL receiving POSTed events')
    .requiredOption(
      '--events <types>',
      'comma-separated: alert.raised,alert.decided,alert.closed,rescreen.completed',
    )
    .option('--description <text>', 'what the endpoint is')
    .option('--json', 'print JSON')
    .action(
      run(
        async (
          services,
          actor,
          options: OrgOptions & { url: string; events: string; description?: string },
        ) => {
          const created = await services.notifications.createWebhook(
            actor,
            {
              url: options.url,
              events: csv(options.events),
              ...(options.description === undefined ? {} : { description: options.description }),
            },
            osUserContext(),
          );
          if (options.json !== true) {
            printLines([
              `webhook ${created.subscription.id}`,
              `secret (shown once): ${created.secret}`,
            ]);
          }
          return created;
        },
      ),
    );
  group
    .command('add-email')
    .description('e-mail an address on the chosen events')
    .addOption(orgOption())
    .requiredOption('--address <address>', 'e-mail address')
    .requiredOption('--events <types>', 'comma-separated event types')
    .addOption(
      new Option('--language <lang>', 'language of the e-mails')
        .choices(['es', 'en'])
        .default('es'),
    )
    .option('--json', 'print JSON')
    .action(
      run(
        async (
          services,
          actor,
          options: OrgOptions & { address: string; events: string; language: 'es' | 'en' },
        ) => {
          const created = await services.notifications.createEmail(
            actor,
            { address: options.address, events: csv(options.events), language: options.language },
            osUserContext(),
          );
          if (options.json !== true) {
            printLines([`e-mail subscription ${created.id}`]);
          }
          return created;
        },
      ),
    );
  group
    .command('rotate <id>')
    .description('replace a webhook secret; prints the new one once')
    .addOption(orgOption())
    .option('--json', 'print JSON')
    .action((id: string, options: OrgOptions) =>
      run(async (services, actor) => {
        const rotated = await services.notifications.rotateSecret(actor, id, osUserContext());
        if (options.json !== true) {
          printLines([`secret (shown once): ${rotated.secret}`]);
        }
        return rotated;
      })(options),
    );
  group
    .command('disable <id>')
    .description('stop a webhook or an e-mail recipient; pending deliveries are dead-lettered')
    .addOption(orgOption())
    .option('--json', 'print JSON')
    .action((id: string, options: OrgOptions) =>
      run(async (services, actor) => {
        const notifications = services.notifications;
        const disabled = await notifications
          .disableWebhook(actor, id, osUserContext())
          .catch((error: unknown) => {
            if (error instanceof NotFoundError) {
              return notifications.disableEmail(actor, id, osUserContext());
            }
            throw error;
          });
        if (options.json !== true) {
          printLines([`${id} disabled`]);
        }
        return disabled;
      })(options),
    );
  group
    .command('deliveries')
    .description('the delivery log, newest first')
    .addOption(orgOption())
    .addOption(
      new Option('--status <status>', 'only these').choices(['pending', 'delivered', 'dead']),
    )
    .option('--json', 'print JSON')
    .action(
      run(
        async (
          services,
          actor,
          options: OrgOptions & { status?: 'pending' | 'delivered' | 'dead' },
        ) => {
          const items = await services.notifications.listDeliveries(
            actor,
            options.status === undefined ? {} : { status: options.status },
          );
          if (options.json !== true) {
            printLines(
              formatTable(
                ['id', 'status', 'attempts', 'event', 'last error'],
                items.map((i) => [
                  i.id,
                  i.status,
                  String(i.attempts),
                  `${i.eventType} ${i.eventId}`,
                  i.lastError ?? '',
                ]),
              ),
            );
          }
          return items;
        },
      ),
    );
  group
    .command('requeue <id>')
    .description('put a dead delivery back in the queue')
    .addOption(orgOption())
    .option('--json', 'print JSON')
    .action((id: string, options: OrgOptions) =>
      run(async (services, actor) => {
        const item = await services.notifications.requeue(actor, id, osUserContext());
        if (options.json !== true) {
          printLines([`${id} pending again`]);
        }
        return item;
      })(options),
    );
  return group;
}

async function actorFor(services: Services, organizationId: string): Promise<Actor> {
  const organization = await services.store.identity.findOrganization(organizationId);
  if (organization === undefined) {
    throw new NotFoundError('organization', organizationId);
  }
  return localAdministrator(organization);
}
