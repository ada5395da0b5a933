import { describe, expect, it } from 'vitest';
import { HAN_KOREAN, koreanReading } from './han-korean.js';
import { HAN_PINYIN } from './han-pinyin.js';

describe('koreanReading', () => {
  it('reads hanja in Korean, one word per character', () => {
    expect(koreanReading('金铁三')).toBe('kim chol sam');
    expect(koreanReading('金鐵三')).toBe('kim chol sam');
    expect(koreanReading('崔龍海')).toBe('choe ryong hae');
  });

  it('leaves names without tabled hanja alone', () => {
    expect(koreanReading('KIM CHOL SAM')).toBeUndefined();
    expect(koreanReading('김철삼')).toBeUndefined();
    expect(koreanReading('Jin (金)')).toBe('Jin ( kim )');
  });

  it('reads differently from pinyin, which is why it is a second reading', () => {
    expect(HAN_PINYIN.get('金')).toBe('jin');
    expect(HAN_KOREAN.get('金')).toBe('kim');
  });
});
