/**
 * Turns a scored match into what a reviewer reads: the aligned token pairs with their method
 * and similarity, the words missing on either side, the facts that moved the score, and a
 * one-line summary such as
 * `0.93 on primary name "RODRIGUEZ OREJUELA, Gilberto Jose" (listed SURNAMES, Given):
 * gilberto = gilberto (exact), rodrigues ≈ rodriguez (phonetic 0.95); not in query: orejuela,
 * jose; DOB 1939 vs listed 31 Jan 1939 (match, +0.03)`.
 *
 * @module
 */
import type { FactsOutcome } from './score-facts.js';
import type { AlignedPair, NameScore } from './score-name.js';
import type { PreparedQuery } from './prepared-query.js';
import type { IndexData } from './screening-index.js';
import type { MatchedNameKind, MatchExplanation, TokenMatch } from './screening-types.js';
import { METHODS } from './token-expansion.js';
import { analyzeName, type NameToken } from './name-tokens.js';

const KIND_LABEL: readonly MatchedNameKind[] = ['primary', 'alias', 'weak-alias'];

/** Everything the explanation needs about one match. */
export interface ExplanationInput {
  readonly data: IndexData;
  readonly query: PreparedQuery;
  readonly nameId: number;
  readonly name: NameScore;
  /** Name score after the weak-alias rule. */
  readonly nameScore: number;
  readonly facts: FactsOutcome;
  readonly score: number;
}

/** Builds the structured explanation and its summary line. */
export function explainMatch(input: ExplanationInput): MatchExplanation {
  const { data, query, nameId, name } = input;
  const listTokens = listNameTokens(data, nameId);
  const tokens = name.pairs.map((pair) => tokenMatch(pair, query, listTokens));
  const unmatchedQuery = unmatched(
    query.tokens.map((qt) => qt.token),
    name.pairs,
    true,
  );
  const unmatchedList = unmatched(listTokens, name.pairs, false);
  const listNameOrder = data.names.surnameFirst[nameId] === 1 ? 'surname-first' : 'natural';
  const explanation = {
    nameScore: round(input.nameScore),
    queryCoverage: round(name.queryCoverage),
    listCoverage: round(name.listCoverage),
    tokens,
    unmatchedQuery,
    unmatchedList,
    listNameOrder,
    facts: input.facts.effects,
    ...(input.facts.decisive ? { decisive: 'document' as const } : {}),
  } as const;
  return { summary: summarize(input, explanation), ...explanation };
}

/** The list name's tokens as analyzed at index time (from the analysis cache). */
function listNameTokens(data: IndexData, nameId: number): readonly NameToken[] {
  const entry = data.entries[data.names.entry[nameId]!]!.entry;
  const read = data.names.read[nameId]!;
  const cached = data.cache.get(`${entry.entityType}\u0000${read}`);
  return (cached ?? analyzeName(read, entry.entityType)).tokens;
}

function tokenMatch(
  pair: AlignedPair,
  query: PreparedQuery,
  list: readonly NameToken[],
): TokenMatch {
  const queryTokens = query.tokens.slice(pair.q0, pair.q1 + 1).map((qt) => qt.token);
  const listTokens = list.slice(pair.l0, pair.l1 + 1);
  const weight = query.tokens
    .slice(pair.q0, pair.q1 + 1)
    .reduce((sum, qt) => sum + qt.weight / query.totalWeight, 0);
  let method = METHODS[pair.method]!;
  const querySurface = queryTokens.map((t) => t.surface).join(' ');
  const listSurface = listTokens.map((t) => t.surface).join(' ');
  if (method === 'exact' && queryTokens[0]?.kind === 'legal' && querySurface !== listSurface) {
    method = 'legal-form';
  }
  return {
    query: querySurface,
    list: listSurface,
    method,
    similarity: round(
      Math.min(pair.simQuery, pair.simList) === pair.simQuery ? pair.simQuery : pair.simList,
    ),
    weight: round(weight),
  };
}

function unmatched(
  tokens: readonly NameToken[],
  pairs: readonly AlignedPair[],
  querySide: boolean,
) {
  return tokens
    .filter(
      (_, k) => !pairs.some((p) => (querySide ? p.q0 <= k && k <= p.q1 : p.l0 <= k && k <= p.l1)),
    )
    .map((t) => t.surface);
}

type Body = Omit<MatchExplanation, 'summary'>;

function summarize(input: ExplanationInput, body: Body): string {
  const { data, nameId } = input;
  const kind = KIND_LABEL[data.names.kind[nameId]!]!;
  const order = body.listNameOrder === 'surname-first' ? ' (listed SURNAMES, Given)' : '';
  const parts = [
    `${input.score.toFixed(2)} on ${kind} name "${data.names.display[nameId]!}"${order}`,
  ];
  parts.push(body.tokens.map(describePair).join(', ') || 'no words in common');
  if (body.unmatchedQuery.length > 0) {
    parts.push(`not in list name: ${body.unmatchedQuery.join(', ')}`);
  }
  if (body.unmatchedList.length > 0) {
    parts.push(`not in query: ${body.unmatchedList.join(', ')}`);
  }
  for (const fact of body.facts) {
    const sign = fact.effect > 0 ? '+' : '';
    parts.push(
      fact.effect === 0 ? fact.detail : `${fact.detail} (${sign}${fact.effect.toFixed(2)})`,
    );
  }
  if (body.decisive === 'document') {
    parts.push('identical document: decisive');
  }
  return parts.join('; ');
}

function describePair(t: TokenMatch): string {
  if (t.method === 'exact') {
    return `${t.query} = ${t.list} (exact)`;
  }
  return `${t.query} ≈ ${t.list} (${t.method} ${t.similarity.toFixed(2)})`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
