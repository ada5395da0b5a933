/**
 * Turns the rows of a publication into entries: each `sdn.csv` row with its `alt.csv`,
 * `add.csv` and `sdn_comments.csv` rows, its remarks parsed, problems reported with file and
 * line.
 *
 * @module
 */
import type { ParseOptions } from '../../list-source.js';
import type { ReportBuilder } from '../../report-builder.js';
import type { Alias, EntityType, WatchlistEntry } from '../../watchlist-entry.js';
import {
  addressOfRow,
  aliasOfRow,
  aliasTypeOf,
  buildEntry,
  type PrimaryRecord,
} from './build-entry.js';
import { titlesOf } from './free-text-rules.js';
import type { LinkHolder } from './link-resolver.js';
import { fieldValue, type OfacRow } from './ofac-csv.js';
import { emptyRemarkFacts, type RemarkContext } from './remark-facts.js';
import { parseRemarks, type ParsedRemarks } from './remarks-parser.js';

const PROGRESS_EVERY = 500;

/** Rows of the secondary files, by `ent_num` (orphans already removed). */
export interface AttachedRows {
  readonly alt: ReadonlyMap<string, OfacRow[]>;
  readonly add: ReadonlyMap<string, OfacRow[]>;
  readonly comments: ReadonlyMap<string, OfacRow[]>;
}

/** What assembling needs besides the rows. */
export interface AssemblyContext {
  readonly sdnFile: string;
  readonly altFile: string;
  readonly report: ReportBuilder;
  readonly options: ParseOptions;
}

/** A built entry with its links array, which link resolution completes in place. */
export interface BuiltEntry extends LinkHolder {
  readonly entry: WatchlistEntry;
}

/** One entry per primary row, in file order. */
export function assembleEntries(
  primaries: ReadonlyMap<string, PrimaryRecord>,
  attached: AttachedRows,
  context: AssemblyContext,
): BuiltEntry[] {
  const built: BuiltEntry[] = [];
  const total = primaries.size;
  const { onProgress } = context.options;
  for (const primary of primaries.values()) {
    built.push(entryOf(primary, attached, context));
    if (
      onProgress !== undefined &&
      (built.length % PROGRESS_EVERY === 0 || built.length === total)
    ) {
      onProgress(built.length, total);
    }
  }
  return built;
}

function entryOf(
  primary: PrimaryRecord,
  attached: AttachedRows,
  context: AssemblyContext,
): BuiltEntry {
  const entityType = primary.entityType ?? unknownType(primary, context);
  const remarks = joinedRemarks(primary.row, attached.comments.get(primary.entNum));
  const parsed = readRemarks(remarks, primary, entityType, context);
  context.report.countFragments(parsed.fragments, parsed.facts.unparsed.length);
  const entry = buildEntry({
    primary,
    entityType,
    aliases: aliasesOf(attached.alt.get(primary.entNum), context),
    addresses: attached.add.get(primary.entNum)?.map(addressOfRow) ?? [],
    remarks,
    facts: parsed.facts,
  });
  const { sourceId, name, aliases } = entry;
  return { entry, sourceId, name, aliases, links: parsed.facts.links };
}

function unknownType(primary: PrimaryRecord, context: AssemblyContext): 'entity' {
  context.report.warn({
    code: 'unknown-entity-type',
    message: `SDN_Type "${primary.rawType}" is not individual, vessel or aircraft; read as an entity`,
    file: context.sdnFile,
    line: primary.row.line,
    field: 'SDN_Type',
  });
  return 'entity';
}

function aliasesOf(rows: readonly OfacRow[] | undefined, context: AssemblyContext): Alias[] {
  const aliases: Alias[] = [];
  for (const row of rows ?? []) {
    const type = aliasTypeOf(row);
    if (type === undefined) {
      context.report.warn({
        code: 'unknown-alias-type',
        message: `alt_type "${row.fields[2]?.trim() ?? ''}" is not aka, fka or nka; read as aka`,
        file: context.altFile,
        line: row.line,
        field: 'alt_type',
      });
    }
    aliases.push(aliasOfRow(row, type ?? 'aka'));
  }
  return aliases;
}

// sdn_comments.csv continues a remark cut at OFAC's field limit, often mid-word
// (`… PROMO RAI` + `Z S.A.S.; …`), so the pieces join without a separator.
function joinedRemarks(row: OfacRow, comments: readonly OfacRow[] | undefined): string | undefined {
  let joined = fieldValue(row.fields[11]) === undefined ? '' : row.fields[11]!;
  for (const comment of comments ?? []) {
    joined += comment.fields[1] ?? '';
  }
  joined = joined.trim();
  return joined === '' ? undefined : joined;
}

function readRemarks(
  remarks: string | undefined,
  primary: PrimaryRecord,
  entityType: EntityType,
  context: AssemblyContext,
): ParsedRemarks {
  if (remarks === undefined) {
    return { facts: emptyRemarkFacts(), fragments: 0 };
  }
  return parseRemarks(remarks, new EntryRemarkContext(primary, entityType, context));
}

/** The remark context of one entry; warnings carry the sdn file and the entry's line. */
class EntryRemarkContext implements RemarkContext {
  readonly entityType: EntityType;
  readonly titles: readonly string[];
  readonly #line: number;
  readonly #context: AssemblyContext;

  constructor(primary: PrimaryRecord, entityType: EntityType, context: AssemblyContext) {
    this.entityType = entityType;
    this.titles = titlesOf(primary.title);
    this.#line = primary.row.line;
    this.#context = context;
  }

  warn(code: string, message: string, field: string): void {
    const file = this.#context.sdnFile;
    this.#context.report.warn({ code, message, file, line: this.#line, field });
  }
}
