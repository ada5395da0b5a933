/**
 * The draft suspicious-operation report (ROS) for the UIAF from a confirmed alert. A draft: the
 * compliance officer completes the description of the operations and files it through SIREL.
 * It carries who reports, whom, the list match with its facts, the internal analysis with both
 * reviewers and their reasons, and the evidence pack it rests on.
 *
 * @module
 */
import { ConflictError } from '../core/errors.js';
import { markingBanner } from './marking-banner.js';
import type { DocumentLanguage, EvidenceDocument } from './document-model.js';
import type { AlertEvidenceFacts } from './evidence-facts.js';
import { labelsFor } from './evidence-labels.js';
import { evidenceJson } from './evidence-pack.js';

/**
 * The ROS draft as a document.
 *
 * @throws ConflictError unless the alert is a confirmed match.
 * @example
 * const pdf = await renderPdf(rosDraftDocument(facts, 'es'));
 */
export function rosDraftDocument(
  facts: AlertEvidenceFacts,
  language: DocumentLanguage,
): EvidenceDocument {
  const { alert, counterparty: c, entry } = facts;
  if (alert.state !== 'confirmed') {
    throw new ConflictError(
      `alert ${alert.id} is ${alert.state}: a ROS draft needs a confirmed match`,
      {
        alertId: alert.id,
        state: alert.state,
      },
    );
  }
  const l = labelsFor(language);
  const programs = entry?.programs.join(', ') ?? '';
  const proposal = [...facts.history].reverse().find((note) => note.kind.includes('propos'));
  return {
    title: l.rosTitle,
    subtitle: `${facts.issuer.organizationName} · ${l.alert} ${alert.id} · ${facts.generatedAt}`,
    notice: l.rosNotice,
    sections: [
      {
        heading: l.reportingEntity,
        fields: [
          [l.organization, facts.issuer.organizationName],
          [l.issuedBy, `${facts.issuer.actorName} (${facts.issuer.actorId})`],
          [l.issuedAt, facts.generatedAt],
        ],
      },
      {
        heading: l.reportedParty,
        fields: [
          [l.name, c.name],
          [l.kind, c.kind],
          [l.documents, c.documents.map((d) => `${d.type} ${d.number}`).join('; ')],
          [l.dob, c.dob ?? ''],
          [l.country, c.country ?? ''],
          [l.externalId, c.externalId],
          [l.aliases, c.aliases.join('; ')],
        ],
      },
      {
        heading: l.listMatch,
        fields: [
          [l.entry, alert.entryId],
          [l.name, alert.entryName],
          [l.programs, programs],
          [l.score, alert.score.toFixed(3)],
          [l.documents, entry?.documents.map((d) => `${d.label} ${d.number}`).join('; ') ?? ''],
        ],
      },
      {
        heading: l.description,
        paragraphs: [
          l.rosFacts(c.name, alert.entryId, alert.entryName, programs, alert.score.toFixed(3)),
          l.toComplete,
        ],
      },
      {
        heading: l.analysis,
        fields: [
          [l.decision, alert.state],
          [l.proposedBy, proposal === undefined ? '' : `${proposal.actorId} · ${proposal.text}`],
          [l.decidedBy, alert.decidedBy ?? ''],
          [l.reason, alert.decisionReason ?? ''],
        ],
      },
      {
        heading: l.support,
        fields: [
          [l.evidencePack, facts.packId],
          [l.factsHash, evidenceJson(facts).sha256],
        ],
      },
    ],
    ...markingBanner(facts.marking),
    footer: `ROS · ${facts.issuer.organizationName} · ${l.alert} ${alert.id}`,
    author: facts.issuer.organizationName,
    createdAt: new Date(facts.generatedAt),
  };
}
