/**
 * Resolves relation names (`Linked To: NAME`) to entries of the same publication. A name
 * resolves when, once normalised, it is the primary name of exactly one entry, or — when no
 * primary name matches — an alias of exactly one entry. Ambiguous and unknown names stay
 * unresolved.
 *
 * @module
 */
import type { Alias, EntryLink } from '../../watchlist-entry.js';

const NON_ASCII = /[^\u0020-\u007e]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Dots and apostrophes join (`S.A.` = `SA`, `GAMA'AT` = `GAMAAT`); other punctuation separates.
const JOINING = /[.'’`]/g;
const SEPARATING = /[^A-Z0-9]+/g;

/** Uppercase, accents and punctuation folded, single spaces: `Úsuga, S.A.` → `USUGA SA`. */
export function normaliseName(name: string): string {
  // OFAC names are printable ASCII; decomposing them would only cost time.
  const folded = NON_ASCII.test(name) ? name.normalize('NFD').replace(COMBINING_MARKS, '') : name;
  return folded.toUpperCase().replace(JOINING, '').replace(SEPARATING, ' ').trim();
}

/** An entry under construction: its names and the links to resolve in place. */
export interface LinkHolder {
  readonly sourceId: string;
  readonly name: string;
  readonly aliases: readonly Alias[];
  readonly links: EntryLink[];
}

type NameIndex = Map<string, Set<string>>;

/** Sets `targetSourceId` on every link whose name identifies exactly one entry. */
export function resolveLinks(holders: readonly LinkHolder[]): void {
  const resolve = targetFinder(holders);
  for (const holder of holders) {
    const { links } = holder;
    for (let index = 0; index < links.length; index += 1) {
      const target = resolve(links[index]!.name);
      if (target !== undefined) {
        links[index] = { ...links[index]!, targetSourceId: target };
      }
    }
  }
}

function targetFinder(holders: readonly LinkHolder[]): (name: string) => string | undefined {
  const primaries: NameIndex = new Map();
  const aliases: NameIndex = new Map();
  for (const holder of holders) {
    addName(primaries, holder.name, holder.sourceId);
    for (const alias of holder.aliases) {
      addName(aliases, alias.name, holder.sourceId);
    }
  }
  // Many entries link to the same few parties (`HIZBALLAH`); each name is looked up once.
  const found = new Map<string, string | undefined>();
  return (name) => {
    if (!found.has(name)) {
      found.set(name, targetOf(name, primaries, aliases));
    }
    return found.get(name);
  };
}

function targetOf(name: string, primaries: NameIndex, aliases: NameIndex): string | undefined {
  const key = normaliseName(name);
  const byPrimary = primaries.get(key);
  return byPrimary === undefined ? only(aliases.get(key)) : only(byPrimary);
}

function addName(index: NameIndex, name: string, sourceId: string): void {
  const key = normaliseName(name);
  if (key === '') {
    return;
  }
  const ids = index.get(key);
  if (ids === undefined) {
    index.set(key, new Set([sourceId]));
  } else {
    ids.add(sourceId);
  }
}

function only(ids: Set<string> | undefined): string | undefined {
  return ids !== undefined && ids.size === 1 ? ids.values().next().value : undefined;
}
