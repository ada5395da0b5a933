/**
 * Word classes that carry little identifying information, so that the score rests on the
 * distinctive parts of a name. The lists are short and hand-made; the index adds IDF weights
 * computed from the loaded lists on top (`screening-index.ts`).
 *
 * @module
 */

/** Spanish, Portuguese, Italian, Dutch, German, French and Arabic name particles. */
export const PARTICLES: ReadonlySet<string> = new Set(
  'de del la las los y e da das do dos di du van von der den ter le el al bin ibn bint ould'.split(
    ' ',
  ),
);

/** Function words in company names. */
export const STOPWORDS: ReadonlySet<string> = new Set('the of and for & an et und'.split(' '));

/**
 * Honorifics and religious titles prefixed to names in the lists, and the generational suffixes
 * `JR.`/`SR.` (Arabic writes `الابن`, "the son", for JR.: the two rarely meet letter for letter).
 */
export const TITLES: ReadonlySet<string> = new Set(
  'mr mrs ms dr prof sheikh shaykh sheik shaikh mullah mulla maulvi maulavi mawlawi haji hajji hadji hajj jr sr'.split(
    ' ',
  ),
);

/**
 * Words so common in company names that two companies sharing them are not alike:
 * `INVERSIONES LA ESPERANZA` and `INVERSIONES LA PRIMAVERA` differ by their one distinctive word.
 */
export const GENERIC_COMPANY_WORDS: ReadonlySet<string> = new Set(
  `
  inversiones inversora inversionista comercializadora comercial comercio comercializacion
  distribuidora distribuciones distribucion importadora exportadora importaciones exportaciones
  import export importexport trading traders trade group grupo international internacional intl
  holding holdings industries industrias industrial industria constructora construcciones
  construction servicios services service transportes transporte transport logistics logistica
  inmobiliaria inmobiliarios agropecuaria agricola ganaderia ganadera sociedad empresa empresas
  enterprises enterprise general global investments investment invest management consulting
  consultores consultoria asociados associates partners corporacion fundacion foundation
  asociacion association organizacion organization center centro solutions systems technology
  technologies tech capital finance financial development resources manufacturing engineering
  supply equipment shipping marine maritime navigation energy representaciones promotora
  operadora administradora agencia agency sucursal branch office tours travel viajes multiservicios
  suministros proyectos projects desarrollos
`
    .trim()
    .split(/\s+/),
);
