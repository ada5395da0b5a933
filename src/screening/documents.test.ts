import { describe, expect, it } from 'vitest';
import { countryCode, countryInPlace } from './countries.js';
import { documentKeys } from './documents.js';

describe('document keys', () => {
  it('ignores punctuation, leading zeros and a NIT check digit', () => {
    expect(documentKeys('1.045.512.768')).toContain('1045512768');
    expect(documentKeys('0000104026')).toContain('104026');
    expect(documentKeys('800018928-0')).toEqual(
      expect.arrayContaining(['8000189280', '800018928']),
    );
    expect(documentKeys('AB 151486')).toEqual(['AB151486']);
    expect(documentKeys('12')).toEqual([]);
  });
});

describe('countries', () => {
  it('reads codes and the names the lists use', () => {
    expect(countryCode('co')).toBe('CO');
    expect(countryCode('Korea, North')).toBe('KP');
    expect(countryCode("Democratic People's Republic of Korea")).toBe('KP');
    expect(countryCode('Iran (Islamic Republic of)')).toBe('IR');
    expect(countryCode('México')).toBe('MX');
    expect(countryCode('Narnia')).toBeUndefined();
  });

  it('finds the country at the end of a place', () => {
    expect(countryInPlace('Medellin, Antioquia, Colombia')).toBe('CO');
    expect(countryInPlace('al-Awja, near Tikrit, Iraq')).toBe('IQ');
  });
});
