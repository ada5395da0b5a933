/**
 * The facts evidence documents are made from: plain data gathered by `evidence-service.ts`
 * from monitoring, the lists and the audit trail. The JSON form of these facts is itself part
 * of an evidence pack; the PDF is a rendering of them.
 *
 * @module
 */
import type { Marking } from '../access/marking.js';
import type { MatchExplanation } from '../screening/screening-types.js';
import type { WatchlistEntry } from '../watchlist/watchlist-entry.js';

/** Who issued a document, and for which organization. */
export interface IssuerFacts {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly actorId: string;
  readonly actorName: string;
}

/** A counterparty as screened. */
export interface CounterpartyFacts {
  readonly id: number;
  readonly portfolioId: number;
  readonly externalId: string;
  readonly kind: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly dob?: string;
  readonly country?: string;
  readonly documents: readonly { readonly type: string; readonly number: string }[];
}

/** One list publication screened against. */
export interface PublicationFacts {
  readonly source: string;
  readonly publicationId: number;
  readonly publishedAt: string;
  readonly contentHash: string;
}

/** One entry a counterparty matched, with its alert when there is one. */
export interface MatchFacts {
  readonly entryId: string;
  readonly entryName: string;
  readonly score: number;
  readonly alertId?: number;
  readonly alertState?: string;
}

/** The result for one counterparty. */
export interface CertificateResult {
  readonly counterparty: Pick<CounterpartyFacts, 'id' | 'externalId' | 'name' | 'kind'>;
  readonly outcome: 'no-match' | 'potential-match';
  readonly matches: readonly MatchFacts[];
}

/** A screening certificate: which lists, when, by whom, and what came out. */
export interface CertificateFacts {
  readonly certificateId: string;
  readonly scope: 'counterparty' | 'run';
  readonly issuedAt: string;
  readonly issuer: IssuerFacts;
  /** When the screening happened and who (or which process) ran it. */
  readonly screenedAt: string;
  readonly screenedBy: string;
  readonly threshold: number;
  readonly publications: readonly PublicationFacts[];
  readonly run?: {
    readonly id: number;
    readonly kind: string;
    readonly status: string;
    readonly createdAt: string;
    readonly finishedAt: string | null;
    readonly processed: number;
    readonly alertsRaised: number;
    readonly alertsClosed: number;
  };
  readonly results: readonly CertificateResult[];
  /** The combined marking of the marked list entries the results name; null when none is. */
  readonly marking: Marking | null;
}

/** The alert at the time of the pack. */
export interface AlertFacts {
  readonly id: number;
  readonly state: string;
  readonly score: number;
  readonly entryId: string;
  readonly entryVersion: string;
  readonly entryName: string;
  readonly matchedName: string;
  readonly runId: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly assigneeId: string | null;
  readonly dueAt: string | null;
  readonly pending: {
    readonly decision: string;
    readonly by: string;
    readonly reason: string;
    readonly at: string;
  } | null;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
  readonly closedReason: string | null;
}

/** A decision step or comment in the alert's history. */
export interface NoteFacts {
  readonly at: string;
  readonly actorId: string;
  readonly kind: string;
  readonly text: string;
}

/** An audit event about the alert, with its place in the chain. */
export interface AuditFacts {
  readonly seq: number;
  readonly at: string;
  readonly action: string;
  readonly actorKind: string;
  readonly actorId: string;
  readonly outcome: string;
  readonly reason: string | null;
  readonly hash: string;
  readonly prevHash: string;
}

/** Everything known about one alert. */
export interface AlertEvidenceFacts {
  readonly packId: string;
  readonly generatedAt: string;
  readonly issuer: IssuerFacts;
  readonly alert: AlertFacts;
  readonly counterparty: CounterpartyFacts;
  /** The list entry exactly as the version that raised the alert, every parsed fact included. */
  readonly entry: WatchlistEntry | null;
  /** How the score came about (re-computed from the same names and entry version). */
  readonly explanation: MatchExplanation | null;
  readonly history: readonly NoteFacts[];
  readonly auditEvents: readonly AuditFacts[];
  /**
   * The combined marking (`combineMarkings`) of the marked list entry included, null when it is
   * public: the pack is at least as restricted as the entry.
   */
  readonly marking: Marking | null;
}
