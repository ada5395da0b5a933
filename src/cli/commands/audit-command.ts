/**
 * `puente audit …`: verify the chain, export it for an auditor, sign a checkpoint now.
 *
 * @module
 */
import { Command } from 'commander';

import { checkpointIfDue, verifyStoredAuditChain } from '../../audit/verify-stored-chain.js';
import type { AuditEvent } from '../../audit/audit-event.js';
import type { AuditStore } from '../../audit/audit-store.js';
import { withServices } from '../cli-context.js';
import type { GlobalOptions } from '../cli-context.js';
import { osUserContext } from '../local-operator.js';
import { printJson, printLines } from '../output.js';

/** Exit code when the chain is broken (distinct from usage and runtime errors). */
export const EXIT_CHAIN_BROKEN = 3;

/** Builds the `audit` command group. */
export function auditCommand(global: () => GlobalOptions): Command {
  const audit = new Command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description('check the hash chain and signed checkpoints; exit 0 when intact')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withServices(global(), async (services) => {
        const report = await verifyStoredAuditChain(services.store.audit, services.auditKey());
        if (options.json === true) {
          printJson(report);
        } else {
          printLines([
            report.intact
              ? `audit trail intact: ${report.count} events, head ${report.head.seq} ${report.head.hash}`
              : `audit trail BROKEN at event ${report.brokenSeq} (${report.reason}): ${report.message}`,
          ]);
        }
        if (!report.intact) {
          process.exitCode = EXIT_CHAIN_BROKEN;
        }
      }),
    );
  audit
    .command('export')
    .description('print every event (JSON lines, or one JSON document with --json)')
    .option('--json', 'one JSON document with events and checkpoints')
    .action((options: { json?: boolean }) =>
      withServices(global(), (services) =>
        exportTrail(services.store.audit, options.json === true),
      ),
    );
  audit
    .command('checkpoint')
    .description('sign a checkpoint of the current head now')
    .action(() =>
      withServices(global(), async (services) => {
        const checkpoint = await checkpointIfDue(
          services.store.audit,
          services.auditKey(),
          1,
          new Date(),
        );
        printLines([
          checkpoint === undefined
            ? 'nothing new to checkpoint'
            : `checkpoint at event ${checkpoint.seq} signed by key ${checkpoint.keyId}`,
        ]);
      }),
    );
  return audit;
}

async function exportTrail(store: AuditStore, asDocument: boolean): Promise<void> {
  // Recorded first, so the export contains the record of itself.
  await store.append(osUserContext(), {
    action: 'audit.export',
    targetType: 'audit',
    targetId: 'all',
  });
  const events: AuditEvent[] = [];
  for (let afterSeq = 0; ;) {
    const page = await store.list({ afterSeq, limit: 1000 });
    if (!asDocument) {
      printLines(page.map((event) => JSON.stringify(event)));
    } else {
      events.push(...page);
    }
    if (page.length < 1000) {
      break;
    }
    afterSeq = page.at(-1)!.seq;
  }
  if (asDocument) {
    printJson({ events, checkpoints: await store.listCheckpoints(), head: await store.head() });
  }
}
