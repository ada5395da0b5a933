import { describe, expect, it } from 'vitest';

import { en } from './messages-en.js';
import { es } from './messages-es.js';

/** Keys whose text is rightly the same in both languages (names, words shared by both). */
const SAME_IN_BOTH = new Set([
  'app.title',
  'nameKind.alias',
  'role.auditor',
  'admin.roles',
  'audit.actor',
]);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  const languages = { en, es } as Record<string, Readonly<Record<string, string>>>;

  it('has every key in both languages and no other', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(languages))('leaves no %s message empty', (language) => {
    const empty = Object.entries(languages[language]!).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('translates every message: Spanish differs from English except for listed words', () => {
    const untranslated = Object.keys(en).filter(
      (key) => es[key as keyof typeof en] === en[key as keyof typeof en] && !SAME_IN_BOTH.has(key),
    );
    expect(untranslated).toEqual([]);
  });

  it('lists as shared only words that really are the same', () => {
    for (const key of SAME_IN_BOTH) {
      expect(es[key as keyof typeof en]).toBe(en[key as keyof typeof en]);
    }
  });

  it('keeps the same placeholders in both languages', () => {
    const mismatched = Object.keys(en).filter(
      (key) =>
        JSON.stringify(placeholders(en[key as keyof typeof en])) !==
        JSON.stringify(placeholders(es[key as keyof typeof en])),
    );
    expect(mismatched).toEqual([]);
  });
});
