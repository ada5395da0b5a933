/**
 * Turns a word in any supported script into Latin letters so that a Latin query finds names
 * listed in their original script, and a Cyrillic, Arabic, Hebrew, Greek, Georgian, Armenian,
 * Korean, Japanese or Chinese query finds names listed in Latin. All tables are hand-written
 * (`alphabet-tables.ts`, `arabic-script.ts`, `east-asian-scripts.ts`, `han-pinyin.ts`).
 *
 * @module
 */
import { ARMENIAN, CYRILLIC, GEORGIAN, GREEK, HEBREW } from './alphabet-tables.js';
import { transliterateArabicWord } from './arabic-script.js';
import { romanizeHan, romanizeHangulSyllable, romanizeKana } from './east-asian-scripts.js';
import { scriptOf, type Script } from './unicode-scripts.js';

/** One Latin token produced from a word, with the script it was written in. */
export interface ScriptToken {
  /** Latin letters, not yet case- or accent-folded. */
  readonly text: string;
  readonly script: Script;
}

const ALPHABETS: Partial<Record<Script, ReadonlyMap<string, string>>> = {
  cyrillic: CYRILLIC,
  greek: GREEK,
  georgian: GEORGIAN,
  armenian: ARMENIAN,
  hebrew: HEBREW,
};

/**
 * Splits a word into same-script runs and reads each in Latin. Latin, digits and unsupported
 * scripts pass through unchanged (so a name in an unsupported script still matches itself).
 */
export function transliterateWord(word: string): ScriptToken[] {
  const tokens: ScriptToken[] = [];
  for (const run of scriptRuns(word)) {
    tokens.push(...readRun(run.text, run.script));
  }
  return tokens;
}

/** Consecutive characters of one script; marks and symbols stay with the run they follow. */
function scriptRuns(word: string): { text: string; script: Script }[] {
  const runs: { text: string; script: Script }[] = [];
  for (const ch of word) {
    const own = scriptOf(ch.codePointAt(0)!);
    const last = runs[runs.length - 1];
    const script = own === 'other' || own === 'digit' ? (last?.script ?? 'latin') : own;
    if (last !== undefined && last.script === script) {
      last.text += ch;
    } else {
      runs.push({ text: ch, script });
    }
  }
  return runs;
}

/** Reads one run in Latin according to its script. */
function readRun(text: string, script: Script): ScriptToken[] {
  switch (script) {
    case 'arabic':
      return transliterateArabicWord(text).map((part) => ({ text: part, script }));
    case 'han':
      return codePoints(text).map((cp) => ({ text: romanizeHan(cp), script }));
    case 'hangul':
      return codePoints(text).map((cp) => ({ text: readHangul(cp), script }));
    case 'kana':
      return [{ text: romanizeKana(text), script }];
    case 'cyrillic':
    case 'greek':
    case 'georgian':
    case 'armenian':
    case 'hebrew':
      return [{ text: readAlphabet(greekDigraphs(text, script), ALPHABETS[script]!), script }];
    case 'latin':
    case 'digit':
    case 'other':
      return [{ text, script: 'latin' }];
  }
}

/** Greek `ου` is one vowel, written `ou` (ELOT 743); other scripts pass through. */
function greekDigraphs(text: string, script: Script): string {
  return script === 'greek' ? text.toLowerCase().replace(/ο[υύ]/gu, 'ou') : text;
}

/** The code points of a run (Han and Hangul runs hold one syllable per code point). */
function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    out.push(ch.codePointAt(0)!);
  }
  return out;
}

/** Precomposed syllables are read arithmetically; loose jamo are dropped. */
function readHangul(cp: number): string {
  return cp >= 0xac00 && cp < 0xd7a4 ? romanizeHangulSyllable(cp) : '';
}

/** Letter-by-letter; an accented letter missing from the table is looked up without accents. */
function readAlphabet(text: string, letters: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const direct = letters.get(ch);
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += letters.get(base) ?? (/\p{L}|\p{N}/u.test(base) ? base : '');
  }
  return out;
}
