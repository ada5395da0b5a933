import { describe, expect, it } from 'vitest';
import { transliterateWord } from './transliterate.js';

const latin = (word: string) =>
  transliterateWord(word)
    .map((t) => t.text)
    .join(' ');

describe('transliterateWord', () => {
  it('reads Cyrillic with passport-style spellings', () => {
    expect(latin('Хрущёв')).toBe('khrushchev');
    expect(latin('Юлия')).toBe('yuliya');
    expect(latin('Орехуэла')).toBe('orekhuela');
  });

  it('reads Greek (ELOT 743)', () => {
    expect(latin('Παπαδόπουλος')).toBe('papadopoulos');
  });

  it('reads Arabic consonants and long vowels, splitting the article', () => {
    expect(latin('محمد')).toBe('mhmd');
    expect(latin('التكريتي')).toBe('al tkriti');
    expect(latin('عبدالله')).toBe('abd al lh');
    expect(latin('وليد')).toBe('wlid');
  });

  it('reads an initial ʿayn as the vowel Latin writes, and BIN, IBN as particles', () => {
    expect(latin('عمر')).toBe('amr');
    expect(latin('عادل')).toBe('adl');
    expect(latin('بن')).toBe('bin');
    expect(latin('ابن')).toBe('ibn');
    expect(latin('ولد')).toBe('ould');
    // Korean IL as much as the article EL: left as read.
    expect(latin('إل')).toBe('il');
    expect(latin('حافظ')).toBe('hafdh');
  });

  it('reads apart words Arabic writes together: ABU + name, name + ABD', () => {
    expect(latin('أبوغيث')).toBe('abu ghith');
    expect(latin('أبواليزيد')).toBe('abu al yzid');
    expect(latin('محمدعبد')).toBe('mhmd abd');
    // Too short to hold a name after ABU, or to end in ABD: read whole.
    expect(latin('أبو')).toBe('abu');
    expect(latin('ابوه')).toBe('abuh');
    expect(latin('زعبد')).toBe('zbd');
  });

  it('reads a final ه after د as a vowel, never as the digraph of ذ', () => {
    expect(latin('زاده')).toBe('zade');
    expect(latin('ماده')).toBe('made');
    expect(latin('نفاذ')).toBe('nfadh');
    expect(latin('مده')).toBe('mdh');
  });

  it('reads عابد as ABID, not as the ABD that opens compounds', () => {
    expect(latin('عابد')).toBe('abid');
    expect(latin('ابد')).toBe('abd');
    expect(latin('عبد')).toBe('abd');
  });

  it('reads Hebrew, Georgian and Armenian letters', () => {
    expect(latin('כהן')).toBe('khn');
    expect(latin('გიორგი')).toBe('giorgi');
    expect(latin('Պետրոսյան')).toBe('petrosyan');
  });

  it('romanizes Hangul, kana and the Han characters of the lists, with a fallback for others', () => {
    expect(transliterateWord('김정은').map((t) => t.text)).toEqual(['kim', 'jong', 'un']);
    expect(latin('きょうと')).toBe('kyouto');
    expect(latin('有限公司')).toBe('you xian gong si');
    expect(latin('龘')).toBe('u9f98');
  });

  it('passes Latin and digits through', () => {
    expect(transliterateWord('Pérez2')).toEqual([{ text: 'Pérez2', script: 'latin' }]);
  });
});
