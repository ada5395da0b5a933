/**
 * A compact index of every counterparty, for delta re-screening: which counterparties can a
 * list change affect? It keeps, per distinct name token, the counterparties holding it (one
 * `Int32Array` each), plus hashed document keys and each counterparty's best score, so a
 * million counterparties cost tens of megabytes rather than a full screening index over them.
 *
 * Only the tokens the screening engine walks when it generates candidates are indexed (words,
 * numbers and generic company words; every non-legal token of a name without a distinctive
 * one): a counterparty none of whose walked tokens reaches a changed entry's tokens cannot have
 * that entry among its candidates.
 *
 * @module
 */
import { keyHash } from '../screening/hashed-keys.js';
import { analyzeName, type NameToken } from '../screening/name-tokens.js';
import { documentKeys } from '../screening/documents.js';
import type { CounterpartyKind } from './counterparty.js';
import type { CounterpartyNames, MonitoringStore } from './monitoring-store.js';

/** Rows read per store page while building. */
const SCAN_PAGE = 10_000;

/**
 * The walked tokens of a name, as the screening engine picks them, plus every two adjacent
 * non-legal tokens written as one (the engine matches `ABU MARZOOK` with `ABUMARZOOK`).
 */
export function walkedTokens(name: string, kind: CounterpartyKind): NameToken[] {
  const tokens = analyzeName(name, kind === 'person' ? 'individual' : 'entity').tokens;
  const distinctive = tokens.some((t) => t.kind === 'word' || t.kind === 'number');
  const walked = tokens.filter((t) =>
    distinctive
      ? t.kind === 'word' || t.kind === 'number' || t.kind === 'generic'
      : t.kind !== 'legal',
  );
  for (let i = 0; i + 1 < tokens.length; i++) {
    const left = tokens[i]!;
    const right = tokens[i + 1]!;
    if (left.kind !== 'legal' && right.kind !== 'legal') {
      walked.push({ ...left, text: left.text + right.text, kind: 'word' });
    }
  }
  return walked;
}

function tokenKey(token: NameToken): string {
  return `${token.script}|${token.kind}|${token.text}`;
}

/** Accumulates counterparties, then freezes into a `PortfolioIndex`. */
export class PortfolioIndexBuilder {
  readonly #lookup = new Map<string, number>();
  readonly #tokens: NameToken[] = [];
  readonly #postings: number[][] = [];
  readonly #ids: number[] = [];
  readonly #best: number[] = [];
  readonly #documents: [number, number][] = [];

  /** Adds one counterparty; ids must come in ascending order. */
  add(row: CounterpartyNames): void {
    const ordinal = this.#ids.length;
    this.#ids.push(row.id);
    this.#best.push(row.bestScore);
    for (const name of row.names) {
      for (const token of safeTokens(name, row.kind)) {
        const key = tokenKey(token);
        let id = this.#lookup.get(key);
        if (id === undefined) {
          id = this.#tokens.length;
          this.#lookup.set(key, id);
          this.#tokens.push({ ...token, surface: token.text, role: 'unknown' });
          this.#postings.push([]);
        }
        const list = this.#postings[id]!;
        if (list[list.length - 1] !== ordinal) {
          list.push(ordinal);
        }
      }
    }
    for (const number of row.documents) {
      for (const key of documentKeys(number)) {
        this.#documents.push([keyHash(key), ordinal]);
      }
    }
  }

  /** The frozen index. */
  build(): PortfolioIndex {
    const documents = this.#documents.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return new PortfolioIndex({
      tokens: this.#tokens,
      postings: this.#postings.map((list) => Int32Array.from(list)),
      ids: Float64Array.from(this.#ids),
      best: Float32Array.from(this.#best),
      documentHashes: Uint32Array.from(documents, (d) => d[0]),
      documentOrdinals: Int32Array.from(documents, (d) => d[1]),
    });
  }
}

/** A name the engine would refuse yields no tokens rather than failing the whole index. */
function safeTokens(name: string, kind: CounterpartyKind): NameToken[] {
  try {
    return walkedTokens(name, kind);
  } catch {
    return [];
  }
}

interface IndexParts {
  readonly tokens: readonly NameToken[];
  readonly postings: readonly Int32Array[];
  /** Ordinal → counterparty id, ascending. */
  readonly ids: Float64Array;
  readonly best: Float32Array;
  readonly documentHashes: Uint32Array;
  readonly documentOrdinals: Int32Array;
}

/** The frozen portfolio index. */
export class PortfolioIndex {
  readonly #parts: IndexParts;

  constructor(parts: IndexParts) {
    this.#parts = parts;
  }

  /** Reads every counterparty from the store. */
  static async load(store: MonitoringStore): Promise<PortfolioIndex> {
    const builder = new PortfolioIndexBuilder();
    let after = 0;
    for (;;) {
      const rows = await store.scanCounterpartyNames(after, SCAN_PAGE);
      for (const row of rows) {
        builder.add(row);
      }
      if (rows.length < SCAN_PAGE) {
        return builder.build();
      }
      after = rows[rows.length - 1]!.id;
    }
  }

  /** Counterparties indexed. */
  get size(): number {
    return this.#parts.ids.length;
  }

  /** Distinct tokens indexed. */
  get tokenCount(): number {
    return this.#parts.tokens.length;
  }

  /** Every distinct token with its id, for matching against a list change. */
  tokens(): readonly NameToken[] {
    return this.#parts.tokens;
  }

  /** Marks the counterparties holding token `tokenId`. */
  markToken(tokenId: number, marks: Uint8Array): void {
    const list = this.#parts.postings[tokenId]!;
    for (let k = 0; k < list.length; k++) {
      marks[list[k]!] = 1;
    }
  }

  /** Marks the counterparties holding a document under `key`. */
  markDocument(key: string, marks: Uint8Array): void {
    const { documentHashes, documentOrdinals } = this.#parts;
    const hash = keyHash(key);
    let lo = 0;
    let hi = documentHashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (documentHashes[mid]! < hash) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (let at = lo; at < documentHashes.length && documentHashes[at] === hash; at++) {
      marks[documentOrdinals[at]!] = 1;
    }
  }

  /** Marks the counterparties whose last best score reached `minScore`. */
  markNear(minScore: number, marks: Uint8Array): void {
    const best = this.#parts.best;
    for (let i = 0; i < best.length; i++) {
      if (best[i]! >= minScore) {
        marks[i] = 1;
      }
    }
  }

  /** Records a counterparty's new best score (no-op for one not indexed). */
  updateBest(id: number, score: number): void {
    const ids = this.#parts.ids;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid]! < id) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (ids[lo] === id) {
      this.#parts.best[lo] = score;
    }
  }

  /** Counterparty ids of the marked ordinals, ascending. */
  idsOf(marks: Uint8Array): number[] {
    const out: number[] = [];
    for (let i = 0; i < marks.length; i++) {
      if (marks[i] === 1) {
        out.push(this.#parts.ids[i]!);
      }
    }
    return out;
  }

  /** Every counterparty id, ascending. */
  allIds(): number[] {
    return Array.from(this.#parts.ids);
  }

  /** Bytes held by the typed arrays (the token texts and lookup add a little more). */
  get typedBytes(): number {
    const p = this.#parts;
    return (
      p.postings.reduce((sum, list) => sum + list.byteLength, 0) +
      p.ids.byteLength +
      p.best.byteLength +
      p.documentHashes.byteLength +
      p.documentOrdinals.byteLength
    );
  }
}
