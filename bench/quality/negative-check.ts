/**
 * Keeps hard negatives honest. A generated person or company is discarded when one listed name
 * accounts for every one of its words, each word being equal to, sounding like (Spanish sound
 * classes) or one typo away from a word of that listed name. Such a name is a variation of a
 * listed name, which the recall kinds require the engine to find; it cannot also count as a
 * false positive. The check is independent of the engine (own folding and sound classes).
 *
 * @module
 */
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { fold } from './listed-names.js';

/** Words of a name, folded, particles and legal-form bits dropped. */
export function plainWords(name: string): string[] {
  return fold(name)
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !IGNORED.has(w));
}

const IGNORED = new Set(
  `de del la las los y el al sa sas ltda ltd llc inc corp cia co en c s a cv rl eu sca srl limitada
  sociedad por acciones simplificada anonima capital variable compania company limited liability
  ooo oao zao pao ao jsc ojsc cjsc pjsc joint stock open closed public gmbh ag bv nv plc pvt private
  pte bhd fze llp lp sarl spa oy ab corporation incorporated aktsionernoe obshchestvo`.split(/\s+/),
);

/** Spanish sound classes: b/v, y/ll, s/z/c(e,i), silent h, qu/k/c, x/j/g(e,i). */
function sound(word: string): string {
  return word
    .replace(/ll/g, 'y')
    .replace(/y(?![aeiou])/g, 'i')
    .replace(/v/g, 'b')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c/g, 'k')
    .replace(/z/g, 's')
    .replace(/g(?=[ei])/g, 'j')
    .replace(/x/g, 'j')
    .replace(/h/g, '')
    .replace(/(.)\1+/g, '$1');
}

function withinOneTypo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 4) {
    return false;
  }
  let i = 0;
  while (i < a.length && a[i] === b[i]) {
    i++;
  }
  const tail = (x: string, from: number) => x.slice(from);
  return (
    tail(a, i + 1) === tail(b, i + 1) ||
    tail(a, i + 1) === tail(b, i) ||
    tail(a, i) === tail(b, i + 1) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && tail(a, i + 2) === tail(b, i + 2))
  );
}

function equivalent(a: string, b: string): boolean {
  return a === b || sound(a) === sound(b) || withinOneTypo(a, b);
}

/** The word and each string one letter shorter. */
function deletions(word: string): string[] {
  return [word, ...Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1))];
}

/** Listed names by the sound key and the one-letter deletions of each of their words. */
export class ListedNames {
  private readonly names: string[][] = [];
  private readonly bySound = new Map<string, number[]>();

  constructor(entries: readonly WatchlistEntry[]) {
    for (const entry of entries) {
      for (const name of [entry.name, ...entry.aliases.map((a) => a.name)]) {
        this.add(plainWords(name));
      }
    }
  }

  private add(words: string[]): void {
    const id = this.names.length;
    this.names.push(words);
    for (const key of new Set(words.flatMap((w) => [sound(w), ...deletions(w)]))) {
      const list = this.bySound.get(key) ?? [];
      list.push(id);
      this.bySound.set(key, list);
    }
  }

  /** Whether one listed name accounts for every word of `name` (see module doc). */
  covers(name: string): boolean {
    const words = plainWords(name);
    if (words.length === 0) {
      return true;
    }
    const keys = words.flatMap((w) => [sound(w), ...deletions(w)]);
    const candidates = new Set(keys.flatMap((key) => this.bySound.get(key) ?? []));
    for (const id of candidates) {
      const listed = this.names[id]!;
      if (words.every((w) => listed.some((l) => equivalent(w, l)))) {
        return true;
      }
    }
    return false;
  }
}
