import { describe, expect, it } from 'vitest';
import { foldLatin1Name } from './latin-fold.js';
import { normalizeName } from './normalize-name.js';

/** Every Latin-1 letter, upper and lower case. */
const LETTERS = Array.from({ length: 0x40 }, (_, k) => String.fromCharCode(0xc0 + k)).filter(
  (ch) => ch !== '×' && ch !== '÷',
);

describe('Latin-1 fast path', () => {
  it('reads every accented letter as the full Unicode path does, wherever it stands', () => {
    const shapes = [
      (ch: string) => `${ch}lvaro Calder${ch}n`,
      (ch: string) => `MU${ch}OZ, ${ch}.${ch}. de la ${ch}`,
      (ch: string) => `${ch}.S.${ch} D'${ch}lessandro-${ch}${ch}`,
      (ch: string) => `Inversiones ${ch}& Cia S.A.S. ${ch}lsseid elt${ch}aher`,
      (ch: string) => `al${ch}${ch}rah, ${ch}`,
    ];
    for (const ch of LETTERS) {
      for (const shape of shapes) {
        const raw = shape(ch);
        const folded = foldLatin1Name(raw);
        if (folded !== undefined) {
          expect(normalizeName(folded), raw).toEqual(normalizeName(raw));
        }
      }
    }
  });

  it('leaves ASCII names, other scripts and multi-letter folds to the ordinary path', () => {
    expect(foldLatin1Name('Ana Maria')).toBeUndefined();
    expect(foldLatin1Name('Straße')).toBeUndefined();
    expect(foldLatin1Name('José Ĳssel')).toBeUndefined();
    expect(foldLatin1Name('محمد')).toBeUndefined();
    expect(foldLatin1Name('José Muñoz')).toBe('Jose Munoz');
  });
});
