/**
 * The default decision threshold.
 *
 * @module
 */

/**
 * Default minimum score for a match: 0.80 (provisional, being tuned with bench/quality).
 */
export const DEFAULT_THRESHOLD = 0.8;
