/**
 * A reader over one parsed XML element that remembers which children a mapper read, so that
 * everything it did not read can be handed back as unparsed fragments: nothing is dropped.
 *
 * @module
 */
import type { LineIndex } from '../shared/text-input.js';

/** A parsed element as our parser settings produce it: child elements in arrays, attributes as `@_name` strings. */
export type XmlElement = Readonly<Record<string | symbol, unknown>>;

/** Text the source published that no mapping rule took, with where it came from. */
export interface KeptFragment {
  readonly text: string;
  readonly origin: string;
  /** How many leaf values of the source the fragment holds (for the report's fragment counts). */
  readonly leaves: number;
}

/** What every reader of one document shares. */
export interface ReaderContext {
  readonly lines: LineIndex;
  /** The symbol under which the parser stores each element's start offset. */
  readonly metadataKey: symbol;
}

/** How to tidy a text value: `collapse` joins wrapped lines; `trim` keeps the text's own layout. */
export type TextMode = 'collapse' | 'trim';

const ATTRIBUTE_PREFIX = '@_';
const TEXT_KEY = '#text';
const NON_SPACE = /\S/;
const XML_REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Reads children of one element and tracks what was read. */
export class ElementReader {
  /** Element path relative to the entry, e.g. `INDIVIDUAL/INDIVIDUAL_ALIAS`. */
  readonly path: string;
  readonly #element: XmlElement;
  readonly #context: ReaderContext;
  readonly #read = new Set<string>();
  readonly #children: ElementReader[] = [];
  readonly #kept: KeptFragment[] = [];

  /** Wraps `element`, found at `path`. */
  constructor(element: XmlElement, path: string, context: ReaderContext) {
    this.#element = element;
    this.path = path;
    this.#context = context;
  }

  /** The line the element starts on, when the parser recorded it. */
  get line(): number | undefined {
    return elementLine(this.#element, this.#context);
  }

  /** Every non-empty text of the child elements `name`. */
  texts(name: string, mode: TextMode = 'collapse'): string[] {
    const firstRead = !this.#read.has(name);
    this.#read.add(name);
    const found: string[] = [];
    for (const value of asList(this.#element[name])) {
      const text = this.#textOf(value, name, mode, firstRead);
      if (text !== '') {
        found.push(text);
      }
    }
    return found;
  }

  /** The first non-empty text of the child `name`; any further ones are kept as unparsed. */
  text(name: string, mode: TextMode = 'collapse'): string | undefined {
    const [first, ...rest] = this.texts(name, mode);
    for (const extra of rest) {
      this.keep(extra, 1, name);
    }
    return first;
  }

  /** Readers for the child elements `name`; empty placeholders (`<X/>`) are skipped. */
  children(name: string): ElementReader[] {
    return this.elements(name).map((element) => this.#child(element, name));
  }

  /** The raw child elements `name`, for another reader to map; stray text is kept. */
  elements(name: string): XmlElement[] {
    this.#read.add(name);
    const found: XmlElement[] = [];
    for (const value of asList(this.#element[name])) {
      if (isElement(value)) {
        found.push(value);
      } else {
        this.#keepText(value, name);
      }
    }
    return found;
  }

  /** The texts of `<name><VALUE>…</VALUE></name>` lists (TITLE, NATIONALITY, …). */
  values(name: string): string[] {
    return this.children(name).flatMap((child) => child.texts('VALUE'));
  }

  /** An attribute's value, or undefined when absent or empty. */
  attribute(name: string): string | undefined {
    const key = `${ATTRIBUTE_PREFIX}${name}`;
    this.#read.add(key);
    const value = this.#element[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }

  /** Keeps text a mapper read but could not use, so it ends up in `unparsed`. */
  keep(text: string, leaves: number, childName?: string): void {
    const origin = childName === undefined ? this.path : `${this.path}/${childName}`;
    this.#kept.push({ text, origin, leaves });
  }

  /** What was kept or never read, here and in every child reader. */
  leftovers(): KeptFragment[] {
    const unread = Object.keys(this.#element)
      .filter((name) => !this.#read.has(name))
      .flatMap((name) => leafFragments(this.#element[name], childPath(this.path, name)));
    return [...this.#kept, ...unread, ...this.#children.flatMap((child) => child.leftovers())];
  }

  #child(element: XmlElement, name: string): ElementReader {
    const reader = new ElementReader(element, `${this.path}/${name}`, this.#context);
    this.#children.push(reader);
    return reader;
  }

  // An element where text was expected is kept, not dropped (once, however often it is read).
  #textOf(value: unknown, name: string, mode: TextMode, firstRead: boolean): string {
    if (typeof value === 'string') {
      return cleanText(value, mode);
    }
    if (isElement(value)) {
      const { [TEXT_KEY]: text, ...rest } = value;
      if (firstRead) {
        this.#child(rest, name);
      }
      return typeof text === 'string' ? cleanText(text, mode) : '';
    }
    return '';
  }

  #keepText(value: unknown, name: string): void {
    const text = typeof value === 'string' ? cleanText(value, 'collapse') : '';
    if (text !== '') {
      this.keep(text, 1, name);
    }
  }
}

/** Every non-empty leaf value under `value`, each as its own fragment with its element path. */
export function leafFragments(value: unknown, path: string): KeptFragment[] {
  if (typeof value === 'string') {
    const text = cleanText(value, 'collapse');
    return text === '' ? [] : [{ text, origin: path, leaves: 1 }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown) => leafFragments(item, path));
  }
  if (isElement(value)) {
    return Object.keys(value).flatMap((name) => leafFragments(value[name], childPath(path, name)));
  }
  return [];
}

/** The line an element starts on, from the offset the parser recorded. */
export function elementLine(element: XmlElement, context: ReaderContext): number | undefined {
  const metadata = element[context.metadataKey];
  const start = isElement(metadata) ? metadata.startIndex : undefined;
  return typeof start === 'number' ? context.lines.lineAt(start) : undefined;
}

/** How many non-empty leaf values (texts and attributes) `value` holds. */
export function countLeaves(value: unknown): number {
  if (typeof value === 'string') {
    return NON_SPACE.test(value) ? 1 : 0;
  }
  if (Array.isArray(value)) {
    let count = 0;
    for (const item of value) {
      count += countLeaves(item);
    }
    return count;
  }
  return isElement(value) ? countLeaves(Object.values(value)) : 0;
}

/** Decodes the five predefined XML entities and character references; nothing else expands. */
export function decodeXmlReferences(text: string): string {
  if (!text.includes('&')) {
    return text;
  }
  return text.replace(XML_REFERENCE, (whole, name?: string, decimal?: string, hex?: string) => {
    if (name !== undefined) {
      return PREDEFINED[name] ?? whole;
    }
    const codePoint = decimal === undefined ? Number.parseInt(hex ?? '', 16) : Number(decimal);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

/** Decodes references and tidies whitespace as `mode` says. */
export function cleanText(text: string, mode: TextMode): string {
  const decoded = decodeXmlReferences(text);
  return mode === 'collapse' ? decoded.replace(/\s+/g, ' ').trim() : decoded.trim();
}

function childPath(path: string, name: string): string {
  if (name === TEXT_KEY) {
    return path;
  }
  const child = name.startsWith(ATTRIBUTE_PREFIX)
    ? `@${name.slice(ATTRIBUTE_PREFIX.length)}`
    : name;
  return `${path}/${child}`;
}

function asList(value: unknown): readonly unknown[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? (value as unknown[]) : [value];
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
