/**
 * Human-readable screening results.
 *
 * @module
 */
import type { ScreeningResult } from '../screening/screening-service.js';

/** The lines for one screened name: the evidence header, then each match with its explanation. */
export function formatScreening(name: string, result: ScreeningResult): string[] {
  const lists = result.lists
    .map((list) => `${list.source} ${list.publishedAt} (#${list.publicationId})`)
    .join(', ');
  const head = `${result.matches.length} match${result.matches.length === 1 ? '' : 'es'} for "${name}" at threshold ${result.threshold.toFixed(2)} — lists: ${lists || 'none loaded'}`;
  return [
    head,
    ...result.matches.flatMap((match) => [
      `  ${match.score.toFixed(3)}  ${match.entryId}  ${match.name}${match.matchedNameKind === 'primary' ? '' : ` (${match.matchedNameKind})`}  [${match.programs.join(', ')}] ${match.entityType}`,
      `         ${match.explanation.summary}`,
    ]),
  ];
}
