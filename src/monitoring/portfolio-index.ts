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
import { KIND_FACTORS, kindCode } from '../screening/token-weights.js';
import type { CounterpartyKind } from './counterparty.js';
import type { CounterpartyNames, MonitoringStore } from './monitoring-store.js';

/** Rows read per store page while building. */
const SCAN_PAGE = 10_000;

/** Largest IDF a token can have in lists of up to a million entries: `ln((N + 1) / 0.5)`. */
export const MAX_IDF = Math.log(2_000_002);

/** A name as delta planning sees it. */
export interface PlannedName {
  /** Tokens the engine walks, in order. */
  readonly walked: NameToken[];
  /**
   * Tokens the engine may or may not read as written: against the lists' vocabulary it reads an
   * unknown word one typo from a legal-form word as that word (`LIBAILITY` → `LIABILITY`), so a
   * word may become part of a legal form, or the reverse. They mark the counterparty like walked
   * tokens but count as possibly matching, with the largest weight a word can have.
   */
  readonly uncertain: NameToken[];
  /** Adjacent tokens written as one (`ABU MARZOOK` → `abumarzook`). */
  readonly joined: NameToken[];
  /** Upper bound of the weight of the tokens not walked (particles, legal forms, initials). */
  readonly otherWeightBound: number;
}

const WORD_FACTOR = KIND_FACTORS[kindCode('word')]!;

/**
 * A name's walked tokens (as the screening engine picks them when it generates candidates),
 * the uncertain ones, its joined pairs, and a bound on the weight of everything else.
 */
export function planName(name: string, kind: CounterpartyKind): PlannedName {
  const type = kind === 'person' ? 'individual' : 'entity';
  const tokens = analyzeName(name, type).tokens;
  const corrected = analyzeName(name, type, { knownWord: () => false }).tokens;
  const plainWalked = walkedOf(tokens);
  const correctedWalked = walkedOf(corrected);
  const inCorrected = new Set(correctedWalked.map((t) => t.text));
  const inPlain = new Set(plainWalked.map((t) => t.text));
  const walked = plainWalked.filter((t) => inCorrected.has(t.text));
  const uncertain = [
    ...plainWalked.filter((t) => !inCorrected.has(t.text)),
    ...correctedWalked.filter((t) => !inPlain.has(t.text)),
  ];
  const certain = new Set(walked);
  const otherWeightBound =
    tokens
      .filter((t) => !certain.has(t) && !uncertain.includes(t))
      .reduce((sum, t) => sum + MAX_IDF * KIND_FACTORS[kindCode(t.kind)]!, 0) +
    uncertain.length * MAX_IDF * WORD_FACTOR;
  const joined: NameToken[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const left = tokens[i]!;
    const right = tokens[i + 1]!;
    if (left.kind !== 'legal' && right.kind !== 'legal') {
      joined.push({ ...left, text: left.text + right.text, kind: 'word' });
    }
  }
  return { walked, uncertain, joined, otherWeightBound };
}

/** The tokens candidate generation walks: distinctive ones, or every non-legal one if none. */
function walkedOf(tokens: readonly NameToken[]): NameToken[] {
  const distinctive = tokens.some((t) => t.kind === 'word' || t.kind === 'number');
  return tokens.filter((t) =>
    distinctive
      ? t.kind === 'word' || t.kind === 'number' || t.kind === 'generic'
      : t.kind !== 'legal',
  );
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
  /** Per ordinal: first name index. Per name: first token slot, bound of other weights. */
  readonly #nameStart: number[] = [];
  readonly #slotStart: number[] = [];
  readonly #slots: number[] = [];
  readonly #otherBound: number[] = [];

  /** Adds one counterparty; ids must come in ascending order. */
  add(row: CounterpartyNames): void {
    const ordinal = this.#ids.length;
    this.#ids.push(row.id);
    this.#best.push(row.bestScore);
    this.#nameStart.push(this.#otherBound.length);
    for (const name of row.names) {
      const planned = safePlan(name, row.kind);
      this.#slotStart.push(this.#slots.length);
      this.#otherBound.push(planned.otherWeightBound);
      for (const token of planned.walked) {
        this.#slots.push(this.#tokenId(token, ordinal));
      }
      for (const token of planned.uncertain) {
        this.#tokenId(token, ordinal); // postings only: it marks, the bound counts it as a match
      }
      for (const token of planned.joined) {
        // Joined pairs are stored negated (-1 - id): they only say "this name is reached".
        this.#slots.push(-1 - this.#tokenId(token, ordinal));
      }
    }
    for (const number of row.documents) {
      for (const key of documentKeys(number)) {
        this.#documents.push([keyHash(key), ordinal]);
      }
    }
  }

  #tokenId(token: NameToken, ordinal: number): number {
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
    return id;
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
      nameStart: Int32Array.from([...this.#nameStart, this.#otherBound.length]),
      slotStart: Int32Array.from([...this.#slotStart, this.#slots.length]),
      slots: Int32Array.from(this.#slots),
      otherBound: Float32Array.from(this.#otherBound),
    });
  }
}

/** A name the engine would refuse yields no tokens rather than failing the whole index. */
function safePlan(name: string, kind: CounterpartyKind): PlannedName {
  try {
    return planName(name, kind);
  } catch {
    return { walked: [], uncertain: [], joined: [], otherWeightBound: 0 };
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
  readonly nameStart: Int32Array;
  readonly slotStart: Int32Array;
  readonly slots: Int32Array;
  readonly otherBound: Float32Array;
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

  /**
   * True when one of the counterparty's names may reach `minCoverage` of query coverage against
   * one listed name: the weight of its walked tokens that cannot pair with that name
   * (`reach[token]`: 1 may match, 2 may pair with a listed initial — half credit —, 0 cannot)
   * must leave enough. Uncertain tokens count as matching; a reached joined pair keeps the name.
   */
  mayReach(
    ordinal: number,
    reach: Uint8Array,
    weightOf: (tokenId: number) => number,
    minCoverage: number,
  ): boolean {
    const { nameStart, slotStart, slots, otherBound } = this.#parts;
    for (let n = nameStart[ordinal]!; n < nameStart[ordinal + 1]!; n++) {
      let total = otherBound[n]!;
      let missing = 0;
      let joinedReach = false;
      for (let at = slotStart[n]!; at < slotStart[n + 1]!; at++) {
        const slot = slots[at]!;
        if (slot < 0) {
          joinedReach ||= reach[-1 - slot] !== 0;
          continue;
        }
        const weight = weightOf(slot);
        total += weight;
        missing += reach[slot] === 1 ? 0 : reach[slot] === 2 ? weight / 2 : weight;
      }
      if (joinedReach || total === 0 || 1 - missing / total >= minCoverage) {
        return true;
      }
    }
    return false;
  }

  /** Calls `visit` with every ordinal holding token `tokenId`. */
  forEachHolder(tokenId: number, visit: (ordinal: number) => void): void {
    const list = this.#parts.postings[tokenId]!;
    for (let k = 0; k < list.length; k++) {
      visit(list[k]!);
    }
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
      p.documentOrdinals.byteLength +
      p.nameStart.byteLength +
      p.slotStart.byteLength +
      p.slots.byteLength +
      p.otherBound.byteLength
    );
  }
}
