/**
 * The outcome of screening one batch row, and how it is screened: shared by the worker threads,
 * the in-process path (API) and the writers.
 *
 * @module
 */
import { PuenteError } from '../../core/errors.js';
import type { ScreeningIndex } from '../screening-index.js';
import type { ScreeningMatch, ScreeningOptions, ScreeningQuery } from '../screening-types.js';
import { screen } from '../screen.js';
import type { BatchRow } from './batch-input.js';

/** One screened row: its matches, or the reason it could not be screened. */
export interface BatchResult {
  readonly line: number;
  readonly ref?: string;
  readonly query?: ScreeningQuery;
  readonly matches?: readonly ScreeningMatch[];
  readonly error?: string;
}

/** Screens one row; a validation problem becomes an error result naming the field. */
export function screenRow(
  index: ScreeningIndex,
  row: BatchRow,
  options: ScreeningOptions,
): BatchResult {
  const ref = row.ref === undefined ? {} : { ref: row.ref };
  if ('error' in row) {
    return { line: row.line, ...ref, error: row.error };
  }
  try {
    return { line: row.line, ...ref, query: row.query, matches: screen(index, row.query, options) };
  } catch (error) {
    if (error instanceof PuenteError) {
      const field = typeof error.details.field === 'string' ? `field ${error.details.field}: ` : '';
      return { line: row.line, ...ref, query: row.query, error: `${field}${error.message}` };
    }
    throw error;
  }
}
