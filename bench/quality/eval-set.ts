/**
 * The labelled evaluation set, generated deterministically from the real lists: for each
 * variation kind, up to `perKind` listed entries (drawn with a seeded PRNG among those the kind
 * applies to) turned into queries that should find them, plus the script kinds and the hard
 * negatives.
 *
 * Script kinds run on reduced indexes so that they test transliteration and nothing else:
 * `script-original` queries a UN entry's original-script name against an index without
 * original-script names (it must reach the Latin ones); `latin-to-script` queries the Latin name
 * against an index where those entries keep only their original-script name.
 *
 * @module
 */
import { entryId, type WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { naturalOrder } from './listed-names.js';
import { ListedNames, plainWords } from './negative-check.js';
import { hardNegatives } from './negatives.js';
import { VARIATIONS } from './name-variations.js';
import { Prng } from './prng.js';
import { samePersonListings } from './same-person.js';

/** Which index a case runs against. */
export type IndexVariant = 'main' | 'no-script' | 'script-only';

/** One labelled query. `accepted` is empty for negatives. */
export interface EvalCase {
  readonly kind: string;
  readonly name: string;
  readonly index: IndexVariant;
  /** The entry the query was made from (positives). */
  readonly expected?: string;
  /** Entries indistinguishable by name from the source name (same words): any of them is right. */
  readonly accepted: ReadonlySet<string>;
}

/** Options of the generator. */
export interface EvalSetOptions {
  readonly seed: number;
  readonly perKind: number;
  readonly negativesPerKind: number;
}

/** Builds the evaluation set. */
export function buildEvalSet(
  entries: readonly WatchlistEntry[],
  options: EvalSetOptions,
): EvalCase[] {
  const prng = new Prng(options.seed);
  const sameWords = namesByWords(entries);
  const samePerson = samePersonListings(entries);
  const sameName = (entry: WatchlistEntry, source: string) =>
    new Set([entryId(entry), ...(sameWords.get(wordsKey(source)) ?? [])]);
  // The other sources' listings of the same person count as right, but do not change which
  // cases are drawn (the ambiguity check below keeps to listings with the same name words).
  const accepted = (entry: WatchlistEntry, source: string) =>
    new Set([...sameName(entry, source), ...(samePerson.get(entryId(entry)) ?? [])]);
  const ambiguity = new Ambiguity(entries);
  const cases: EvalCase[] = [];
  for (const variation of VARIATIONS) {
    let made = 0;
    for (const entry of prng.shuffle(entries)) {
      if (made >= options.perKind) {
        break;
      }
      const name = variation.make(entry, prng);
      const source = variation.kind === 'alias-only' ? (name ?? '') : entry.name;
      const latin =
        name !== undefined && /\p{Script=Latin}/u.test(name) ? name : naturalOrder(entry);
      if (
        name !== undefined &&
        name.trim() !== '' &&
        !ambiguity.isAmbiguous(latin, sameName(entry, source))
      ) {
        cases.push({
          kind: variation.kind,
          name,
          index: 'main',
          expected: entryId(entry),
          accepted: accepted(entry, source),
        });
        made++;
      }
    }
  }
  cases.push(...scriptCases(entries, prng, options.perKind, accepted));
  const listed = new ListedNames(entries);
  for (const negative of hardNegatives(entries, listed, prng, options.negativesPerKind)) {
    cases.push({ kind: negative.kind, name: negative.name, index: 'main', accepted: new Set() });
  }
  return cases;
}

/** The original-script name of an entry (UN `NAME_ORIGINAL_SCRIPT`), if any. */
export function scriptName(entry: WatchlistEntry): string | undefined {
  return entry.originalScriptName ?? entry.aliases.find((a) => a.script !== undefined)?.name;
}

function scriptCases(
  entries: readonly WatchlistEntry[],
  prng: Prng,
  perKind: number,
  accepted: (entry: WatchlistEntry, source: string) => Set<string>,
): EvalCase[] {
  // People only: companies' original-script names are translations (`الجهاد الاسلامي المصري` is
  // EGYPTIAN ISLAMIC JIHAD), which no transliteration can bridge.
  const readable = (e: WatchlistEntry) =>
    e.entityType === 'individual' &&
    scriptName(e) !== undefined &&
    !scriptName(e)!.includes('\uFFFD');
  const withScript = prng.shuffle(entries.filter(readable)).slice(0, perKind);
  return withScript.flatMap((entry) => [
    {
      kind: 'script-original',
      name: scriptName(entry)!,
      index: 'no-script' as const,
      expected: entryId(entry),
      accepted: accepted(entry, entry.name),
    },
    {
      kind: 'latin-to-script',
      name: withoutPlaceholders(naturalOrder(entry)),
      index: 'script-only' as const,
      expected: entryId(entry),
      accepted: new Set([entryId(entry)]),
    },
  ]);
}

/**
 * The UN fills empty name parts with `na` ("not available": `FAIZULLAH KHAN NOORZAI na`); nobody
 * screening that person types it.
 */
function withoutPlaceholders(name: string): string {
  return name
    .split(' ')
    .filter((word) => word !== 'na')
    .join(' ');
}

/** Entries without original-script names (for `script-original`). */
export function withoutScriptNames(entries: readonly WatchlistEntry[]): WatchlistEntry[] {
  return entries.map((e) => {
    const rest: { -readonly [K in keyof WatchlistEntry]?: WatchlistEntry[K] } = { ...e };
    delete rest.originalScriptName;
    return {
      ...(rest as WatchlistEntry),
      aliases: e.aliases.filter((a) => a.script === undefined),
    };
  });
}

/**
 * Only the entries with an original-script name, each reduced to that name (for
 * `latin-to-script`): the Latin query can only succeed through transliteration, and the same
 * person's Latin-named OFAC entry cannot stand in for it.
 */
export function scriptOnly(entries: readonly WatchlistEntry[]): WatchlistEntry[] {
  return entries.flatMap((e) => {
    const script = scriptName(e);
    return script === undefined ? [] : [{ ...e, name: script, aliases: [] }];
  });
}

/**
 * A variation is ambiguous, and left out, when all its words (two letters or more) appear in a
 * name of another entry: `Jose Luis RUELAS` (second surname dropped) fits `RUELAS AVILA, Jose
 * Luis` and `RUELAS TORRES, Jose Luis` alike, and `Win SOE` is another listed person's full
 * name. No ranking can tell those apart, so they would measure luck, not the engine.
 */
class Ambiguity {
  private readonly byWord = new Map<string, Set<number>>();
  private readonly names: { id: string; words: Set<string> }[] = [];

  constructor(entries: readonly WatchlistEntry[]) {
    for (const entry of entries) {
      for (const name of [entry.name, ...entry.aliases.map((a) => a.name)]) {
        const words = new Set(plainWords(name));
        const at = this.names.length;
        this.names.push({ id: entryId(entry), words });
        for (const word of words) {
          const set = this.byWord.get(word) ?? new Set();
          set.add(at);
          this.byWord.set(word, set);
        }
      }
    }
  }

  isAmbiguous(query: string, accepted: ReadonlySet<string>): boolean {
    const words = plainWords(query);
    if (words.length === 0) {
      return true;
    }
    const rarest = words
      .map((w) => this.byWord.get(w) ?? new Set<number>())
      .sort((a, b) => a.size - b.size)[0]!;
    for (const at of rarest) {
      const name = this.names[at]!;
      if (!accepted.has(name.id) && words.every((w) => name.words.has(w))) {
        return true;
      }
    }
    return false;
  }
}

function wordsKey(name: string): string {
  return plainWords(name).sort().join(' ');
}

/** Entry ids by the sorted words of each of their names. */
function namesByWords(entries: readonly WatchlistEntry[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of entries) {
    for (const name of [entry.name, ...entry.aliases.map((a) => a.name)]) {
      const key = wordsKey(name);
      const list = map.get(key) ?? [];
      list.push(entryId(entry));
      map.set(key, list);
    }
  }
  return map;
}
