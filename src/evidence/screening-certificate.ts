/**
 * The screening certificate: which list publications a counterparty (or every counterparty of a
 * run) was screened against, when, by whom, and with what result. As a document (PDF) and as
 * CSV, one row per counterparty and match.
 *
 * @module
 */
import { stringify } from 'csv-stringify/sync';

import { formatMarking } from '../access/marking.js';
import { markingBanner } from './marking-banner.js';
import type { DocumentLanguage, DocumentSection, EvidenceDocument } from './document-model.js';
import type { CertificateFacts, CertificateResult } from './evidence-facts.js';
import { labelsFor } from './evidence-labels.js';
import type { EvidenceLabels } from './evidence-labels.js';

/**
 * The certificate as a document.
 *
 * @example
 * const pdf = await renderPdf(certificateDocument(facts, 'es'));
 */
export function certificateDocument(
  facts: CertificateFacts,
  language: DocumentLanguage,
): EvidenceDocument {
  const l = labelsFor(language);
  const sections: DocumentSection[] = [
    {
      heading: l.screening,
      fields: [
        [l.organization, facts.issuer.organizationName],
        [l.screenedAt, facts.screenedAt],
        [l.screenedBy, facts.screenedBy],
        [l.threshold, facts.threshold.toFixed(2)],
        [l.issuedAt, facts.issuedAt],
        [l.issuedBy, `${facts.issuer.actorName} (${facts.issuer.actorId})`],
      ],
    },
    {
      heading: l.lists,
      tables: [
        {
          columns: [l.source, l.publication, l.publishedAt, l.contentHash],
          rows: facts.publications.map((p) => [
            p.source,
            String(p.publicationId),
            p.publishedAt,
            p.contentHash,
          ]),
        },
      ],
    },
  ];
  if (facts.run !== undefined) {
    const run = facts.run;
    sections.push({
      heading: `${l.run} ${run.id}`,
      fields: [
        [l.runKind, run.kind],
        [l.status, run.status],
        [l.started, run.createdAt],
        [l.finished, run.finishedAt ?? ''],
        [l.processed, String(run.processed)],
        [l.alertsRaised, String(run.alertsRaised)],
        [l.alertsClosed, String(run.alertsClosed)],
      ],
    });
  }
  sections.push({ heading: l.results, tables: [resultsTable(facts.results, l)] });
  return {
    title: l.certificateTitle,
    subtitle: `${facts.scope === 'run' ? l.certificateRun : l.certificateCounterparty} · ${l.certificate} ${facts.certificateId}`,
    sections,
    ...markingBanner(facts.marking),
    footer: `${l.certificate} ${facts.certificateId} · ${facts.issuer.organizationName} · ${facts.issuedAt}`,
    author: facts.issuer.organizationName,
    createdAt: new Date(facts.issuedAt),
  };
}

function resultsTable(results: readonly CertificateResult[], l: EvidenceLabels) {
  return {
    columns: [l.counterpartyId, l.externalId, l.name, l.outcome, l.entry, l.score, l.alert],
    rows: results.flatMap((result) => resultRows(result, l)),
  };
}

function resultRows(result: CertificateResult, l: EvidenceLabels): string[][] {
  const { counterparty } = result;
  const base = [String(counterparty.id), counterparty.externalId, counterparty.name];
  if (result.matches.length === 0) {
    return [[...base, l.noMatch, '', '', '']];
  }
  return result.matches.map((match) => [
    ...base,
    l.potentialMatch,
    `${match.entryId} ${match.entryName}`,
    match.score.toFixed(3),
    match.alertId === undefined ? '' : `${match.alertId} (${match.alertState ?? ''})`,
  ]);
}

/**
 * The certificate as CSV: one row per counterparty and match, every row carrying the
 * certificate id, the screening time and the publications, so each row stands on its own.
 *
 * @example
 * writeFileSync('certificate.csv', certificateCsv(facts, 'en'));
 */
export function certificateCsv(facts: CertificateFacts, language: DocumentLanguage): string {
  const l = labelsFor(language);
  const publications = facts.publications
    .map((p) => `${p.source}#${p.publicationId}@${p.publishedAt}`)
    .join(' ');
  const header = [
    l.certificate,
    l.screenedAt,
    l.screenedBy,
    l.lists,
    l.threshold,
    l.counterpartyId,
    l.externalId,
    l.name,
    l.kind,
    l.outcome,
    l.entry,
    l.score,
    l.alert,
    l.state,
  ];
  const rows = facts.results.flatMap((result) => {
    const base = [
      facts.certificateId,
      facts.screenedAt,
      facts.screenedBy,
      publications,
      facts.threshold.toFixed(2),
      String(result.counterparty.id),
      result.counterparty.externalId,
      result.counterparty.name,
      result.counterparty.kind,
    ];
    if (result.matches.length === 0) {
      return [[...base, l.noMatch, '', '', '', '']];
    }
    return result.matches.map((m) => [
      ...base,
      l.potentialMatch,
      m.entryId,
      m.score.toFixed(3),
      m.alertId === undefined ? '' : String(m.alertId),
      m.alertState ?? '',
    ]);
  });
  // A spreadsheet must not run a cell as a formula: cells starting with = + - @ are quoted with '.
  // The marking leads the file when any named entry is marked, so it travels with the rows.
  const banner = facts.marking === null ? [] : [[formatMarking(facts.marking)]];
  return stringify([...banner, header, ...rows.map((row) => row.map(neutralizeFormula))], {
    bom: true,
  });
}

function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
