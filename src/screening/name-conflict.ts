/**
 * Substitutions: a distinctive word on each side of a comparison with no counterpart on the
 * other. See `CONFLICT_PENALTY`.
 *
 * @module
 */
import type { AlignedPair } from './score-name.js';
import type { PreparedQuery } from './prepared-query.js';
import type { IndexData } from './screening-index.js';
import { jaroWinkler } from './token-similarity.js';
import { isDistinctiveKind } from './token-weights.js';

/**
 * Penalty factor for a substitution: a distinctive word on each side with no counterpart
 * (`GILBERTO RODRIGUEZ GOMEZ` vs `RODRIGUEZ OREJUELA, Gilberto`, `INVERSIONES LA PRIMAVERA` vs
 * `INVERSIONES LA ESPERANZA`). A word merely missing on one side is an omission; a word
 * replaced by another is evidence of a different party, so it costs more than the two
 * coverages alone would say.
 */
export const CONFLICT_PENALTY = 0.25;

/**
 * Weight of one rare word (IDF of a word in about five entries): a substitution of at least that
 * much takes the full penalty, whatever the length of the names, so a 15-word company that
 * differs in one distinctive word is still told apart.
 */
const CONFLICT_REFERENCE_WEIGHT = 8;

/** How much of a substitution there is, 0..1 (see `CONFLICT_PENALTY`). */
export function conflictShare(
  data: IndexData,
  query: PreparedQuery,
  nameId: number,
  pairs: readonly AlignedPair[],
): number {
  const names = data.names;
  const start = names.start[nameId]!;
  const length = names.start[nameId + 1]! - start;
  const queryLeft = query.tokens
    .map((qt, i) => ({ qt, i }))
    .filter(
      ({ qt, i }) => isDistinctiveKind(qt.kind) && !pairs.some((p) => p.q0 <= i && i <= p.q1),
    );
  const listLeft: number[] = [];
  for (let j = 0; j < length; j++) {
    if (
      isDistinctiveKind(names.tokenKinds[start + j]!) &&
      !pairs.some((p) => p.l0 <= j && j <= p.l1)
    ) {
      listLeft.push(start + j);
    }
  }
  if (queryLeft.length === 0 || listLeft.length === 0) {
    return 0;
  }
  const texts = data.vocabulary.texts;
  let queryUnmatched = 0;
  const resembled = new Set<number>();
  for (const { qt } of queryLeft) {
    const like = listLeft.find((at) => resemble(qt.token.text, texts[names.tokens[at]!]!));
    if (like === undefined) {
      queryUnmatched += qt.weight;
    } else {
      resembled.add(like);
    }
  }
  const listUnmatched = listLeft
    .filter((at) => !resembled.has(at))
    .reduce((sum, at) => sum + names.tokenWeights[at]!, 0);
  return Math.min(1, Math.min(queryUnmatched, listUnmatched) / CONFLICT_REFERENCE_WEIGHT);
}

/**
 * Leftover words that still look alike (Jaro-Winkler ≥ 0.8, e.g. a transliteration the keys
 * missed, `FRANKSKU`/`FRANCISCO`) are not counted as a substitution: they earn no credit, but
 * they are no evidence of a different party either.
 */
function resemble(a: string, b: string): boolean {
  return jaroWinkler(a, b) >= RESEMBLANCE;
}

const RESEMBLANCE = 0.8;
