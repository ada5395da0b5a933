/**
 * The page's language (Spanish or English), its messages, and dates and numbers formatted for
 * it with `Intl`. The choice is kept in localStorage; the first visit follows the browser.
 *
 * @module
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { en, type MessageKey } from './messages-en.js';
import { es } from './messages-es.js';

/** The languages of the interface. */
export const LANGUAGES = ['es', 'en'] as const;

/** One language. */
export type Language = (typeof LANGUAGES)[number];

/** Messages of every language, by key. */
export const MESSAGES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  es,
  en,
};

const STORAGE_KEY = 'puente.language';

/** What `useI18n` gives a component. */
export interface I18n {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  /** The message for `key`, with `{name}` placeholders filled from `params`. */
  readonly t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
  /** A date (`2024-05-01`) or timestamp as a date. */
  readonly date: (value: string) => string;
  /** A timestamp as date and time. */
  readonly dateTime: (value: string) => string;
  /** A number with the language's separators. */
  readonly number: (value: number, fractionDigits?: number) => string;
  /** 0..1 as a percentage. */
  readonly percent: (value: number) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/**
 * Fills `{name}` placeholders.
 *
 * @example
 * interpolate('{count} matches', { count: 3 }); // '3 matches'
 */
export function interpolate(
  message: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'es' || stored === 'en') {
    return stored;
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Locale tags for Intl: Colombian Spanish, US English. */
const LOCALES: Readonly<Record<Language, string>> = { es: 'es-CO', en: 'en-US' };

/** Builds the formatting half of `I18n` for one language. */
export function formattersFor(language: Language) {
  const locale = LOCALES[language];
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const percentFormat = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const parse = (value: string) =>
    new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return {
    date: (value: string) => {
      const parsed = parse(value);
      return Number.isNaN(parsed.getTime()) ? value : dateFormat.format(parsed);
    },
    dateTime: (value: string) => {
      const parsed = parse(value);
      return Number.isNaN(parsed.getTime()) ? value : dateTimeFormat.format(parsed);
    },
    number: (value: number, fractionDigits = 0) =>
      new Intl.NumberFormat(locale, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(value),
    percent: (value: number) => percentFormat.format(value),
  };
}

/** Provides the language to the page. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = MESSAGES[language]['app.title'];
  }, [language]);
  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[language];
    return {
      language,
      setLanguage,
      t: (key, params) => interpolate(messages[key], params),
      ...formattersFor(language),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its formatters. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === undefined) {
    throw new Error('useI18n outside I18nProvider');
  }
  return value;
}
