/**
 * The two baselines run on the same evaluation set:
 *
 * - brute-force Jaro-Winkler over every listed name, the way OFAC's Sanctions List Search
 *   describes its matching (FAQ 249, screening.md §4.3): the whole string and the name parts
 *   (mean of each query word's best Jaro-Winkler) are both scored and the higher is kept;
 * - fuse.js (Bitap fuzzy search) over every listed name, a popular general-purpose library.
 *
 * Both see names lower-cased, accent-free and without punctuation, as ours does.
 *
 * @module
 */
import Fuse from 'fuse.js';
import { entryId, type WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { jaroWinkler } from '../../src/screening/token-similarity.js';
import { fold } from './listed-names.js';

/** A ranked answer: best entries first with scores in [0, 1]. */
export interface RankedEntry {
  readonly entryId: string;
  readonly score: number;
}

/** A baseline matcher. */
export interface Baseline {
  readonly label: string;
  search(query: string): RankedEntry[];
}

interface ListedName {
  readonly entryId: string;
  readonly text: string;
  readonly words: readonly string[];
}

function plain(name: string): string {
  return fold(name)
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function listedNames(entries: readonly WatchlistEntry[]): ListedName[] {
  return entries.flatMap((entry) =>
    [entry.name, ...entry.aliases.map((a) => a.name)].map((name) => {
      const text = plain(name);
      return { entryId: entryId(entry), text, words: text.split(' ') };
    }),
  );
}

/** Best score per entry, best first, top `limit`. */
function rank(scores: Map<string, number>, limit: number): RankedEntry[] {
  return [...scores]
    .map(([id, score]) => ({ entryId: id, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Mean over query words of their best Jaro-Winkler against the name's words. */
function partsScore(query: readonly string[], name: readonly string[]): number {
  let sum = 0;
  for (const q of query) {
    let best = 0;
    for (const w of name) {
      best = Math.max(best, jaroWinkler(q, w));
    }
    sum += best;
  }
  return sum / query.length;
}

/** Brute-force Jaro-Winkler baseline. */
export function jaroWinklerBaseline(entries: readonly WatchlistEntry[]): Baseline {
  const names = listedNames(entries);
  return {
    label: 'Jaro-Winkler brute force (SLS-style)',
    search(query: string): RankedEntry[] {
      const text = plain(query);
      const words = text.split(' ');
      const scores = new Map<string, number>();
      for (const name of names) {
        const score = Math.max(jaroWinkler(text, name.text), partsScore(words, name.words));
        if (score > (scores.get(name.entryId) ?? 0)) {
          scores.set(name.entryId, score);
        }
      }
      return rank(scores, 10);
    },
  };
}

/** fuse.js baseline (score = 1 − Fuse score). */
export function fuseBaseline(entries: readonly WatchlistEntry[]): Baseline {
  const names = listedNames(entries);
  const fuse = new Fuse(names, {
    keys: ['text'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.6,
  });
  return {
    label: 'fuse.js 7 (threshold 0.6, ignoreLocation)',
    search(query: string): RankedEntry[] {
      const scores = new Map<string, number>();
      for (const hit of fuse.search(plain(query), { limit: 30 })) {
        const score = 1 - (hit.score ?? 1);
        if (score > (scores.get(hit.item.entryId) ?? 0)) {
          scores.set(hit.item.entryId, score);
        }
      }
      return rank(scores, 10);
    },
  };
}
