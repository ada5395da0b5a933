/**
 * The default decision threshold.
 *
 * @module
 */

/**
 * Default minimum score for a match: **0.80**.
 *
 * Chosen on the labelled evaluation set of `bench/quality` (variations of real OFAC SDN
 * 2024-05-03 and UN entries, and hard negatives: Colombian people and companies sharing
 * surnames, given names or generic words with listed ones). Sweeping the threshold, the
 * false-positive rate falls from 2.4 % at 0.725 to 0.6 % at 0.775, 0.1 % at 0.80 and 0 at 0.825,
 * while recall@1 only drops from 96.8 % (0.775) to 96.5 % (0.80) and 96.3 % (0.825): 0.80 is the
 * knee, keeping the false-positive rate well under the 0.5 % target with margin for lists and
 * customer bases unlike the evaluation set. It also sits where the reference systems place
 * their review band (Watchman 0.85–0.94 review, 0.70–0.84 enhanced due diligence;
 * OpenSanctions `match` at 0.70; screening.md §4). Callers that prefer recall can lower it per
 * request (`options.threshold`).
 */
export const DEFAULT_THRESHOLD = 0.8;
