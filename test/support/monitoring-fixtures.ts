/**
 * Builders for monitoring tests and benchmarks: actors of a compliance team, and synthetic
 * portfolios — Colombian-style people and companies, plus variants of listed names (reordered,
 * a word dropped, a typo, accents) so that a portfolio holds real near-matches.
 *
 * @module
 */
import type { AuditContext } from '../../src/audit/audit-event.js';
import type { Actor } from '../../src/identity/actor.js';
import { permissionsOf, type Role } from '../../src/identity/permissions.js';
import type { CounterpartyInput } from '../../src/monitoring/counterparty.js';
import { nitCheckDigit } from '../../src/core/nit.js';
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';

/** An actor of `organizationId` with the given roles. */
export function monitoringActor(
  organizationId: string,
  id = 'reviewer-1',
  roles: readonly Role[] = ['compliance-officer'],
): Actor {
  return {
    kind: 'user',
    id,
    name: id,
    organizationId,
    organizationKind: 'company',
    country: 'COL',
    roles,
    permissions: permissionsOf(roles),
    clearance: 'unclassified',
  };
}

/** The audit context of an actor. */
export function auditOfActor(actor: Actor): AuditContext {
  return {
    actor: { kind: actor.kind, id: actor.id, organizationId: actor.organizationId },
    ip: null,
  };
}

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'JUAN',
  'CARLOS',
  'LUIS',
  'JORGE',
  'ANDRES',
  'DIEGO',
  'FELIPE',
  'SANTIAGO',
  'MATEO',
  'CAMILO',
  'MARIA',
  'LAURA',
  'CAMILA',
  'VALENTINA',
  'DANIELA',
  'PAOLA',
  'ANDREA',
  'CAROLINA',
  'NATALIA',
  'SEBASTIAN',
  'ALEJANDRO',
  'DAVID',
  'OSCAR',
  'HERNAN',
  'JAVIER',
  'RICARDO',
  'MAURICIO',
  'GLORIA',
  'BEATRIZ',
  'ESPERANZA',
  'LUZ',
  'ANA',
  'SOFIA',
  'ISABELLA',
  'MARTHA',
  'CLAUDIA',
  'PATRICIA',
  'FERNANDO',
  'GUSTAVO',
  'ALVARO',
  'EDUARDO',
  'WILLIAM',
  'JHON',
  'YEISON',
  'BRAYAN',
  'LEIDY',
];
const SURNAMES = [
  'GARCIA',
  'RODRIGUEZ',
  'MARTINEZ',
  'LOPEZ',
  'GONZALEZ',
  'HERNANDEZ',
  'PEREZ',
  'SANCHEZ',
  'RAMIREZ',
  'TORRES',
  'FLOREZ',
  'DIAZ',
  'MORENO',
  'JIMENEZ',
  'ROJAS',
  'VARGAS',
  'CASTRO',
  'ORTIZ',
  'RUIZ',
  'ALVAREZ',
  'MUNOZ',
  'ROMERO',
  'SUAREZ',
  'GOMEZ',
  'RESTREPO',
  'OSPINA',
  'CARDONA',
  'ARANGO',
  'ZULUAGA',
  'BOTERO',
  'VELEZ',
  'ECHEVERRI',
  'MEJIA',
  'OSORIO',
  'AGUDELO',
  'QUINTERO',
  'GIRALDO',
  'HENAO',
  'CORREA',
  'MONTOYA',
  'SALAZAR',
  'CARDENAS',
  'PATINO',
  'BUITRAGO',
  'LONDONO',
  'BETANCUR',
  'URIBE',
  'JARAMILLO',
  'POSADA',
  'VILLEGAS',
  'CIFUENTES',
  'BERMUDEZ',
  'ACOSTA',
];
const COMPANY_WORDS = [
  'INVERSIONES',
  'COMERCIALIZADORA',
  'DISTRIBUIDORA',
  'TRANSPORTES',
  'AGROPECUARIA',
  'CONSTRUCTORA',
  'SERVICIOS',
  'SOLUCIONES',
  'IMPORTACIONES',
  'LOGISTICA',
  'GRUPO',
  'INDUSTRIAS',
];
const COMPANY_NAMES = [
  'ANDINA',
  'DEL PACIFICO',
  'EL PORVENIR',
  'LA ESPERANZA',
  'SAN JORGE',
  'LOS ANDES',
  'CARIBE',
  'DEL VALLE',
  'SANTA FE',
  'EL DORADO',
  'LA PRADERA',
  'NUEVO HORIZONTE',
  'ORIENTE',
  'ATLANTICO',
  'LA MONTANA',
  'RIO GRANDE',
  'PALMERAS',
  'EL ROBLE',
  'LAS AMERICAS',
  'BUENAVISTA',
];
const LEGAL = ['SAS', 'S.A.S.', 'LTDA', 'S.A.', 'Y CIA S EN C'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A valid NIT (body and check digit) from a number. */
export function nitFor(body: number): string {
  const text = String(800_000_000 + (body % 199_999_999));
  return `${text}-${nitCheckDigit(text)}`;
}

/** A synthetic counterparty: 70% people, 30% companies, with documents, dates and countries. */
export function syntheticCounterparty(random: () => number, n: number): CounterpartyInput {
  if (random() < 0.7) {
    const given =
      random() < 0.5 ? `${pick(random, GIVEN)} ${pick(random, GIVEN)}` : pick(random, GIVEN);
    const year = 1940 + Math.floor(random() * 65);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    return {
      externalId: `P-${n}`,
      kind: 'person',
      name: `${given} ${pick(random, SURNAMES)} ${pick(random, SURNAMES)}`,
      aliases: [],
      dob: `${year}-${month}`,
      country: 'CO',
      documents: [{ type: 'cedula', number: String(10_000_000 + n) }],
    };
  }
  return {
    externalId: `E-${n}`,
    kind: 'company',
    name: `${pick(random, COMPANY_WORDS)} ${pick(random, COMPANY_NAMES)} ${pick(random, SURNAMES)} ${pick(random, LEGAL)}`,
    aliases: [],
    country: 'CO',
    documents: [{ type: 'nit', number: nitFor(n) }],
  };
}

/** Variants of a listed name as a clerk might type them. */
export function nameVariants(name: string, random: () => number): string[] {
  const [family, given] = name.includes(',') ? name.split(',', 2).map((s) => s.trim()) : [name, ''];
  const natural = given === '' ? family! : `${given} ${family}`;
  const words = natural.split(/\s+/).filter((w) => w !== '');
  const variants = [natural];
  if (words.length >= 3) {
    const drop = 1 + Math.floor(random() * (words.length - 2));
    variants.push(words.filter((_, i) => i !== drop).join(' '));
  }
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length >= 5) {
    const at = 1 + Math.floor(random() * (longest.length - 3));
    const typo = `${longest.slice(0, at)}${longest.charAt(at + 1)}${longest.charAt(at)}${longest.slice(at + 2)}`;
    variants.push(natural.replace(longest, typo));
  }
  return variants;
}

/** Counterparties that are variants of the given entries' names. */
export function variantsOf(
  entries: readonly WatchlistEntry[],
  random: () => number,
  prefix: string,
): CounterpartyInput[] {
  const out: CounterpartyInput[] = [];
  entries.forEach((entry, i) => {
    if (entry.entityType === 'vessel' || entry.entityType === 'aircraft') {
      return;
    }
    nameVariants(entry.name, random).forEach((name, k) => {
      out.push({
        externalId: `${prefix}-${i}-${k}`,
        kind: entry.entityType === 'individual' ? 'person' : 'company',
        name,
        aliases: [],
        documents: [],
      });
    });
  });
  return out;
}
