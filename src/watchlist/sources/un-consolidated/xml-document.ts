/**
 * Safe XML reading for the UN list: refuse DTDs before anything parses, check well-formedness
 * with positions, then parse with no entity expansion and every element as an array.
 *
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UnsafeInputError, WatchlistParseError } from '../../../core/errors.js';
import { ElementReader, type ReaderContext, type XmlElement } from './element-reader.js';
import { LineIndex } from '../shared/text-input.js';

// A DOCTYPE is how DTDs, external entities and entity bombs ("billion laughs") get in; the
// list never needs one, so any is refused before a parser sees the document.
const UNSAFE_DECLARATION = /<!(DOCTYPE|ENTITY)\b/i;

/** A parsed document: its single root element and what its readers share. */
export interface XmlDocument {
  readonly rootName: string;
  readonly root: ElementReader;
  readonly context: ReaderContext;
}

/** Throws `UnsafeInputError` when the text declares a DOCTYPE or an ENTITY anywhere. */
export function refuseUnsafeXml(text: string, file: string, lines: LineIndex): void {
  const match = UNSAFE_DECLARATION.exec(text);
  if (match !== null) {
    const what = (match[1] ?? '').toUpperCase();
    throw new UnsafeInputError(
      `XML ${what} declarations are refused (no DTDs, no entity declarations)`,
      { file, line: lines.lineAt(match.index) },
    );
  }
}

/** Throws `WatchlistParseError` with line and column when the text is not well-formed XML. */
export function assertWellFormed(text: string, file: string, lines: LineIndex): void {
  // The parser itself tolerates unclosed tags; only the validator reports them, with positions.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the validator bundled with v5 is the one installed
  const result = XMLValidator.validate(text);
  if (result === true) {
    return;
  }
  const { line, col, msg } = unclosedAtEnd(result.err, text, lines) ?? result.err;
  throw new WatchlistParseError(`malformed XML at line ${line}, column ${col}: ${msg}`, {
    file,
    line,
  });
}

// For elements still open at the end (a truncated file) the validator names them but points at
// line 1; the end of the text is where the problem shows.
function unclosedAtEnd(
  error: { readonly code: string; readonly msg: string },
  text: string,
  lines: LineIndex,
): { line: number; col: number; msg: string } | undefined {
  if (error.code !== 'InvalidXml' || !error.msg.startsWith("Invalid '[")) {
    return undefined;
  }
  const open = [...error.msg.matchAll(/"([^"]+)"/g)].map((match) => match[1]).join(', ');
  const line = lines.lineAt(text.length);
  const col = text.length - text.lastIndexOf('\n', text.length - 1);
  return { line, col, msg: `unexpected end of document; still open: ${open}` };
}

/** Checks and parses `text`; throws `UnsafeInputError` or `WatchlistParseError`. */
export function readXmlDocument(text: string, file: string): XmlDocument {
  const lines = new LineIndex(text);
  refuseUnsafeXml(text, file, lines);
  assertWellFormed(text, file, lines);
  const context: ReaderContext = {
    lines,
    metadataKey: XMLParser.getMetaDataSymbol() as unknown as symbol,
  };
  const [rootName, root] = singleRoot(parseXml(text, file), file);
  return { rootName, root: new ElementReader(root, rootName, context), context };
}

function parseXml(text: string, file: string): XmlElement {
  const parser = new XMLParser({
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    captureMetaData: true,
    // Callbacks then get a matcher instead of a path string built for every tag: faster.
    jPath: false,
    isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  });
  try {
    return parser.parse(text) as XmlElement;
  } catch (error: unknown) {
    throw new WatchlistParseError(`cannot parse XML: ${String(error)}`, { file }, error);
  }
}

// The validator accepts several top-level elements; a list has exactly one root.
function singleRoot(document: XmlElement, file: string): [string, XmlElement] {
  const names = Object.keys(document);
  const value = names.length === 1 ? document[names[0]!] : undefined;
  const root: unknown = Array.isArray(value) && value.length === 1 ? value[0] : undefined;
  if (names.length !== 1 || root === undefined) {
    throw new WatchlistParseError('the document must have exactly one root element', { file });
  }
  // An empty root (`<CONSOLIDATED_LIST/>`) parses as text; it is an element with no children.
  return [names[0]!, typeof root === 'object' && root !== null ? (root as XmlElement) : {}];
}
