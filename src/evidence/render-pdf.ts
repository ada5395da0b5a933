/**
 * Renders an `EvidenceDocument` as PDF with pdfkit. The standard Helvetica fonts cover Spanish
 * and English (WinAnsi); characters outside it (names in Arabic or Cyrillic script) are
 * printed as their Latin transliteration where Unicode gives one and `?` otherwise — the JSON
 * facts that accompany every document keep the exact text.
 *
 * @module
 */

import type { DocumentSection, DocumentTable, EvidenceDocument } from './document-model.js';

const MARGIN = 50;
const WINANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * The PDF bytes of `document`.
 *
 * @example
 * const pdf = await renderPdf(document);
 */
export async function renderPdf(document: EvidenceDocument): Promise<Buffer> {
  // Loaded on first use: most processes (the CLI, most requests) never render a PDF.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: printable(document.title),
      Author: printable(document.author),
      Creator: 'Puente',
      CreationDate: document.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    pdf.on('error', reject);
  });
  writeHeader(pdf, document);
  for (const section of document.sections) {
    writeSection(pdf, section);
  }
  writeFooters(pdf, document.footer, document.marking);
  pdf.end();
  return done;
}

function writeHeader(pdf: PDFKit.PDFDocument, document: EvidenceDocument): void {
  pdf.font('Helvetica-Bold').fontSize(16).text(printable(document.title));
  if (document.subtitle !== undefined) {
    pdf.font('Helvetica').fontSize(10).fillColor('#444444').text(printable(document.subtitle));
  }
  pdf.fillColor('black');
  if (document.notice !== undefined) {
    pdf.moveDown(0.5).font('Helvetica-Oblique').fontSize(9).text(printable(document.notice));
  }
  pdf.moveDown();
}

function writeSection(pdf: PDFKit.PDFDocument, section: DocumentSection): void {
  pdf.font('Helvetica-Bold').fontSize(12).text(printable(section.heading));
  pdf.moveDown(0.3);
  for (const [label, value] of section.fields ?? []) {
    pdf
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${printable(label)}: `, { continued: true });
    pdf.font('Helvetica').text(printable(value === '' ? '—' : value));
  }
  for (const paragraph of section.paragraphs ?? []) {
    pdf.font('Helvetica').fontSize(9).text(printable(paragraph)).moveDown(0.3);
  }
  for (const table of section.tables ?? []) {
    writeTable(pdf, table);
  }
  pdf.moveDown();
}

/** A table as one line per row, cells separated by " | ": robust to any column count and width. */
function writeTable(pdf: PDFKit.PDFDocument, table: DocumentTable): void {
  pdf.font('Helvetica-Bold').fontSize(8).text(table.columns.map(printable).join(' | '));
  pdf.font('Helvetica').fontSize(8);
  for (const row of table.rows) {
    pdf.text(row.map((cell) => printable(cell === '' ? '—' : cell)).join(' | '));
  }
  pdf.moveDown(0.5);
}

function writeFooters(pdf: PDFKit.PDFDocument, footer: string, marking?: string): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    const bottom = pdf.page.height - MARGIN;
    // Writing below the bottom margin would add a page; lift the margin for the footer line.
    pdf.page.margins.bottom = 0;
    if (marking !== undefined) {
      writeBanner(pdf, printable(marking), MARGIN / 2);
      writeBanner(pdf, printable(marking), bottom - 12);
    }
    pdf
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#666666')
      .text(`${printable(footer)} · ${index + 1}/${range.count}`, MARGIN, bottom, {
        width: pdf.page.width - 2 * MARGIN,
        lineBreak: false,
      });
  }
}

/** The marking banner, bold and centred across the page at height `y`. */
function writeBanner(pdf: PDFKit.PDFDocument, banner: string, y: number): void {
  pdf
    .font('Helvetica-Bold')
    .fontSize(9)
    .fillColor('#b00000')
    .text(banner, MARGIN, y, {
      width: pdf.page.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    })
    .fillColor('black');
}

/**
 * `text` restricted to what the standard fonts can show.
 *
 * @example
 * printable('Núñez — Ω'); // 'Núñez — ?'
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WINANSI_EXTRA.has(char)
    ) {
      out += char;
    } else if (char === '\n' || char === '\t') {
      out += ' ';
    } else {
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += /^[\x20-\x7e]+$/.test(base) ? base : '?';
    }
  }
  return out;
}
