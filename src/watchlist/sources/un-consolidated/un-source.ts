/**
 * The UN Security Council Consolidated List source: one XML file (`CONSOLIDATED_LIST` with
 * `INDIVIDUALS` and `ENTITIES`) per publication.
 *
 * @module
 */
import { ValidationError, WatchlistParseError } from '../../../core/errors.js';
import { sha256Hex } from '../../../core/hash.js';
import type { InputFile, ListSource, ParsedPublication, ParseOptions } from '../../list-source.js';
import { ReportBuilder } from '../../report-builder.js';
import type { WatchlistEntry } from '../../watchlist-entry.js';
import {
  elementLine,
  type ElementReader,
  type ReaderContext,
  type XmlElement,
} from './element-reader.js';
import { withoutUndefined } from '../shared/compact.js';
import { checkPublishedAt, isoDatePart } from '../shared/iso-dates.js';
import { mapUnEntry, UN_SOURCE_ID, type EntryWarning, type UnEntryKind } from './map-entry.js';
import { decodeUtf8 } from '../shared/text-input.js';
import { readXmlDocument, type XmlDocument } from './xml-document.js';

const ROOT = 'CONSOLIDATED_LIST';
const SNIFF_BYTES = 4096;
const PROGRESS_EVERY = 100;
// Skips the declaration, comments and a DOCTYPE to the first start tag.
const FIRST_START_TAG = /<([A-Za-z_][\w.:-]*)[\s/>]/;
const COMMENT = /<!--[\s\S]*?-->/g;
const GROUPS: readonly (readonly [string, UnEntryKind])[] = [
  ['INDIVIDUALS', 'INDIVIDUAL'],
  ['ENTITIES', 'ENTITY'],
];
// Attributes of the root that say how the file is encoded, not what it lists.
const ROOT_SCHEMA_ATTRIBUTES = ['xmlns:xsi', 'xsi:noNamespaceSchemaLocation'];

interface EntryElement {
  readonly kind: UnEntryKind;
  readonly element: XmlElement;
}

/** The UN Security Council Consolidated List (`consolidated.xml`), source id `un`. */
export const unConsolidatedSource: ListSource = {
  id: UN_SOURCE_ID,
  label: 'UN Security Council Consolidated List',
  claim: (files) => files.filter(isConsolidatedList).map((file) => [file]),
  parse: parseConsolidatedList,
  officialDownloads: [
    {
      name: 'consolidated.xml',
      url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
    },
  ],
};

/** True when the file is XML whose root element is `CONSOLIDATED_LIST` (first 4 KB sniffed). */
export function isConsolidatedList(file: InputFile): boolean {
  const head = file.bytes.subarray(0, SNIFF_BYTES).toString('utf8').replace(COMMENT, '');
  return FIRST_START_TAG.exec(head)?.[1] === ROOT;
}

function parseConsolidatedList(
  files: readonly InputFile[],
  options: ParseOptions = {},
): ParsedPublication {
  const file = singleFile(files);
  const document = readConsolidatedList(file);
  const report = new ReportBuilder();
  const publishedAt = readPublishedAt(document.root, file, options);
  const found = listEntries(document.root, file);
  const entries = mapEntries(found, document.context, file, report, options);
  warnUnread(document.root, file, report);
  return {
    source: UN_SOURCE_ID,
    publishedAt,
    contentHash: sha256Hex(file.bytes),
    files: [file.name],
    entries,
    report: report.build(entries),
  };
}

function readConsolidatedList(file: InputFile): XmlDocument {
  const document = readXmlDocument(decodeUtf8(file.bytes, file.name), file.name);
  if (document.rootName !== ROOT) {
    throw new WatchlistParseError(`root element is ${document.rootName}, not ${ROOT}`, {
      file: file.name,
    });
  }
  return document;
}

function singleFile(files: readonly InputFile[]): InputFile {
  const [file] = files;
  if (file === undefined || files.length !== 1) {
    throw new ValidationError(`the UN list is one XML file; got ${files.length} files`, {
      files: files.map((each) => each.name),
    });
  }
  return file;
}

function readPublishedAt(root: ElementReader, file: InputFile, options: ParseOptions): string {
  const generated = root.attribute('dateGenerated');
  ROOT_SCHEMA_ATTRIBUTES.forEach((name) => root.attribute(name));
  if (options.publishedAt !== undefined) {
    return checkPublishedAt(options.publishedAt);
  }
  const date = generated === undefined ? undefined : isoDatePart(generated);
  if (date === undefined) {
    throw new WatchlistParseError(
      `${ROOT} has no valid dateGenerated (${generated ?? 'missing'}); pass publishedAt`,
      { file: file.name, field: 'dateGenerated' },
    );
  }
  return date;
}

function listEntries(root: ElementReader, file: InputFile): EntryElement[] {
  const found = GROUPS.flatMap(([group, kind]) =>
    root
      .children(group)
      .flatMap((container) => container.elements(kind).map((element) => ({ kind, element }))),
  );
  if (found.length === 0) {
    // An empty list would read as "everyone was delisted"; refuse it instead.
    throw new WatchlistParseError(`${ROOT} holds no INDIVIDUAL or ENTITY elements`, {
      file: file.name,
    });
  }
  return found;
}

function mapEntries(
  found: readonly EntryElement[],
  context: ReaderContext,
  file: InputFile,
  report: ReportBuilder,
  options: ParseOptions,
): WatchlistEntry[] {
  const bySourceId = new Map<string, WatchlistEntry>();
  const warn = (warning: EntryWarning): void => {
    report.warn(withoutUndefined({ ...warning, file: file.name }));
  };
  found.forEach(({ kind, element }, index) => {
    const mapped = mapUnEntry(element, kind, context, warn);
    if (mapped !== undefined && keepFirst(bySourceId, mapped.entry, element, context, warn)) {
      report.countFragments(mapped.fragments, mapped.unparsedFragments);
    }
    reportProgress(options, index + 1, found.length);
  });
  return [...bySourceId.values()];
}

// A reference number names one entry; a repeat is a publishing error, so the first one stands.
function keepFirst(
  bySourceId: Map<string, WatchlistEntry>,
  entry: WatchlistEntry,
  element: XmlElement,
  context: ReaderContext,
  warn: (warning: EntryWarning) => void,
): boolean {
  if (!bySourceId.has(entry.sourceId)) {
    bySourceId.set(entry.sourceId, entry);
    return true;
  }
  warn({
    code: 'duplicate-reference-number',
    message: `reference number ${entry.sourceId} appears again; the first entry is kept`,
    field: 'REFERENCE_NUMBER',
    line: elementLine(element, context),
  });
  return false;
}

function reportProgress(options: ParseOptions, done: number, total: number): void {
  if (options.onProgress !== undefined && (done % PROGRESS_EVERY === 0 || done === total)) {
    options.onProgress(done, total);
  }
}

// Whatever sits outside INDIVIDUALS and ENTITIES belongs to no entry; it is reported instead.
function warnUnread(root: ElementReader, file: InputFile, report: ReportBuilder): void {
  for (const fragment of root.leftovers()) {
    report.warn({
      code: 'unmapped-element',
      message: `${fragment.origin} is not part of any entry: ${fragment.text}`,
      file: file.name,
      field: fragment.origin,
    });
  }
}
