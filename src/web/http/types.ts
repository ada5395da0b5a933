/**
 * Shapes of the API responses the pages read, as the server's OpenAPI document describes them
 * (`/openapi.json`; schemas in src/api/schemas/). Only the fields the pages use are listed.
 *
 * @module
 */

/** The signed-in caller (`GET /auth/me`). */
export interface Actor {
  readonly kind: 'user' | 'service';
  readonly id: string;
  readonly name: string;
  readonly organizationId: string;
  readonly country: string;
  readonly roles: readonly string[];
  readonly permissions: readonly string[];
  readonly clearance: string;
}

/** What `POST /auth/login` answers. */
export interface LoginResult {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
}

/** An entity type of a list entry or a query. */
export type EntityType = 'individual' | 'entity' | 'vessel' | 'aircraft';

/** One aligned pair of query and list words. */
export interface TokenMatch {
  readonly query: string;
  readonly list: string;
  readonly method: string;
  readonly similarity: number;
  readonly weight: number;
}

/** A non-name fact that moved the score. */
export interface FactEffect {
  readonly fact: string;
  readonly outcome: string;
  readonly effect: number;
  readonly detail: string;
}

/** Why a match scored what it did. */
export interface MatchExplanation {
  readonly summary: string;
  readonly nameScore: number;
  readonly queryCoverage: number;
  readonly listCoverage: number;
  readonly tokens: readonly TokenMatch[];
  readonly unmatchedQuery: readonly string[];
  readonly unmatchedList: readonly string[];
  readonly listNameOrder: string;
  readonly facts: readonly FactEffect[];
  readonly decisive?: string;
}

/** One screening match. */
export interface ScreeningMatch {
  readonly entryId: string;
  readonly source: string;
  readonly sourceId: string;
  readonly score: number;
  readonly name: string;
  readonly matchedNameKind: 'primary' | 'alias' | 'weak-alias';
  readonly entityType: EntityType;
  readonly programs: readonly string[];
  readonly explanation: MatchExplanation;
}

/** A list publication screened against. */
export interface ListVersion {
  readonly source: string;
  readonly publicationId: number;
  readonly publishedAt: string;
}

/** `POST /screen` response. */
export interface ScreeningResult {
  readonly matches: readonly ScreeningMatch[];
  readonly threshold: number;
  readonly lists: readonly ListVersion[];
  readonly screenedAt: string;
}

/** One line of a streamed batch result. */
export interface BatchResultLine {
  readonly line: number;
  readonly ref?: string;
  readonly name?: string;
  readonly matches?: readonly ScreeningMatch[];
  readonly error?: string;
  /** Banner of the combined marking of the marked entries this line names (absent when none). */
  readonly marking?: string;
}

/** A parse warning of a publication. */
export interface ParseWarning {
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line?: number;
}

/** A stored publication. */
export interface Publication {
  readonly id: number;
  readonly source: string;
  readonly publishedAt: string;
  readonly contentHash: string;
  readonly ingestedAt: string;
  readonly entryCount: number;
  readonly files: readonly string[];
  readonly report: {
    readonly entries: number;
    readonly warnings: readonly ParseWarning[];
    readonly warningCounts: Readonly<Record<string, number>>;
  };
}

/** `GET /lists` item. */
export interface SourceStatus {
  readonly source: string;
  readonly current: Publication;
  readonly publications: number;
}

/** An entry in a diff. */
export interface EntrySummary {
  readonly entryId: string;
  readonly sourceId: string;
  readonly name: string;
  readonly entityType: string;
  readonly programs: readonly string[];
}

/** One changed field of an entry. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly itemsAdded?: readonly unknown[];
  readonly itemsRemoved?: readonly unknown[];
}

/** `GET /lists/diff` response. */
export interface PublicationDiff {
  readonly from: Publication;
  readonly to: Publication;
  readonly counts: {
    readonly added: number;
    readonly removed: number;
    readonly changed: number;
    readonly unchanged: number;
  };
  readonly added: readonly EntrySummary[];
  readonly removed: readonly EntrySummary[];
  readonly changed: readonly (EntrySummary & { readonly changes: readonly FieldChange[] })[];
}

/** A parsed fact: an object of strings, numbers and nested values. */
export type Fact = Readonly<Record<string, unknown>>;

/** A watchlist entry with every parsed fact. */
export interface WatchlistEntry {
  readonly source: string;
  readonly sourceId: string;
  readonly entityType: EntityType;
  readonly name: string;
  readonly originalScriptName?: string;
  readonly programs: readonly string[];
  readonly title?: string;
  readonly aliases: readonly Fact[];
  readonly documents: readonly Fact[];
  readonly links: readonly Fact[];
  readonly remarks?: string;
  readonly listedOn?: string;
  readonly [field: string]: unknown;
}

/** `GET /lists/entries/{id}` response. */
export interface EntryView {
  readonly entryId: string;
  readonly publication: Publication;
  readonly entry: WatchlistEntry;
  readonly history: readonly {
    readonly publicationId: number;
    readonly publishedAt: string;
    readonly versionHash: string;
    readonly changed: boolean;
  }[];
}

/** `POST /lists/publications` response. */
export interface IngestResult {
  readonly publications: readonly {
    readonly created: boolean;
    readonly publication: Publication;
  }[];
  readonly unclaimed: readonly string[];
}

/** An organization. */
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly kind: 'agency' | 'company';
  readonly country: string;
  readonly createdAt: string;
}

/** A user account. */
export interface User {
  readonly id: string;
  readonly organizationId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly clearance: string;
  readonly status: 'active' | 'disabled';
  readonly totpEnabled: boolean;
  readonly createdAt: string;
}

/** A service account (holder of API keys). */
export interface ServiceAccount {
  readonly id: string;
  readonly name: string;
  readonly clearance: string;
  readonly status: 'active' | 'disabled';
  readonly createdAt: string;
}

/** A stored API key, without its secret. */
export interface ApiKey {
  readonly id: string;
  readonly serviceAccountId: string;
  readonly name: string;
  readonly permissions: readonly string[];
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

/** A key as the administration lists it (`GET /admin/api-keys`): never its secret. */
export interface ListedApiKey extends ApiKey {
  readonly serviceAccountName: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

/** One audit event. */
export interface AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly actorKind: string;
  readonly actorId: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly outcome: 'success' | 'denied' | 'failure';
  readonly ip: string | null;
  readonly hash: string;
}

/** `GET /audit/verify` response. */
export type AuditChainReport =
  | { readonly intact: true; readonly count: number; readonly head: { readonly seq: number } }
  | {
      readonly intact: false;
      readonly count: number;
      readonly brokenSeq: number;
      readonly reason: string;
    };

/** A portfolio of counterparties monitored against the lists. */
export interface Portfolio {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
}

/** A monitored counterparty. */
export interface Counterparty {
  readonly id: number;
  readonly portfolioId: number;
  readonly externalId: string;
  readonly kind: 'person' | 'company';
  readonly name: string;
  readonly aliases: readonly string[];
  readonly dob?: string;
  readonly country?: string;
  readonly documents: readonly { readonly type: string; readonly number: string }[];
}

/** The report of a portfolio import. */
export interface ImportReport {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly valid: number;
  readonly invalid: number;
  readonly imported: number;
  readonly alertsRaised: number;
  readonly errors: readonly {
    readonly line: number;
    readonly field: string;
    readonly message: string;
  }[];
  readonly errorsTruncated: boolean;
}

/** The states of an alert. */
export const ALERT_STATES = ['open', 'in_review', 'confirmed', 'cleared', 'closed'] as const;

/** One alert state. */
export type AlertState = (typeof ALERT_STATES)[number];

/** A monitoring alert: a counterparty matched a list entry. */
export interface Alert {
  readonly id: number;
  readonly portfolioId: number;
  readonly counterpartyId: number;
  readonly entryId: string;
  readonly entryName: string;
  readonly matchedName: string;
  readonly score: number;
  readonly state: AlertState;
  readonly assigneeId: string | null;
  readonly dueAt: string | null;
  readonly pending: {
    readonly decision: 'confirm' | 'clear';
    readonly by: string;
    readonly reason: string;
    readonly at: string;
  } | null;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
  readonly closedReason: string | null;
  readonly createdAt: string;
}

/** A comment or change in an alert's history. */
export interface AlertNote {
  readonly id: number;
  readonly at: string;
  readonly actorId: string;
  readonly kind: string;
  readonly text: string;
}
