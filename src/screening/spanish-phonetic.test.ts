import { describe, expect, it } from 'vitest';
import {
  abjadSkeletonVariants,
  consonantSkeleton,
  skeletonVariants,
  cedillaSkeletons,
  spanishPhoneticKey,
} from './spanish-phonetic.js';

function same(a: string, b: string): void {
  expect(spanishPhoneticKey(a)).toBe(spanishPhoneticKey(b));
}

describe('spanishPhoneticKey', () => {
  it('merges the spellings Spanish pronounces alike', () => {
    same('vaca', 'baca');
    same('yepes', 'llepes');
    same('gonzalez', 'gonsales');
    same('cecilia', 'sesilia');
    same('hernandez', 'ernandez');
    same('quintero', 'kintero');
    same('guillermo', 'gillermo');
    same('jimenez', 'ximenez');
    same('jimenez', 'gimenez');
    same('rodriguez', 'rodriges');
    same('jose', 'khose');
    same('alexey', 'aleksey');
  });

  it('keeps names apart that differ in sound', () => {
    expect(spanishPhoneticKey('cano')).not.toBe(spanishPhoneticKey('cuna'));
    expect(spanishPhoneticKey('mendoza')).not.toBe(spanishPhoneticKey('mendez'));
  });
});

describe('consonantSkeleton', () => {
  it('lets Arabic spellings without short vowels meet their Latin forms', () => {
    expect(consonantSkeleton('mohammed')).toBe(consonantSkeleton('mhmd'));
    expect(consonantSkeleton('muhammad')).toBe(consonantSkeleton('mhmd'));
    expect(consonantSkeleton('hussein')).toBe(consonantSkeleton('hsin'));
    expect(consonantSkeleton('yusuf')).toBe('ysf');
  });

  it('offers the alternate readings of ambiguous letters', () => {
    expect(skeletonVariants('fdhl')).toContain(consonantSkeleton('fazal'));
    expect(skeletonVariants('wthiq')).toContain(consonantSkeleton('wasiq'));
    expect(skeletonVariants('belgacem')).toContain(consonantSkeleton('blqasm'));
    // A French `ç` without its cedilla, between vowels only, and apart from the other readings.
    expect(cedillaSkeletons('faycal')).toContain(consonantSkeleton('fisl'));
    expect(skeletonVariants('faycal')).not.toContain(consonantSkeleton('fisl'));
    expect(cedillaSkeletons('marcos')).toEqual([]);
    expect(cedillaSkeletons('fayssal')).toEqual([]);
  });

  it('combines alternate readings and drops a final h', () => {
    expect(skeletonVariants('villegas')).toContain(consonantSkeleton('fighs'));
    expect(skeletonVariants('barich')).toContain(consonantSkeleton('brikh'));
    expect(skeletonVariants('zadh')).toContain(consonantSkeleton('zada'));
    expect(skeletonVariants('sahraoui')).not.toContain(consonantSkeleton('shraui'));
  });

  it('reads an Arabic-script token letter by letter too', () => {
    expect(abjadSkeletonVariants('shraui')).toContain(consonantSkeleton('sahraoui'));
    expect(abjadSkeletonVariants('th')).toContain(consonantSkeleton('taha'));
  });

  it('lets an Arabic-script reading lose the d of nd before a consonant', () => {
    expect(abjadSkeletonVariants('akhundzadh')).toContain(consonantSkeleton('akhunzada'));
    expect(abjadSkeletonVariants('akhundzadh')).toContain(consonantSkeleton('akhundzada'));
    expect(abjadSkeletonVariants('akhund')).not.toContain(consonantSkeleton('akhun'));
  });
});
