/**
 * The list sources Puente knows and how input files are assigned to them.
 *
 * @module
 */
import { UnsupportedFormatError, ValidationError } from '../core/errors.js';
import type { InputFile, ListSource } from './list-source.js';
import { agencyListSource } from './sources/agency-list/index.js';
import { ofacSdnSource } from './sources/ofac-sdn/index.js';
import { unConsolidatedSource } from './sources/un-consolidated/index.js';

/** Every source plug-in, in detection order. */
export const LIST_SOURCES: readonly ListSource[] = [
  ofacSdnSource,
  unConsolidatedSource,
  agencyListSource,
];

/** Sources that fetch from official URLs when online. */
export const OFFICIAL_SOURCES: readonly ListSource[] = LIST_SOURCES.filter(
  (source) => source.officialDownloads.length > 0,
);

/** One publication to parse: the plug-in, its files, and the agency list id if any. */
export interface PlannedPublication {
  readonly source: ListSource;
  readonly files: readonly InputFile[];
  /** For agency lists: the id given with `--source`. */
  readonly sourceId?: string;
}

/** Publications found in a set of files, plus the files no source claimed. */
export interface IngestPlan {
  readonly publications: readonly PlannedPublication[];
  readonly unclaimed: readonly InputFile[];
}

/**
 * Assigns files to sources. With `sourceId`, only that source is asked (an unknown id means an
 * agency list with that id); when it claims nothing, all files form one publication of it, so
 * its parser reports precisely what is wrong. Publications come ordered by the date found in
 * their paths, then by path, so history folders ingest in date order.
 */
export function planIngest(files: readonly InputFile[], sourceId?: string): IngestPlan {
  const candidates = sourceId === undefined ? LIST_SOURCES : [sourceFor(sourceId)];
  const claimed = new Set<InputFile>();
  const publications: PlannedPublication[] = [];
  for (const source of candidates) {
    const remaining = files.filter((file) => !claimed.has(file));
    for (const group of source.claim(remaining)) {
      group.forEach((file) => claimed.add(file));
      publications.push(planned(source, group, sourceId));
    }
  }
  if (sourceId !== undefined && publications.length === 0 && files.length > 0) {
    files.forEach((file) => claimed.add(file));
    publications.push(planned(candidates[0]!, files, sourceId));
  }
  if (publications.length === 0) {
    throw new UnsupportedFormatError(
      `no list publication recognised in ${files.map((file) => file.origin).join(', ') || 'the input'}`,
      { files: files.map((file) => file.origin) },
    );
  }
  return {
    publications: publications.sort(byDateHintThenPath),
    unclaimed: files.filter((file) => !claimed.has(file)),
  };
}

function planned(
  source: ListSource,
  files: readonly InputFile[],
  sourceId: string | undefined,
): PlannedPublication {
  const isAgency = source === agencyListSource && sourceId !== undefined;
  return isAgency ? { source, files, sourceId } : { source, files };
}

/** Finds a plug-in by id; ids other than the fixed sources designate agency lists. */
export function sourceFor(sourceId: string): ListSource {
  const fixed = LIST_SOURCES.find(
    (source) => source.id === sourceId && source !== agencyListSource,
  );
  if (fixed !== undefined) {
    return fixed;
  }
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(sourceId)) {
    throw new ValidationError(
      `invalid source id "${sourceId}": use ofac-sdn, un, or a lowercase agency list id`,
      { field: 'source' },
    );
  }
  return agencyListSource;
}

const DATE_HINT = /(\d{4})-(\d{2})(?:-(\d{2}))?/g;

function dateHint(publication: PlannedPublication): string {
  const paths = publication.files.map((file) => file.origin).join(' ');
  const matches = [...paths.matchAll(DATE_HINT)];
  const last = matches.at(-1);
  return last === undefined ? '' : `${last[1]}-${last[2]}-${last[3] ?? '00'}`;
}

function byDateHintThenPath(a: PlannedPublication, b: PlannedPublication): number {
  const byDate = dateHint(a).localeCompare(dateHint(b));
  return byDate !== 0 ? byDate : (a.files[0]?.origin ?? '').localeCompare(b.files[0]?.origin ?? '');
}
