/**
 * The text of a PDF, page by page, through Mozilla's pdf.js: tests assert what a produced
 * document says, not merely that a file exists.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/**
 * Every page's text, lines joined by newlines.
 *
 * @example
 * const pages = await pdfText(pdfBytes);
 */
export async function pdfText(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({
    // pdf.js takes ownership of the buffer it is given.
    data: new Uint8Array(pdf),
    standardFontDataUrl: FONTS,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join(''),
    );
  }
  await document.destroy();
  return pages;
}
