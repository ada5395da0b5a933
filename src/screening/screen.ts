/**
 * `screen`: one party against an index. Validate, analyze the name, generate candidates whose
 * score bound can reach the threshold, score their names, keep each entry's best name, apply
 * the facts (DOB, country, document, entity type), filter and rank. Entries holding the
 * query's document are always considered, whatever their name: an identical document is decisive.
 *
 * @module
 */
import { generateCandidates } from './candidate-generation.js';
import { explainMatch } from './explanation.js';
import { prepareAnalyzed, type PreparedQuery } from './prepared-query.js';
import { MAX_FACT_BONUS, scoreFacts, type QueryFacts } from './score-facts.js';
import { scoreName, type NameScore } from './score-name.js';
import type { IndexData, IndexedEntry, ScreeningIndex } from './screening-index.js';
import { validateOptions, type ValidOptions } from './screening-options.js';
import { validateQuery } from './screening-query.js';
import type {
  MatchExplanation,
  ScreeningMatch,
  ScreeningOptions,
  ScreeningQuery,
} from './screening-types.js';
import { weakAliasScore, type WeakAliasClass } from './weak-aliases.js';
import { koreanReading } from './han-korean.js';

/** An entry's best name so far. */
interface EntryBest {
  readonly nameId: number;
  readonly name: NameScore;
  /** Name score after the weak-alias rule. */
  readonly nameScore: number;
}

/** A fully scored entry. */
interface Scored extends EntryBest {
  readonly entryIndex: number;
  readonly score: number;
  readonly facts: ReturnType<typeof scoreFacts>;
}

/**
 * Screens one party. Returns matches scoring at least the threshold, best first (at most
 * `limit`). Throws `ValidationError` for bad input or unknown filters.
 */
export function screen(
  index: ScreeningIndex,
  query: ScreeningQuery,
  options: ScreeningOptions = {},
): ScreeningMatch[] {
  const data = index.data;
  const valid = validateQuery(query, data.scratch.analyzer);
  const opts = validateOptions(index, options);
  const korean = valid.analyzed.tokens.some((t) => t.script === 'han')
    ? koreanReading(query.name)
    : undefined;
  if (korean !== undefined) {
    return withKoreanReading(index, query, korean, opts);
  }
  return screenValid(data, valid, opts);
}

/** `screen` after validation. */
function screenValid(
  data: IndexData,
  valid: ReturnType<typeof validateQuery>,
  opts: ValidOptions,
): ScreeningMatch[] {
  const prepared = prepareAnalyzed(data, valid.analyzed);
  const best = bestNamesPerEntry(data, prepared, opts);
  addDocumentHolders(data, prepared, valid.facts, opts, best);
  const scored = [...best].map(([entryIndex, b]) => withFacts(data, entryIndex, b, valid.facts));
  return scored
    .filter((s) => s.score >= opts.threshold)
    .sort((a, b) => b.score - a.score || a.entryIndex - b.entryIndex)
    .slice(0, opts.limit)
    .map((s) => toMatch(data, prepared, s));
}

/**
 * A name in hanja is screened as written (pinyin) and under its Korean reading
 * (`han-korean.ts`); each entry keeps its better match.
 */
function withKoreanReading(
  index: ScreeningIndex,
  query: ScreeningQuery,
  korean: string,
  opts: ValidOptions,
): ScreeningMatch[] {
  const data = index.data;
  const byEntry = new Map<string, ScreeningMatch>();
  for (const name of [query.name, korean]) {
    const valid = validateQuery({ ...query, name }, data.scratch.analyzer);
    for (const match of screenValid(data, valid, opts)) {
      const kept = byEntry.get(match.entryId);
      if (kept === undefined || match.score > kept.score) {
        byEntry.set(match.entryId, match);
      }
    }
  }
  return [...byEntry.values()].sort((a, b) => b.score - a.score).slice(0, opts.limit);
}

/** Scores candidate names, best bound first, stopping once no remaining bound can matter. */
function bestNamesPerEntry(data: IndexData, query: PreparedQuery, opts: ValidOptions) {
  const cutoff = Math.max(0, opts.threshold - MAX_FACT_BONUS);
  const best = new Map<number, EntryBest>();
  for (const candidate of generateCandidates(data, query, cutoff)) {
    const entryIndex = data.names.entry[candidate.nameId]!;
    const current = best.get(entryIndex);
    if (
      (current !== undefined && current.nameScore >= candidate.bound) ||
      !passes(data.entries[entryIndex]!, opts)
    ) {
      continue;
    }
    const scored = scoreOne(data, query, candidate.nameId);
    if (
      scored.nameScore >= cutoff &&
      (current === undefined || scored.nameScore > current.nameScore)
    ) {
      best.set(entryIndex, scored);
    }
  }
  return best;
}

function scoreOne(data: IndexData, query: PreparedQuery, nameId: number): EntryBest {
  const name = scoreName(data, query, nameId);
  const weak = data.names.kind[nameId] === 2;
  const nameScore = weak
    ? weakAliasScore(
        name.score,
        name.listCoverage,
        data.names.weakClass[nameId]! as WeakAliasClass,
        data.entries[data.names.entry[nameId]!]!.entry.entityType !== 'individual',
      )
    : name.score;
  return { nameId, name, nameScore };
}

/** Entries listing the query's document join the results whatever their name score. */
function addDocumentHolders(
  data: IndexData,
  query: PreparedQuery,
  facts: QueryFacts,
  opts: ValidOptions,
  best: Map<number, EntryBest>,
): void {
  for (const key of facts.documentKeys) {
    for (const entryIndex of data.documents.get(key) ?? []) {
      if (!best.has(entryIndex) && passes(data.entries[entryIndex]!, opts)) {
        best.set(entryIndex, bestNameOfEntry(data, query, entryIndex));
      }
    }
  }
}

function bestNameOfEntry(data: IndexData, query: PreparedQuery, entryIndex: number): EntryBest {
  let best: EntryBest | undefined;
  for (
    let n = data.names.entryStart[entryIndex]!;
    n < data.names.entryStart[entryIndex + 1]!;
    n++
  ) {
    const scored = scoreOne(data, query, n);
    if (best === undefined || scored.nameScore > best.nameScore) {
      best = scored;
    }
  }
  return (
    best ?? {
      nameId: data.names.entryStart[entryIndex]!,
      name: { score: 0, queryCoverage: 0, listCoverage: 0, pairs: [] },
      nameScore: 0,
    }
  );
}

function withFacts(data: IndexData, entryIndex: number, b: EntryBest, facts: QueryFacts): Scored {
  const outcome = scoreFacts(facts, data.entries[entryIndex]!);
  const score = outcome.decisive ? 1 : clamp(b.nameScore + outcome.adjustment);
  return { ...b, entryIndex, score, facts: outcome };
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Whether an entry passes the source, program, type and country filters. */
function passes(indexed: IndexedEntry, opts: ValidOptions): boolean {
  const entry = indexed.entry;
  return (
    (opts.sources === undefined || opts.sources.has(entry.source)) &&
    (opts.programs === undefined || entry.programs.some((p) => opts.programs!.has(p))) &&
    (opts.entityTypes === undefined || opts.entityTypes.has(entry.entityType)) &&
    (opts.countries === undefined ||
      [...indexed.facts.countries].some((c) => opts.countries!.has(c)))
  );
}

/**
 * The public match. Its explanation is built on first access (then kept): most screenings of a
 * customer base produce no match, and callers that only need scores do not pay for the text.
 */
function toMatch(data: IndexData, query: PreparedQuery, s: Scored): ScreeningMatch {
  const indexed = data.entries[s.entryIndex]!;
  const entry = indexed.entry;
  const kinds = ['primary', 'alias', 'weak-alias'] as const;
  const base = {
    entryId: indexed.id,
    source: entry.source,
    sourceId: entry.sourceId,
    score: Math.round(s.score * 1000) / 1000,
    name: data.names.display[s.nameId]!,
    matchedNameKind: kinds[data.names.kind[s.nameId]!]!,
    entityType: entry.entityType,
    programs: entry.programs,
  };
  let explanation: MatchExplanation | undefined;
  const build = (): MatchExplanation =>
    explainMatch({
      data,
      query,
      nameId: s.nameId,
      name: s.name,
      nameScore: s.nameScore,
      facts: s.facts,
      score: s.score,
    });
  return Object.defineProperty(base, 'explanation', {
    enumerable: true,
    get: () => (explanation ??= build()),
  }) as ScreeningMatch;
}
