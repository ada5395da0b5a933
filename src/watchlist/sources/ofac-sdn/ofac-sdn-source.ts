/**
 * The OFAC SDN list in the legacy CSV format: `sdn.csv` with the optional `alt.csv`,
 * `add.csv` and `sdn_comments.csv` of the same publication.
 *
 * @module
 */
import { WatchlistParseError } from '../../../core/errors.js';
import type { InputFile, ListSource, ParsedPublication, ParseOptions } from '../../list-source.js';
import { ReportBuilder } from '../../report-builder.js';
import { assembleEntries, type AttachedRows } from './assemble-entries.js';
import { OFAC_SOURCE_ID, readPrimary, type PrimaryRecord } from './build-entry.js';
import { claimOfacFiles } from './claim-files.js';
import { OFAC_ROLES, roleOf, type OfacRole } from './file-roles.js';
import { resolveLinks } from './link-resolver.js';
import { readOfacRows, type OfacRow } from './ofac-csv.js';
import { contentHash, publicationDate } from './publication-meta.js';

const OFFICIAL_EXPORTS =
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

/** The OFAC SDN list (legacy CSV set), source id `ofac-sdn`. */
export const ofacSdnSource: ListSource = {
  id: OFAC_SOURCE_ID,
  label: 'OFAC Specially Designated Nationals list (legacy CSV)',
  claim: claimOfacFiles,
  parse: parseOfacPublication,
  officialDownloads: [
    { name: 'sdn.csv', url: `${OFFICIAL_EXPORTS}/SDN.CSV` },
    { name: 'alt.csv', url: `${OFFICIAL_EXPORTS}/ALT.CSV` },
    { name: 'add.csv', url: `${OFFICIAL_EXPORTS}/ADD.CSV` },
    { name: 'sdn_comments.csv', url: `${OFFICIAL_EXPORTS}/SDN_COMMENTS.CSV`, optional: true },
  ],
};

/**
 * Parses one publication. Files are recognised by name (`sdn`, `alt`, `add`, `sdn_comments`,
 * optionally dated and `.gz`), so any group can be parsed, e.g. an `sdn.csv` with the
 * `alt.csv` of another publication. Throws `WatchlistParseError` when the group has no (or two)
 * `sdn` files or a file is unusable.
 */
export function parseOfacPublication(
  files: readonly InputFile[],
  options: ParseOptions = {},
): ParsedPublication {
  const report = new ReportBuilder();
  const byRole = assignRoles(files, report);
  const sdn = byRole.get('sdn')!;
  const primaries = readPrimaries(sdn, report);
  const attached: AttachedRows = {
    alt: attach(byRole.get('alt'), 'alt', primaries, report),
    add: attach(byRole.get('add'), 'add', primaries, report),
    comments: attach(byRole.get('sdn_comments'), 'sdn_comments', primaries, report),
  };
  const built = assembleEntries(primaries, attached, {
    sdnFile: sdn.name,
    altFile: byRole.get('alt')?.name ?? '',
    report,
    options,
  });
  resolveLinks(built);
  const entries = built.map((each) => each.entry);
  return {
    source: OFAC_SOURCE_ID,
    publishedAt: publicationDate(sdn, [...byRole.values()], options.publishedAt),
    contentHash: contentHash(byRole),
    files: [...byRole.values()].map((file) => file.name),
    entries,
    report: report.build(entries),
  };
}

// One file per role, in canonical order; the sdn file is required.
function assignRoles(files: readonly InputFile[], report: ReportBuilder): Map<OfacRole, InputFile> {
  const found = new Map<OfacRole, InputFile>();
  for (const file of files) {
    const role = roleOf(file.name)?.role;
    if (role === undefined) {
      warnUnrecognised(file, report);
    } else if (found.has(role)) {
      throw new WatchlistParseError(`a second ${role} file in one publication`, {
        file: `${found.get(role)!.name}, ${file.name}`,
      });
    } else {
      found.set(role, file);
    }
  }
  if (!found.has('sdn')) {
    throw new WatchlistParseError('no sdn file (sdn.csv) in the publication', {
      file: files.map((file) => file.name).join(', ') || '(no files)',
    });
  }
  return new Map(OFAC_ROLES.flatMap((role) => (found.has(role) ? [[role, found.get(role)!]] : [])));
}

function warnUnrecognised(file: InputFile, report: ReportBuilder): void {
  report.warn({
    code: 'unrecognised-file',
    message: 'not an OFAC legacy CSV file name (sdn, alt, add, sdn_comments); ignored',
    file: file.name,
  });
}

function readPrimaries(sdn: InputFile, report: ReportBuilder): Map<string, PrimaryRecord> {
  const rows = readOfacRows(sdn, 'sdn', report);
  if (rows.length === 0) {
    throw new WatchlistParseError('the sdn file holds no usable row', { file: sdn.name });
  }
  const primaries = new Map<string, PrimaryRecord>();
  for (const row of rows) {
    const primary = readPrimary(row);
    const previous = primaries.get(primary.entNum);
    if (previous === undefined) {
      primaries.set(primary.entNum, primary);
    } else {
      warnDuplicate(primary, previous, sdn, report);
    }
  }
  return primaries;
}

// An ent_num names one entry; a repeat is a publishing error, so the first row stands.
function warnDuplicate(
  primary: PrimaryRecord,
  previous: PrimaryRecord,
  sdn: InputFile,
  report: ReportBuilder,
): void {
  report.warn({
    code: 'duplicate-entry',
    message: `ent_num ${primary.entNum} appears again (first on line ${previous.row.line}); the first row is kept`,
    file: sdn.name,
    line: primary.row.line,
    field: 'ent_num',
  });
}

const ORPHAN_CODES: Readonly<Record<Exclude<OfacRole, 'sdn'>, string>> = {
  alt: 'orphan-alias',
  add: 'orphan-address',
  sdn_comments: 'orphan-comment',
};

// Rows whose ent_num has no sdn row cannot belong to any entry; they are counted and reported.
function attach(
  file: InputFile | undefined,
  role: Exclude<OfacRole, 'sdn'>,
  primaries: ReadonlyMap<string, PrimaryRecord>,
  report: ReportBuilder,
): Map<string, OfacRow[]> {
  const byEntNum = new Map<string, OfacRow[]>();
  for (const row of file === undefined ? [] : readOfacRows(file, role, report)) {
    const entNum = row.fields[0]!.trim();
    const rows = byEntNum.get(entNum);
    if (rows !== undefined) {
      rows.push(row);
    } else if (primaries.has(entNum)) {
      byEntNum.set(entNum, [row]);
    } else {
      report.warn({
        code: ORPHAN_CODES[role],
        message: `ent_num ${entNum} has no row in the sdn file`,
        file: file!.name,
        line: row.line,
        field: 'ent_num',
      });
    }
  }
  return byEntNum;
}
