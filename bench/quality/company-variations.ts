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
        if (best === undefined || end(found) > end(best) || (end(found) === end(best) && found.length > best.length)) {
          best = found;
        }
      }
    }
  }
  return best;
}

/** Legal phrases that open Russian and Belarusian company names; kept in place when shuffling. */
const LEADING_LEGAL = /^((PUBLIC |OPEN |CLOSED )?JOINT[- ]STOCK COMPANY|LIMITED LIABILITY COMPANY|OOO|AO|PAO|ZAO|OAO)\s+/i;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The company's legal form written another way, or one added when it has none. */
export function legalFormRespelling(entry: WatchlistEntry, prng: Prng): string | undefined {
  if (entry.entityType !== 'entity') {
    return undefined;
  }
  const found = findLegalForm(entry.name);
  if (found === undefined) {
    return `${entry.name} ${prng.pick(['S.A.S.', 'LTDA.', 'S.A.', 'LLC'])}`;
  }
  const current = entry.name.slice(found.start, found.start + found.length).toUpperCase();
  const others = found.spellings.filter((s) => s !== current);
  return entry.name.slice(0, found.start) + prng.pick(others) + entry.name.slice(found.start + found.length);
}

/** The company name without its legal form (when something distinctive remains). */
export function dropLegalForm(entry: WatchlistEntry): string | undefined {
  const found = entry.entityType === 'entity' ? findLegalForm(entry.name) : undefined;
  if (found === undefined) {
    return undefined;
  }
  const rest = (entry.name.slice(0, found.start) + entry.name.slice(found.start + found.length)).replace(/[\s,]+$/, '').trim();
  return rest.split(/\s+/).length >= 1 && rest.length >= 3 ? rest : undefined;
}

/** The company's words in another order (its legal form stays at the end). */
export function shuffledCompanyWords(entry: WatchlistEntry, prng: Prng): string | undefined {
  if (entry.entityType !== 'entity') {
    return undefined;
  }
  const found = findLegalForm(entry.name);
  const lead = LEADING_LEGAL.exec(entry.name)?.[0] ?? '';
  const bodyEnd = found === undefined || found.start < lead.length ? entry.name.length : found.start;
  const body = entry.name.slice(lead.length, bodyEnd);
  const tail = bodyEnd < entry.name.length ? ` ${entry.name.slice(bodyEnd)}` : '';
  const words = body.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length < 2) {
    return undefined;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const shuffled = prng.shuffle(words);
    if (shuffled.join(' ') !== words.join(' ')) {
      return (lead + shuffled.join(' ') + tail).trim();
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
