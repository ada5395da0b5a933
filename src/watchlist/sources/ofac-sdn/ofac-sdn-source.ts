/**
 * The OFAC SDN list in the legacy CSV format: `sdn.csv` with the optional `alt.csv`,
 * `add.csv` and `sdn_comments.csv` of the same publication.
 *
 * @module
 */
import { WatchlistParseError } from '../../../core/errors.js';
import type { InputFile, ListSource, ParsedPublication, ParseOptions } from '../../list-source.js';
import { ReportBuilder } from '../../report-builder.js';
import type { WatchlistEntry } from '../../watchlist-entry.js';
import {
  addressOfRow,
  aliasOfRow,
  aliasTypeOf,
  buildEntry,
  OFAC_SOURCE_ID,
  readPrimary,
  type PrimaryRecord,
} from './build-entry.js';
import { claimOfacFiles } from './claim-files.js';
import { OFAC_ROLES, roleOf, type OfacRole } from './file-roles.js';
import { titlesOf } from './free-text-rules.js';
import { resolveLinks, type LinkHolder } from './link-resolver.js';
import { readOfacRows, type OfacRow } from './ofac-csv.js';
import { contentHash, publicationDate } from './publication-meta.js';
import { emptyRemarkFacts, type RemarkContext } from './remark-facts.js';
import { parseRemarks, type ParsedRemarks } from './remarks-parser.js';

const OFFICIAL_EXPORTS =
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';
const PROGRESS_EVERY = 500;

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

/** Rows of the secondary files, by `ent_num`. */
interface Attached {
  readonly alt: ReadonlyMap<string, OfacRow[]>;
  readonly add: ReadonlyMap<string, OfacRow[]>;
  readonly comments: ReadonlyMap<string, OfacRow[]>;
}

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
  const attached: Attached = {
    alt: attach(byRole.get('alt'), 'alt', primaries, report),
    add: attach(byRole.get('add'), 'add', primaries, report),
    comments: attach(byRole.get('sdn_comments'), 'sdn_comments', primaries, report),
  };
  const built = buildEntries(primaries, attached, { sdn, byRole, report, options });
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

function assignRoles(files: readonly InputFile[], report: ReportBuilder): Map<OfacRole, InputFile> {
  const found = new Map<OfacRole, InputFile>();
  for (const file of files) {
    const role = roleOf(file.name)?.role;
    if (role === undefined) {
      report.warn({
        code: 'unrecognised-file',
        message: 'not an OFAC legacy CSV file name (sdn, alt, add, sdn_comments); ignored',
        file: file.name,
      });
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
  return new Map(
    OFAC_ROLES.filter((role) => found.has(role)).map((role) => [role, found.get(role)!]),
  );
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
      report.warn({
        code: 'duplicate-entry',
        message: `ent_num ${primary.entNum} appears again (first on line ${previous.row.line}); the first row is kept`,
        file: sdn.name,
        line: row.line,
        field: 'ent_num',
      });
    }
  }
  return primaries;
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

interface BuildContext {
  readonly sdn: InputFile;
  readonly byRole: ReadonlyMap<OfacRole, InputFile>;
  readonly report: ReportBuilder;
  readonly options: ParseOptions;
}

/** A built entry with its links array, which link resolution completes in place. */
interface BuiltEntry extends LinkHolder {
  readonly entry: WatchlistEntry;
}

function buildEntries(
  primaries: ReadonlyMap<string, PrimaryRecord>,
  attached: Attached,
  context: BuildContext,
): BuiltEntry[] {
  const entries: BuiltEntry[] = [];
  const total = primaries.size;
  for (const primary of primaries.values()) {
    entries.push(entryOf(primary, attached, context));
    const done = entries.length;
    if (
      context.options.onProgress !== undefined &&
      (done % PROGRESS_EVERY === 0 || done === total)
    ) {
      context.options.onProgress(done, total);
    }
  }
  return entries;
}

function entryOf(primary: PrimaryRecord, attached: Attached, context: BuildContext): BuiltEntry {
  const entityType = primary.entityType ?? unknownType(primary, context);
  const remarks = joinedRemarks(primary.row, attached.comments.get(primary.entNum) ?? []);
  const parsed = readRemarks(remarks, primary, entityType, context);
  context.report.countFragments(parsed.fragments, parsed.facts.unparsed.length);
  const entry = buildEntry({
    primary,
    entityType,
    aliases: (attached.alt.get(primary.entNum) ?? []).map((row) => aliasOf(row, context)),
    addresses: (attached.add.get(primary.entNum) ?? []).map(addressOfRow),
    remarks,
    facts: parsed.facts,
  });
  const { sourceId, name, aliases } = entry;
  return { entry, sourceId, name, aliases, links: parsed.facts.links };
}

function unknownType(primary: PrimaryRecord, context: BuildContext): 'entity' {
  context.report.warn({
    code: 'unknown-entity-type',
    message: `SDN_Type "${primary.rawType}" is not individual, vessel or aircraft; read as an entity`,
    file: context.sdn.name,
    line: primary.row.line,
    field: 'SDN_Type',
  });
  return 'entity';
}

function aliasOf(row: OfacRow, context: BuildContext): ReturnType<typeof aliasOfRow> {
  const type = aliasTypeOf(row);
  if (type === undefined) {
    context.report.warn({
      code: 'unknown-alias-type',
      message: `alt_type "${row.fields[2]?.trim() ?? ''}" is not aka, fka or nka; read as aka`,
      file: context.byRole.get('alt')!.name,
      line: row.line,
      field: 'alt_type',
    });
  }
  return aliasOfRow(row, type ?? 'aka');
}

// sdn_comments.csv continues a remark cut at OFAC's field limit, often mid-word
// (`… PROMO RAI` + `Z S.A.S.; …`), so the pieces join without a separator.
function joinedRemarks(row: OfacRow, comments: readonly OfacRow[]): string | undefined {
  const own = row.fields[11] ?? '';
  const pieces = [
    own.trim() === '-0-' ? '' : own,
    ...comments.map((comment) => comment.fields[1] ?? ''),
  ];
  const joined = pieces.join('').trim();
  return joined === '' ? undefined : joined;
}

function readRemarks(
  remarks: string | undefined,
  primary: PrimaryRecord,
  entityType: WatchlistEntry['entityType'],
  context: BuildContext,
): ParsedRemarks {
  if (remarks === undefined) {
    return { facts: emptyRemarkFacts(), fragments: 0 };
  }
  const remarkContext: RemarkContext = {
    entityType,
    titles: titlesOf(primary.title),
    warn: (code, message, field) => {
      context.report.warn({ code, message, file: context.sdn.name, line: primary.row.line, field });
    },
  };
  return parseRemarks(remarks, remarkContext);
}
