/**
 * Company-name variations: legal forms respelt (`S.A.S.` ↔ `SOCIEDAD POR ACCIONES
 * SIMPLIFICADA`, `LTDA.` ↔ `LIMITADA`, `S.A. DE C.V.` ↔ `SOCIEDAD ANONIMA DE CAPITAL
 * VARIABLE`, `CIA.` ↔ `COMPAÑIA`, `INC.` ↔ `INCORPORATED`, …), dropped or added, words
 * shuffled; and particles for people (`de`, `y`) added or removed.
 *
 * @module
 */
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { fold, isHispanic, naturalOrder, personName } from './listed-names.js';
import type { Prng } from './prng.js';

/** Spellings of one legal form, as written in the lists and by clerks. */
const LEGAL_SPELLINGS: readonly (readonly string[])[] = [
  ['S.A.S.', 'SAS', 'SOCIEDAD POR ACCIONES SIMPLIFICADA'],
  ['S.A. DE C.V.', 'SA DE CV', 'SOCIEDAD ANONIMA DE CAPITAL VARIABLE'],
  ['S. DE R.L. DE C.V.', 'S DE RL DE CV'],
  ['LTDA.', 'LTDA', 'LIMITADA'],
  ['S.A.', 'SA', 'SOCIEDAD ANONIMA'],
  ['CIA.', 'CIA', 'COMPAÑIA', 'COMPANIA'],
  ['C.I.', 'CI', 'COMERCIALIZADORA INTERNACIONAL'],
  ['LLC', 'L.L.C.', 'LIMITED LIABILITY COMPANY'],
  ['INC.', 'INC', 'INCORPORATED'],
  ['CORP.', 'CORP', 'CORPORATION'],
  ['LTD.', 'LTD', 'LIMITED'],
  ['CO., LTD.', 'CO. LTD.', 'CO LTD', 'COMPANY LIMITED'],
  ['CO.', 'COMPANY'],
  ['GMBH', 'G.M.B.H.'],
  ['OPEN JOINT STOCK COMPANY', 'OPEN JSC', 'OJSC'],
  ['CLOSED JOINT STOCK COMPANY', 'CLOSED JSC', 'CJSC'],
  ['PUBLIC JOINT STOCK COMPANY', 'PUBLIC JSC', 'PJSC'],
  ['JSC', 'JOINT STOCK COMPANY'],
  ['S.R.L.', 'SRL'],
];

interface Found {
  readonly spellings: readonly string[];
  readonly start: number;
  readonly length: number;
}

/** The legal-form spelling ending last in a company name (the longest among those), if any. */
function findLegalForm(name: string): Found | undefined {
  const upper = name.toUpperCase();
  let best: Found | undefined;
  const end = (f: Found) => f.start + f.length;
  for (const spellings of LEGAL_SPELLINGS) {
    for (const spelling of spellings) {
      const pattern = new RegExp(`(^|[\\s,])${escape(spelling)}(?=$|[\\s,])`, 'g');
      for (const m of upper.matchAll(pattern)) {
        const found = { spellings, start: m.index + m[1]!.length, length: spelling.length };
        if (
          best === undefined ||
          end(found) > end(best) ||
          (end(found) === end(best) && found.length > best.length)
        ) {
          best = found;
        }
      }
    }
  }
  return best;
}

/** Only legal forms at the start or the end of a name are respelt (`COMPANY` inside a name is a word). */
function atEdge(name: string, found: Found | undefined): Found | undefined {
  if (found === undefined) {
    return undefined;
  }
  const after = name.slice(found.start + found.length).replace(/[\s,.]/g, '');
  return found.start === 0 || after === '' ? found : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The company's legal form written another way, or one added when it has none. */
export function legalFormRespelling(entry: WatchlistEntry, prng: Prng): string | undefined {
  if (entry.entityType !== 'entity') {
    return undefined;
  }
  const found = atEdge(entry.name, findLegalForm(entry.name));
  if (found === undefined) {
    return `${entry.name} ${prng.pick(['S.A.S.', 'LTDA.', 'S.A.', 'LLC'])}`;
  }
  const current = entry.name.slice(found.start, found.start + found.length).toUpperCase();
  const others = found.spellings.filter((s) => s !== current);
  return (
    entry.name.slice(0, found.start) +
    prng.pick(others) +
    entry.name.slice(found.start + found.length)
  );
}

/** The company name without its legal form (when something distinctive remains). */
export function dropLegalForm(entry: WatchlistEntry): string | undefined {
  const found =
    entry.entityType === 'entity' ? atEdge(entry.name, findLegalForm(entry.name)) : undefined;
  if (found === undefined) {
    return undefined;
  }
  const rest = (entry.name.slice(0, found.start) + entry.name.slice(found.start + found.length))
    .replace(/[\s,]+$/, '')
    .trim();
  return rest.split(/\s+/).length >= 1 && rest.length >= 3 ? rest : undefined;
}

/**
 * Words of legal forms, kept in place at either end of a name when its words are shuffled (the
 * spelled-out Spanish and Russian forms too: `SOCIEDAD ANONIMA DE CAPITAL VARIABLE`, `OBSHCHESTVO
 * S OGRANICHENNOI OTVETSTVENNOSTYU` are one legal form, which no clerk writes in another order).
 */
const LEGAL_WORDS = new Set(
  `s a sa sas de c v cv r l rl srl ltda ltd limited llc inc corp corporation co company cia compania
  jsc ojsc cjsc pjsc joint stock open closed public ooo oao zao pao ao gmbh ag bv b nv n plc pvt private
  pte bhd fze llp lp sarl spa oy ab liability e u eu y en
  sociedad anonima capital variable limitada acciones por simplificada
  obshchestvo ogranichennoi ogranichennoy otvetstvennostyu otvetstvennostiu aktsionernoe zakrytoe
  otkrytoe publichnoe`.split(/\s+/),
);

const isLegalWord = (word: string): boolean => LEGAL_WORDS.has(fold(word).replace(/[^a-z]/g, ''));

/** The company's words in another order (legal-form words at either end stay in place). */
export function shuffledCompanyWords(entry: WatchlistEntry, prng: Prng): string | undefined {
  if (entry.entityType !== 'entity') {
    return undefined;
  }
  const words = entry.name.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  let start = 0;
  while (start < words.length && isLegalWord(words[start]!)) {
    start++;
  }
  let end = words.length;
  while (end > start && isLegalWord(words[end - 1]!)) {
    end--;
  }
  const body = words.slice(start, end);
  if (body.length < 2) {
    return undefined;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const shuffled = prng.shuffle(body);
    if (shuffled.join(' ') !== body.join(' ')) {
      return [...words.slice(0, start), ...shuffled, ...words.slice(end)].join(' ');
    }
  }
  return undefined;
}

const PARTICLE_WORDS = new Set(['de', 'del', 'la', 'las', 'los', 'y']);

/**
 * Particles: removed when the name has some (`Veronica del Socorro` → `Veronica Socorro`), else
 * added the Spanish way between surnames (`Rodriguez y Orejuela`, `Lopez de Gomez`).
 */
export function addParticles(entry: WatchlistEntry, prng: Prng): string | undefined {
  const natural = naturalOrder(entry);
  const words = natural.split(/\s+/);
  const kept = words.filter((w) => !PARTICLE_WORDS.has(fold(w)));
  if (kept.length < words.length && kept.length >= 2) {
    return kept.join(' ');
  }
  const p = personName(entry);
  if (p === undefined || !isHispanic(entry) || p.family.length < 2) {
    return undefined;
  }
  const joiner = prng.pick(['de', 'y']);
  return [...p.given, p.family[0]!, joiner, ...p.family.slice(1)].join(' ');
}
