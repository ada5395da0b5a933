/**
 * An agency's own watchlist (e.g. the kingpins one government hands the other), in the
 * `puente-watchlist/1` JSON encoding or as CSV with a header row. Each file is one publication;
 * the list's own id (`kingpins-col`) becomes the `source` of its entries.
 *
 * @module
 */
import { ValidationError, WatchlistParseError } from '../../../core/errors.js';
import { sha256Hex } from '../../../core/hash.js';
import type { InputFile, ListSource, ParsedPublication, ParseOptions } from '../../list-source.js';
import { ReportBuilder } from '../../report-builder.js';
import { checkPublishedAt, isoDatePart } from '../shared/iso-dates.js';
import { decodeUtf8 } from '../shared/text-input.js';
import type { FieldOrigin } from './agency-record.js';
import { collectEntries, type Candidate } from './candidates.js';
import {
  csvFieldName,
  csvOrigin,
  headerColumns,
  readCsvList,
  REQUIRED_COLUMNS,
} from './csv-list.js';
import { AGENCY_JSON_FORMAT, jsonFieldName, jsonOrigin, readJsonList } from './json-list.js';
import { checkSourceId } from './source-id.js';

/** Plug-in id; each list's entries carry the list's own id as their `source`. */
export const AGENCY_PLUGIN_ID = 'agency';

const SNIFF_BYTES = 4096;
const FORMAT_MARKER = new RegExp(`"format"\\s*:\\s*"${AGENCY_JSON_FORMAT.replace('/', '\\/')}"`);

/** A list's content in either encoding, ready for validation. */
interface ListContent {
  readonly source: string;
  readonly publishedAt: string;
  readonly candidates: readonly Candidate[];
  readonly origin: FieldOrigin;
  readonly fieldName: (path: readonly PropertyKey[]) => string;
}

/** Agency watchlists (`puente-watchlist/1` JSON, or CSV with `id,name` columns). */
export const agencyListSource: ListSource = {
  id: AGENCY_PLUGIN_ID,
  label: 'Agency watchlist (puente-watchlist/1 JSON or CSV)',
  claim: (files) =>
    files.filter((file) => isAgencyJson(file) || isAgencyCsv(file)).map((file) => [file]),
  parse: parseAgencyList,
  officialDownloads: [],
};

/** True for JSON whose `format` is `puente-watchlist/1`. */
export function isAgencyJson(file: InputFile): boolean {
  const text = file.bytes.toString('utf8').replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('{') && FORMAT_MARKER.test(text);
}

/**
 * True for CSV whose first line names `id` and `name` columns. OFAC's legacy files have no
 * header (their first cell is a number), so they never match.
 */
export function isAgencyCsv(file: InputFile): boolean {
  const head = file.bytes
    .subarray(0, SNIFF_BYTES)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (/^\s*[{<]/.test(firstLine) || !firstLine.includes(',')) {
    return false;
  }
  const columns = headerColumns(firstLine);
  return (
    !/^\d+$/.test(columns[0] ?? '') && REQUIRED_COLUMNS.every((name) => columns.includes(name))
  );
}

function parseAgencyList(
  files: readonly InputFile[],
  options: ParseOptions = {},
): ParsedPublication {
  const file = singleFile(files);
  const report = new ReportBuilder();
  const content = readContent(file, options, report);
  const entries = collectEntries(content.candidates, {
    source: content.source,
    file: file.name,
    report,
    origin: content.origin,
    fieldName: content.fieldName,
    onProgress: options.onProgress,
  });
  return {
    source: content.source,
    publishedAt: content.publishedAt,
    contentHash: sha256Hex(file.bytes),
    files: [file.name],
    entries,
    report: report.build(entries),
  };
}

// JSON starts with `{` (or `[`, which then fails as not a list); anything else is read as CSV.
function readContent(file: InputFile, options: ParseOptions, report: ReportBuilder): ListContent {
  const text = decodeUtf8(file.bytes, file.name);
  if (text.trim() === '') {
    throw new WatchlistParseError('the file is empty', { file: file.name });
  }
  return /^\s*[[{]/.test(text)
    ? jsonContent(text, file, options, report)
    : csvContent(text, file, options, report);
}

function singleFile(files: readonly InputFile[]): InputFile {
  const [file] = files;
  if (file === undefined || files.length !== 1) {
    throw new ValidationError(`an agency list publication is one file; got ${files.length} files`, {
      files: files.map((each) => each.name),
    });
  }
  return file;
}

// The file states its id and date; options override both (the id with a warning if it differs).
function jsonContent(
  text: string,
  file: InputFile,
  options: ParseOptions,
  report: ReportBuilder,
): ListContent {
  const list = readJsonList(text, file.name, report);
  const source =
    options.sourceId === undefined
      ? checkSourceId(list.source, 'source')
      : checkSourceId(options.sourceId, 'sourceId');
  if (source !== list.source) {
    const message = `the file says source "${list.source}"; using "${source}" as requested`;
    report.warn({ code: 'source-overridden', message, file: file.name, field: 'source' });
  }
  const publishedAt =
    options.publishedAt === undefined ? list.publishedAt : checkPublishedAt(options.publishedAt);
  return {
    source,
    publishedAt,
    candidates: list.candidates,
    origin: jsonOrigin,
    fieldName: jsonFieldName,
  };
}

// CSV carries neither id nor date: the id must be given; the date falls back to the file time.
function csvContent(
  text: string,
  file: InputFile,
  options: ParseOptions,
  report: ReportBuilder,
): ListContent {
  if (options.sourceId === undefined) {
    throw new ValidationError('a CSV agency list needs a source id (e.g. --source kingpins-col)', {
      field: 'sourceId',
      file: file.name,
    });
  }
  const source = checkSourceId(options.sourceId, 'sourceId');
  const publishedAt = csvPublishedAt(file, options, report);
  const candidates = readCsvList(text, file.name, report);
  return { source, publishedAt, candidates, origin: csvOrigin, fieldName: csvFieldName };
}

function csvPublishedAt(file: InputFile, options: ParseOptions, report: ReportBuilder): string {
  if (options.publishedAt !== undefined) {
    return checkPublishedAt(options.publishedAt);
  }
  const fileDate = file.modifiedAt === undefined ? undefined : isoDatePart(file.modifiedAt);
  if (fileDate === undefined) {
    throw new ValidationError('a CSV agency list needs a publication date (--published-at)', {
      field: 'publishedAt',
      file: file.name,
    });
  }
  const message = `no publication date given; using the file's modification date ${fileDate}`;
  report.warn({
    code: 'published-at-from-file-time',
    message,
    file: file.name,
    field: 'publishedAt',
  });
  return fileDate;
}
