/**
 * `matchNames`: two names compared directly, with the same analysis, alignment and explanation
 * as screening but without list statistics (every word weighs the same, except particles,
 * legal forms, generic company words and initials, which keep their discount).
 *
 * @module
 */
import { emptyEntry, type EntityType } from '../watchlist/watchlist-entry.js';
import { explainMatch } from './explanation.js';
import { prepareAnalyzed } from './prepared-query.js';
import { scoreName } from './score-name.js';
import { buildPairIndex } from './screening-index.js';
import { validateEntityType, validateName } from './screening-query.js';
import type { MatchExplanation } from './screening-types.js';

/** Options for `matchNames`. */
export interface MatchNamesOptions {
  /** The kind of party both names designate; changes how legal forms and roles are read. */
  readonly type?: EntityType;
}

/** The score of one name against another, 0..1, with its explanation. */
export interface NameMatchResult {
  readonly score: number;
  readonly explanation: MatchExplanation;
}

/**
 * Compares `a` (read as the query) with `b` (read as the listed name). Throws
 * `ValidationError` (`details.field` = `name1`/`name2`/`type`) for unusable input.
 */
export function matchNames(a: string, b: string, options: MatchNamesOptions = {}): NameMatchResult {
  const type = validateEntityType(options.type, 'type');
  const query = validateName(a, type, 'name1');
  validateName(b, type, 'name2');
  const index = buildPairIndex(emptyEntry('pair', 'b', type ?? 'entity', b));
  const prepared = prepareAnalyzed(index.data, query);
  // `b` may be indexed under a second reading (`KARIM, Abdul` as `abdulkarim`): the best counts.
  let nameId = 0;
  let name = scoreName(index.data, prepared, 0);
  for (let n = 1; n < index.nameCount; n++) {
    const other = scoreName(index.data, prepared, n);
    if (other.score > name.score) {
      [nameId, name] = [n, other];
    }
  }
  const score = Math.round(name.score * 1000) / 1000;
  const facts = { adjustment: 0, decisive: false, effects: [] };
  const explanation = explainMatch({
    data: index.data,
    query: prepared,
    nameId,
    name,
    nameScore: name.score,
    facts,
    score: name.score,
  });
  return { score, explanation };
}
