/**
 * The evidence pack of one alert: the JSON facts (counterparty, list entry with every parsed
 * fact, score explanation, decisions and comments with reviewers and reasons, audit events with
 * their hashes) and a PDF rendering of them. The PDF prints the SHA-256 of the JSON, so the
 * two can be shown to belong together.
 *
 * @module
 */
import { canonicalJson, sha256Hex } from '../core/hash.js';
import { markingBanner } from './marking-banner.js';
import type { WatchlistEntry } from '../watchlist/watchlist-entry.js';
import type { DocumentLanguage, DocumentSection, EvidenceDocument } from './document-model.js';
import type { AlertEvidenceFacts } from './evidence-facts.js';
import { labelsFor } from './evidence-labels.js';
import type { EvidenceLabels } from './evidence-labels.js';

/** The JSON facts and their hash. */
export interface EvidenceJson {
  readonly json: string;
  readonly sha256: string;
}

/**
 * The canonical JSON of the facts (stable key order) and its SHA-256.
 *
 * @example
 * const { json, sha256 } = evidenceJson(facts);
 */
export function evidenceJson(facts: AlertEvidenceFacts): EvidenceJson {
  const json = canonicalJson(facts);
  return { json, sha256: sha256Hex(json) };
}

/**
 * The evidence pack as a document.
 *
 * @example
 * const pdf = await renderPdf(evidencePackDocument(facts, 'en'));
 */
export function evidencePackDocument(
  facts: AlertEvidenceFacts,
  language: DocumentLanguage,
): EvidenceDocument {
  const l = labelsFor(language);
  const { alert } = facts;
  const sections: DocumentSection[] = [
    {
      heading: `${l.alert} ${alert.id}`,
      fields: [
        [l.state, alert.state],
        [l.score, alert.score.toFixed(3)],
        [l.entry, `${alert.entryId} · ${alert.entryName}`],
        [l.run, String(alert.runId)],
        [l.decidedBy, alert.decidedBy ?? ''],
        [l.reason, alert.decisionReason ?? alert.closedReason ?? ''],
        ...(alert.pending === null
          ? []
          : [
              [
                l.pending,
                `${alert.pending.decision} · ${alert.pending.by} · ${alert.pending.reason}`,
              ] as const,
            ]),
      ],
    },
    counterpartySection(facts, l),
    ...(facts.entry === null ? [] : [entrySection(facts.entry, l)]),
    explanationSection(facts, l),
    {
      heading: l.history,
      tables: [
        {
          columns: [l.at, l.actor, l.note, l.reason],
          rows: facts.history.map((note) => [note.at, note.actorId, note.kind, note.text]),
        },
      ],
    },
    {
      heading: l.audit,
      tables: [
        {
          columns: [l.seq, l.at, l.action, l.actor, l.hash],
          rows: facts.auditEvents.map((e) => [
            String(e.seq),
            e.at,
            e.action,
            `${e.actorKind}:${e.actorId}`,
            e.hash,
          ]),
        },
      ],
    },
    { heading: l.integrity, fields: [[l.factsHash, evidenceJson(facts).sha256]] },
  ];
  return {
    title: l.packTitle,
    subtitle: `${facts.issuer.organizationName} · ${l.alert} ${alert.id} · ${facts.packId}`,
    sections,
    ...markingBanner(facts.marking),
    footer: `${l.evidencePack} ${facts.packId} · ${facts.generatedAt}`,
    author: facts.issuer.organizationName,
    createdAt: new Date(facts.generatedAt),
  };
}

function counterpartySection(facts: AlertEvidenceFacts, l: EvidenceLabels): DocumentSection {
  const c = facts.counterparty;
  return {
    heading: l.counterparty,
    fields: [
      [l.name, c.name],
      [l.externalId, c.externalId],
      [l.kind, c.kind],
      [l.aliases, c.aliases.join('; ')],
      [l.dob, c.dob ?? ''],
      [l.country, c.country ?? ''],
      [l.documents, c.documents.map((d) => `${d.type} ${d.number}`).join('; ')],
    ],
  };
}

/** Every parsed fact of the entry, one line per fact, as the list published it. */
function entrySection(entry: WatchlistEntry, l: EvidenceLabels): DocumentSection {
  const lines = [
    ...entry.aliases.map((a) => `alias (${a.type}, ${a.strength}): ${a.name}`),
    ...entry.birthDates.map((d) => `DOB: ${d.text}`),
    ...entry.birthPlaces.map((p) => `POB: ${p.text}`),
    ...entry.nationalities.map((n) => `nationality: ${n.text}`),
    ...entry.citizenships.map((n) => `citizenship: ${n.text}`),
    ...entry.documents.map(
      (d) => `${d.label} ${d.number}${d.country === undefined ? '' : ` (${d.country})`}`,
    ),
    ...entry.addresses.map(
      (a) =>
        `address: ${[a.street, a.city, a.stateProvince, a.postalCode, a.cityStateProvincePostal, a.country].filter(Boolean).join(', ')}`,
    ),
    ...entry.links.map((link) => `${link.relation}: ${link.name}`),
    ...entry.otherFacts.map((f) => `${f.label}: ${f.value}`),
    ...entry.unparsed.map((u) => `unparsed: ${u.text}`),
  ];
  return {
    heading: l.listEntry,
    fields: [
      [l.entry, `${entry.source}:${entry.sourceId}`],
      [l.name, entry.name],
      [l.kind, entry.entityType],
      [l.programs, entry.programs.join(', ')],
    ],
    paragraphs: [
      `${l.entryFacts}:`,
      ...lines,
      ...(entry.remarks === undefined ? [] : [entry.remarks]),
    ],
  };
}

function explanationSection(facts: AlertEvidenceFacts, l: EvidenceLabels): DocumentSection {
  const explanation = facts.explanation;
  if (explanation === null) {
    return { heading: l.explanation, paragraphs: ['—'] };
  }
  return {
    heading: l.explanation,
    fields: [[l.nameScore, explanation.nameScore.toFixed(3)]],
    paragraphs: [
      explanation.summary,
      ...explanation.facts.map(
        (f) =>
          `${l.facts}: ${f.fact} ${f.outcome} (${f.effect >= 0 ? '+' : ''}${f.effect.toFixed(3)}) ${f.detail}`,
      ),
    ],
    tables: [
      {
        columns: ['query', 'list', 'method', 'similarity'],
        rows: explanation.tokens.map((t) => [t.query, t.list, t.method, t.similarity.toFixed(2)]),
      },
    ],
  };
}
