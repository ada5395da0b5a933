/**
 * A small document model that every evidence document is written in, so the documents say
 * what they contain and `render-pdf.ts` alone knows how a page is laid out.
 *
 * @module
 */

/** Languages of evidence documents. */
export type DocumentLanguage = 'es' | 'en';

/** Every language, for validation. */
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['es', 'en'];

/** A table: a header row and body rows of the same width. */
export interface DocumentTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One titled section: label–value pairs, paragraphs and tables, in that order. */
export interface DocumentSection {
  readonly heading: string;
  readonly fields?: readonly (readonly [string, string])[];
  readonly paragraphs?: readonly string[];
  readonly tables?: readonly DocumentTable[];
}

/** A whole document. */
export interface EvidenceDocument {
  readonly title: string;
  readonly subtitle?: string;
  /** Short notice printed first, e.g. the reservation of a suspicious-operation report. */
  readonly notice?: string;
  readonly sections: readonly DocumentSection[];
  /**
   * The marking banner of the document (`formatMarking` of the combined marking of the marked
   * records it includes), printed at the head and the foot of every page; absent when it
   * includes none.
   */
  readonly marking?: string;
  /** Printed at the foot of every page (document id, integrity hash). */
  readonly footer: string;
  /** PDF metadata. */
  readonly author: string;
  readonly createdAt: Date;
}
