/**
 * Gathers the facts of one alert: the alert, its counterparty, the list entry version that
 * raised it, the score explanation (re-computed from the counterparty's names against exactly
 * that entry version), its history and the audit events about it.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

import type { MarkingStore } from '../access/marking-store.js';
import type { RecordViewer } from '../access/record-viewer.js';
import type { AuditEvent } from '../audit/audit-event.js';
import type { AuditStore } from '../audit/audit-store.js';
import { NotFoundError } from '../core/errors.js';
import type { Counterparty } from '../monitoring/counterparty.js';
import { readableAlerts } from '../monitoring/alert-review.js';
import type { MonitoringStore } from '../monitoring/monitoring-store.js';
import { counterpartyQueries } from '../monitoring/screen-counterparty.js';
import { screen } from '../screening/screen.js';
import { buildPairIndex } from '../screening/screening-index.js';
import type { MatchExplanation } from '../screening/screening-types.js';
import type { WatchlistEntry } from '../watchlist/watchlist-entry.js';
import type { WatchlistStore } from '../watchlist/watchlist-store.js';
import { combinedMarking } from '../access/change-marking.js';
import type {
  AlertEvidenceFacts,
  AuditFacts,
  CounterpartyFacts,
  IssuerFacts,
} from './evidence-facts.js';

/** The ports the gathering reads. */
export interface AlertFactSources {
  readonly monitoring: MonitoringStore;
  readonly watchlist: WatchlistStore;
  readonly audit: AuditStore;
  readonly markings: Pick<MarkingStore, 'readableEntries' | 'entryMarkings'>;
}

/**
 * The facts of alert `alertId` of the viewer's organization, with the combined marking of the
 * list entry it includes; the read of a marked entry is audited.
 *
 * @throws NotFoundError when the organization has no such alert, or the viewer may not read
 *   its list entry.
 */
export async function alertEvidenceFacts(
  sources: AlertFactSources,
  viewer: RecordViewer,
  issuer: IssuerFacts,
  alertId: number,
  now: Date,
): Promise<AlertEvidenceFacts> {
  const { actor } = viewer;
  const found = await sources.monitoring.findAlert(actor.organizationId, alertId);
  const [alert] =
    found === undefined ? [] : await readableAlerts(sources.markings, viewer, [found], true);
  if (alert === undefined) {
    throw new NotFoundError('alert', String(alertId));
  }
  const counterparty = await sources.monitoring.findCounterparty(
    actor.organizationId,
    alert.counterpartyId,
  );
  if (counterparty === undefined) {
    throw new NotFoundError('counterparty', String(alert.counterpartyId));
  }
  const entry =
    (await sources.watchlist.findEntryVersions([alert.entryVersion])).get(alert.entryVersion) ??
    null;
  const notes = await sources.monitoring.alertNotes(actor.organizationId, alertId);
  return {
    packId: randomUUID(),
    generatedAt: now.toISOString(),
    issuer,
    alert: {
      id: alert.id,
      state: alert.state,
      score: alert.score,
      entryId: alert.entryId,
      entryVersion: alert.entryVersion,
      entryName: alert.entryName,
      matchedName: alert.matchedName,
      runId: alert.runId,
      createdAt: alert.createdAt,
      updatedAt: alert.updatedAt,
      assigneeId: alert.assigneeId,
      dueAt: alert.dueAt,
      pending: alert.pending,
      decidedBy: alert.decidedBy,
      decisionReason: alert.decisionReason,
      closedReason: alert.closedReason,
    },
    counterparty: counterpartyFacts(counterparty),
    entry,
    explanation: entry === null ? null : explain(counterparty, entry),
    history: notes.map((n) => ({ at: n.at, actorId: n.actorId, kind: n.kind, text: n.text })),
    auditEvents: (await alertAuditEvents(sources.audit, actor.organizationId, alertId)).map(
      auditFacts,
    ),
    marking: combinedMarking(await sources.markings.entryMarkings([alert.entryId])),
  };
}

function counterpartyFacts(c: Counterparty): CounterpartyFacts {
  return {
    id: c.id,
    portfolioId: c.portfolioId,
    externalId: c.externalId,
    kind: c.kind,
    name: c.name,
    aliases: c.aliases,
    ...(c.dob === undefined ? {} : { dob: c.dob }),
    ...(c.country === undefined ? {} : { country: c.country }),
    documents: c.documents.map((d) => ({ type: d.type, number: d.number })),
  };
}

/** The best-scoring explanation among the counterparty's queries against this one entry. */
function explain(counterparty: Counterparty, entry: WatchlistEntry): MatchExplanation | null {
  const index = buildPairIndex(entry);
  let best: { score: number; explanation: MatchExplanation } | undefined;
  for (const query of counterpartyQueries(counterparty)) {
    try {
      for (const match of screen(index, query, { threshold: 0, limit: 1 })) {
        if (best === undefined || match.score > best.score) {
          best = { score: match.score, explanation: match.explanation };
        }
      }
    } catch {
      // A name the screening engine refuses (empty after normalization) explains nothing.
    }
  }
  return best?.explanation ?? null;
}

async function alertAuditEvents(
  audit: AuditStore,
  organizationId: string,
  alertId: number,
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let afterSeq = 0; ;) {
    const page = await audit.list({ afterSeq, limit: 1000, targetId: String(alertId) });
    events.push(
      ...page.filter(
        (e) =>
          e.targetType === 'alert' &&
          (e.organizationId === organizationId || e.organizationId === null),
      ),
    );
    if (page.length < 1000) {
      return events;
    }
    afterSeq = page.at(-1)!.seq;
  }
}

function auditFacts(e: AuditEvent): AuditFacts {
  return {
    seq: e.seq,
    at: e.at,
    action: e.action,
    actorKind: e.actorKind,
    actorId: e.actorId,
    outcome: e.outcome,
    reason: e.reason,
    hash: e.hash,
    prevHash: e.prevHash,
  };
}
