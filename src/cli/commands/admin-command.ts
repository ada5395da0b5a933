/**
 * `puente admin …`: first-time setup, users and API keys, run locally with direct database
 * access. Each change is audited with the operating-system user as the actor. Passwords come
 * from `PUENTE_ADMIN_PASSWORD` or, with `--password-stdin`, the first line of standard input,
 * never from a flag (flags end up in shell history and process lists).
 *
 * @module
 */
import { Command } from 'commander';

import { NotFoundError, ValidationError } from '../../core/errors.js';
import type { Organization } from '../../identity/organization.js';
import type { Services } from '../../services.js';
import { withServices } from '../cli-context.js';
import type { GlobalOptions } from '../cli-context.js';
import { localAdministrator, osUserContext } from '../local-operator.js';
import { formatTable, printJson, printLines } from '../output.js';

interface PasswordOption {
  readonly passwordStdin?: boolean;
}

/** Builds the `admin` command group. */
export function adminCommand(global: () => GlobalOptions): Command {
  const admin = new Command('admin').description('set up Puente and manage accounts and API keys');
  admin
    .command('bootstrap')
    .description(
      'create the first organization and its administrator (refused once any account exists)',
    )
    .requiredOption('--org-name <name>', 'organization name')
    .requiredOption('--org-kind <kind>', 'agency or company')
    .requiredOption('--country <code>', 'ISO 3166-1 alpha-3 country, e.g. COL')
    .requiredOption('--username <name>', 'administrator username')
    .option('--display-name <name>', 'administrator display name')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      (
        options: PasswordOption & {
          orgName: string;
          orgKind: string;
          country: string;
          username: string;
          displayName?: string;
        },
      ) =>
        withServices(global(), async (services) => {
          const organization = {
            name: options.orgName,
            kind: options.orgKind as 'agency',
            country: options.country,
          };
          const request = {
            organization,
            username: options.username,
            displayName: options.displayName ?? options.username,
            password: await readPassword(options),
          };
          const { organization: org, user } = await services.accounts.bootstrap(
            request,
            osUserContext('bootstrap'),
          );
          printLines([
            `organization ${org.name} (${org.id}) and administrator ${user.username} (${user.id}) created`,
          ]);
        }),
    );
  admin.addCommand(userCommand(global));
  admin.addCommand(keyCommand(global));
  admin
    .command('orgs')
    .description('list organizations')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withServices(global(), async (services) => {
        const orgs = await services.store.identity.listOrganizations();
        if (options.json === true) {
          printJson({ organizations: orgs });
        } else {
          printLines(
            formatTable(
              ['id', 'name', 'kind', 'country'],
              orgs.map((o) => [o.id, o.name, o.kind, o.country]),
            ),
          );
        }
      }),
    );
  return admin;
}

function userCommand(global: () => GlobalOptions): Command {
  const user = new Command('user').description('user accounts');
  user
    .command('create')
    .description('create a user (who must change the password at first login)')
    .requiredOption('--org <id>', 'organization id')
    .requiredOption('--username <name>', 'username')
    .requiredOption('--roles <list>', 'comma-separated roles, e.g. analyst,reviewer')
    .option(
      '--clearance <level>',
      'unclassified, restricted, confidential, secret or top-secret',
      'unclassified',
    )
    .option('--display-name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      (
        options: PasswordOption & {
          org: string;
          username: string;
          roles: string;
          clearance: string;
          displayName?: string;
        },
      ) =>
        withServices(global(), async (services) => {
          const actor = localAdministrator(await organizationOf(services, options.org));
          const request = {
            username: options.username,
            displayName: options.displayName ?? options.username,
            roles: options.roles.split(','),
            clearance: options.clearance,
            password: await readPassword(options),
          };
          const created = await services.accounts.createUser(actor, request, osUserContext());
          printLines([`user ${created.username} (${created.id}) created`]);
        }),
    );
  user
    .command('reset-password <userId>')
    .description('set a temporary password the user must change at next login')
    .option('--password-stdin', 'read the password from standard input')
    .action((userId: string, options: PasswordOption) =>
      withServices(global(), async (services) => {
        const target = await services.store.identity.findUser(userId);
        if (target === undefined) {
          throw new NotFoundError('user', userId);
        }
        const actor = localAdministrator(await organizationOf(services, target.organizationId));
        await services.accounts.resetPassword(
          actor,
          userId,
          await readPassword(options),
          osUserContext(),
        );
        printLines([`password of ${target.username} reset; it must be changed at next login`]);
      }),
    );
  return user;
}

function keyCommand(global: () => GlobalOptions): Command {
  const key = new Command('key').description('API keys of service accounts');
  key
    .command('issue')
    .description('issue a key (printed once) for a service account, creating the account if needed')
    .requiredOption('--org <id>', 'organization id')
    .requiredOption('--service-account <name>', 'service account name')
    .requiredOption(
      '--permissions <list>',
      'comma-separated permissions, e.g. list.read,screening.run',
    )
    .option('--days <n>', 'lifetime in days (1–366)', '90')
    .option('--name <name>', 'key label', 'default')
    .action(
      (options: {
        org: string;
        serviceAccount: string;
        permissions: string;
        days: string;
        name: string;
      }) =>
        withServices(global(), async (services) => {
          const actor = localAdministrator(await organizationOf(services, options.org));
          const accounts = await services.apiKeys.listServiceAccounts(actor);
          const account =
            accounts.find((a) => a.name === options.serviceAccount) ??
            (await services.apiKeys.createServiceAccount(
              actor,
              options.serviceAccount,
              'unclassified',
              osUserContext(),
            ));
          const request = {
            serviceAccountId: account.id,
            name: options.name,
            permissions: options.permissions.split(','),
            days: Number(options.days),
          };
          const issued = await services.apiKeys.issueApiKey(actor, request, osUserContext());
          printLines([issued.secret]);
          process.stderr.write(
            `key ${issued.key.id} expires ${issued.key.expiresAt}; it is shown only now\n`,
          );
        }),
    );
  key
    .command('revoke <keyId>')
    .description('revoke a key')
    .action((keyId: string) =>
      withServices(global(), async (services) => {
        const found = await services.store.identity.findApiKey(keyId);
        const account =
          found === undefined
            ? undefined
            : await services.store.identity.findServiceAccount(found.key.serviceAccountId);
        if (account === undefined) {
          throw new NotFoundError('API key', keyId);
        }
        const actor = localAdministrator(await organizationOf(services, account.organizationId));
        const revoked = await services.apiKeys.revokeApiKey(actor, keyId, osUserContext());
        printLines([`key ${revoked.id} revoked at ${revoked.revokedAt ?? ''}`]);
      }),
    );
  return key;
}

async function organizationOf(services: Services, id: string): Promise<Organization> {
  const organization = await services.store.identity.findOrganization(id);
  if (organization === undefined) {
    throw new NotFoundError('organization', id);
  }
  return organization;
}

async function readPassword(options: PasswordOption): Promise<string> {
  if (options.passwordStdin === true) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const fromEnv = process.env.PUENTE_ADMIN_PASSWORD;
  if (fromEnv === undefined || fromEnv === '') {
    throw new ValidationError(
      'give the password in PUENTE_ADMIN_PASSWORD or with --password-stdin',
      { field: 'password' },
    );
  }
  return fromEnv;
}
