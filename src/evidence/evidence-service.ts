/**
 * The evidence use cases: screening certificates (per counterparty, per run), alert evidence
 * packs and ROS drafts. Each checks the caller's right to the organization's monitoring records
 * (`alert.read` for certificates; `record.export` for packs and ROS drafts, which leave
 * Puente) and records the download in the audit trail, because the documents carry marked data.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

import type { MarkingStore } from '../access/marking-store.js';
import type { RecordViewer } from '../access/record-viewer.js';
import type { AuditContext } from '../audit/audit-event.js';
import type { AuditStore } from '../audit/audit-store.js';
import { NotFoundError } from '../core/errors.js';
import type { Actor } from '../identity/actor.js';
import type { IdentityStore } from '../identity/identity-store.js';
import { Permission } from '../identity/permissions.js';
import type { Alert } from '../monitoring/alert.js';
import type { Counterparty } from '../monitoring/counterparty.js';
import { readableAlerts } from '../monitoring/alert-review.js';
import { requireMonitoringAccess } from '../monitoring/monitoring-access.js';
import type { MonitoringStore } from '../monitoring/monitoring-store.js';
import { counterpartyQueries } from '../monitoring/screen-counterparty.js';
import type { ListVersion, ScreeningService } from '../screening/screening-service.js';
import type { WatchlistStore } from '../watchlist/watchlist-store.js';
import type { DocumentLanguage } from './document-model.js';
import { alertEvidenceFacts } from './gather-alert-facts.js';
import type {
  AlertEvidenceFacts,
  CertificateFacts,
  CertificateResult,
  IssuerFacts,
  MatchFacts,
} from './evidence-facts.js';
import { evidenceJson, evidencePackDocument } from './evidence-pack.js';
import { combinedMarking } from '../access/change-marking.js';
import { renderPdf } from './render-pdf.js';
import { rosDraftDocument } from './ros-draft.js';
import { certificateCsv, certificateDocument } from './screening-certificate.js';

/** What the service reads. */
export interface EvidenceDeps {
  readonly monitoring: MonitoringStore;
  readonly watchlist: WatchlistStore;
  readonly audit: AuditStore;
  readonly identity: IdentityStore;
  /** Markings of list entries: which the caller may read, and what a document is marked. */
  readonly markings: Pick<MarkingStore, 'readableEntries' | 'entryMarkings'>;
  readonly screening: ScreeningService;
  /** The alert threshold of monitoring. */
  readonly threshold: number;
  readonly clock?: () => Date;
}

/** A produced file. */
export interface EvidenceFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly filename: string;
}

/** Formats of a certificate. */
export type CertificateFormat = 'pdf' | 'csv';

/** Certificates, evidence packs and ROS drafts. */
export class EvidenceService {
  constructor(private readonly deps: EvidenceDeps) {}

  /** A certificate of screening one counterparty now against the current lists. */
  async counterpartyCertificate(
    actor: Actor,
    counterpartyId: number,
    format: CertificateFormat,
    language: DocumentLanguage,
    audit: AuditContext,
  ): Promise<EvidenceFile> {
    requireMonitoringAccess(actor, Permission.AlertRead, actor.organizationId, 'read');
    const counterparty = await this.deps.monitoring.findCounterparty(
      actor.organizationId,
      counterpartyId,
    );
    if (counterparty === undefined) {
      throw new NotFoundError('counterparty', String(counterpartyId));
    }
    const viewer = { actor, audit };
    const screened = await this.screenNow(counterparty, viewer);
    const matches = await this.withAlerts(viewer, counterparty.id, screened.matches);
    const facts: CertificateFacts = {
      certificateId: randomUUID(),
      scope: 'counterparty',
      issuedAt: this.now().toISOString(),
      issuer: await this.issuer(actor),
      screenedAt: screened.screenedAt,
      screenedBy: `${actor.name} (${actor.id})`,
      threshold: this.deps.threshold,
      publications: await this.publications(screened.lists.map((v) => v.publicationId)),
      results: [
        {
          counterparty: pickCounterparty(counterparty),
          outcome: screened.matches.length === 0 ? 'no-match' : 'potential-match',
          matches,
        },
      ],
      marking: await this.markingOf(matches.map((m) => m.entryId)),
    };
    await this.recordRead(audit, 'evidence.certificate', 'counterparty', String(counterpartyId), {
      format,
      language,
      certificateId: facts.certificateId,
    });
    return this.certificateFile(
      facts,
      format,
      language,
      `certificate-counterparty-${counterpartyId}`,
    );
  }

  /** A certificate of one re-screening run: its lists, its times and the alerts it raised. */
  async runCertificate(
    actor: Actor,
    runId: number,
    format: CertificateFormat,
    language: DocumentLanguage,
    audit: AuditContext,
  ): Promise<EvidenceFile> {
    requireMonitoringAccess(actor, Permission.AlertRead, actor.organizationId, 'read');
    const run = await this.deps.monitoring.findRun(runId);
    if (
      run === undefined ||
      (run.organizationId !== null && run.organizationId !== actor.organizationId)
    ) {
      throw new NotFoundError('run', String(runId));
    }
    const alerts = await readableAlerts(
      this.deps.markings,
      { actor, audit },
      (await this.organizationAlerts(actor.organizationId)).filter((a) => a.runId === run.id),
      true,
    );
    const facts: CertificateFacts = {
      certificateId: randomUUID(),
      scope: 'run',
      issuedAt: this.now().toISOString(),
      issuer: await this.issuer(actor),
      screenedAt: run.createdAt,
      screenedBy: `puente monitoring (${run.kind} run ${run.id})`,
      threshold: run.threshold,
      publications: await this.publications(run.toLists.map((v) => v.publicationId)),
      run: {
        id: run.id,
        kind: run.kind,
        status: run.status,
        createdAt: run.createdAt,
        finishedAt: run.finishedAt,
        processed: run.processed,
        alertsRaised: run.alertsRaised,
        alertsClosed: run.alertsClosed,
      },
      results: await this.resultsOf(actor.organizationId, alerts),
      marking: await this.markingOf(alerts.map((a) => a.entryId)),
    };
    await this.recordRead(audit, 'evidence.certificate', 'run', String(runId), {
      format,
      language,
      certificateId: facts.certificateId,
    });
    return this.certificateFile(facts, format, language, `certificate-run-${runId}`);
  }

  /** The facts of one alert, as JSON-ready data (for the pack and the ROS draft). */
  async alertFacts(
    actor: Actor,
    alertId: number,
    audit: AuditContext,
  ): Promise<AlertEvidenceFacts> {
    requireMonitoringAccess(actor, Permission.RecordExport, actor.organizationId, 'export');
    const issuer = await this.issuer(actor);
    return alertEvidenceFacts(this.deps, { actor, audit }, issuer, alertId, this.now());
  }

  /** The evidence pack: `format` `json` for the facts, `pdf` for their rendering. */
  async evidencePack(
    actor: Actor,
    alertId: number,
    format: 'pdf' | 'json',
    language: DocumentLanguage,
    audit: AuditContext,
  ): Promise<EvidenceFile> {
    const facts = await this.alertFacts(actor, alertId, audit);
    const { json, sha256 } = evidenceJson(facts);
    await this.recordRead(audit, 'evidence.pack', 'alert', String(alertId), {
      format,
      language,
      packId: facts.packId,
      sha256,
    });
    if (format === 'json') {
      return {
        body: Buffer.from(json),
        contentType: 'application/json',
        filename: `evidence-alert-${alertId}.json`,
      };
    }
    const body = await renderPdf(evidencePackDocument(facts, language));
    return { body, contentType: 'application/pdf', filename: `evidence-alert-${alertId}.pdf` };
  }

  /** The ROS draft of a confirmed alert. */
  async rosDraft(
    actor: Actor,
    alertId: number,
    language: DocumentLanguage,
    audit: AuditContext,
  ): Promise<EvidenceFile> {
    const facts = await this.alertFacts(actor, alertId, audit);
    const document = rosDraftDocument(facts, language);
    await this.recordRead(audit, 'evidence.ros-draft', 'alert', String(alertId), {
      language,
      packId: facts.packId,
    });
    return {
      body: await renderPdf(document),
      contentType: 'application/pdf',
      filename: `ros-draft-alert-${alertId}.pdf`,
    };
  }

  private async certificateFile(
    facts: CertificateFacts,
    format: CertificateFormat,
    language: DocumentLanguage,
    name: string,
  ): Promise<EvidenceFile> {
    if (format === 'csv') {
      return {
        body: Buffer.from(certificateCsv(facts, language)),
        contentType: 'text/csv; charset=utf-8',
        filename: `${name}.csv`,
      };
    }
    return {
      body: await renderPdf(certificateDocument(facts, language)),
      contentType: 'application/pdf',
      filename: `${name}.pdf`,
    };
  }

  /** Screens now as the viewer sees the lists: marked entries it may not read are not listed. */
  private async screenNow(counterparty: Counterparty, viewer: RecordViewer) {
    const best = new Map<string, MatchFacts>();
    let last: Awaited<ReturnType<ScreeningService['screen']>> | undefined;
    const visible = this.deps.watchlist.visibleTo(viewer);
    const readable = (lists: readonly ListVersion[], entryIds: readonly string[]) =>
      visible.filterReadable(
        lists.map((list) => ({ id: list.publicationId, source: list.source })),
        entryIds,
      );
    for (const query of counterpartyQueries(counterparty)) {
      last = await this.deps.screening.screen(
        query,
        { threshold: this.deps.threshold, limit: 100 },
        readable,
      );
      for (const match of last.matches) {
        if ((best.get(match.entryId)?.score ?? -1) < match.score) {
          best.set(match.entryId, {
            entryId: match.entryId,
            entryName: match.name,
            score: match.score,
          });
        }
      }
    }
    return {
      matches: [...best.values()].sort((a, b) => b.score - a.score),
      lists: last?.lists ?? [],
      screenedAt: last?.screenedAt ?? this.now().toISOString(),
    };
  }

  private async withAlerts(
    viewer: RecordViewer,
    counterpartyId: number,
    matches: readonly MatchFacts[],
  ): Promise<MatchFacts[]> {
    const listed = await this.deps.monitoring.listAlerts({
      organizationId: viewer.actor.organizationId,
      counterpartyId,
      limit: 1000,
    });
    // The matches were screened as the viewer sees the lists: their reads are already audited.
    const alerts = await readableAlerts(this.deps.markings, viewer, listed, false);
    return matches.map((match) => {
      const alert = alerts.find((a) => a.entryId === match.entryId);
      return alert === undefined ? match : { ...match, alertId: alert.id, alertState: alert.state };
    });
  }

  private async organizationAlerts(organizationId: string): Promise<Alert[]> {
    const all: Alert[] = [];
    for (let afterId = 0; ;) {
      const page = await this.deps.monitoring.listAlerts({ organizationId, afterId, limit: 1000 });
      all.push(...page);
      if (page.length < 1000) {
        return all;
      }
      afterId = page.at(-1)!.id;
    }
  }

  private async resultsOf(
    organizationId: string,
    alerts: readonly Alert[],
  ): Promise<CertificateResult[]> {
    const byCounterparty = new Map<number, Alert[]>();
    for (const alert of alerts) {
      byCounterparty.set(alert.counterpartyId, [
        ...(byCounterparty.get(alert.counterpartyId) ?? []),
        alert,
      ]);
    }
    const results: CertificateResult[] = [];
    for (const [counterpartyId, own] of byCounterparty) {
      const counterparty = await this.deps.monitoring.findCounterparty(
        organizationId,
        counterpartyId,
      );
      results.push({
        counterparty:
          counterparty === undefined
            ? { id: counterpartyId, externalId: '', name: own[0]!.matchedName, kind: '' }
            : pickCounterparty(counterparty),
        outcome: 'potential-match',
        matches: own.map((a) => ({
          entryId: a.entryId,
          entryName: a.entryName,
          score: a.score,
          alertId: a.id,
          alertState: a.state,
        })),
      });
    }
    return results;
  }

  /** The combined marking of the marked entries among `entryIds`, null when none is marked. */
  private async markingOf(entryIds: readonly string[]) {
    return combinedMarking(await this.deps.markings.entryMarkings(entryIds));
  }

  private async publications(ids: readonly number[]) {
    const found = await Promise.all(ids.map((id) => this.deps.watchlist.findPublication(id)));
    return found
      .filter((p) => p !== undefined)
      .map((p) => ({
        source: p.source,
        publicationId: p.id,
        publishedAt: p.publishedAt,
        contentHash: p.contentHash,
      }));
  }

  private async issuer(actor: Actor): Promise<IssuerFacts> {
    const organization = await this.deps.identity.findOrganization(actor.organizationId);
    return {
      organizationId: actor.organizationId,
      organizationName: organization?.name ?? actor.organizationId,
      actorId: actor.id,
      actorName: actor.name,
    };
  }

  private async recordRead(
    audit: AuditContext,
    action: string,
    targetType: string,
    targetId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.deps.audit.append(audit, { action, targetType, targetId, details });
  }

  private now(): Date {
    return (this.deps.clock ?? (() => new Date()))();
  }
}

function pickCounterparty(counterparty: Counterparty) {
  return {
    id: counterparty.id,
    externalId: counterparty.externalId,
    name: counterparty.name,
    kind: counterparty.kind,
  };
}
