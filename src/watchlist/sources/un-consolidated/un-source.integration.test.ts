import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test/support/data-dir.js';
import type { ParsedPublication } from '../../list-source.js';
import { unConsolidatedSource } from './index.js';

const FILE = dataPath('un', 'consolidated-2026-02-27.xml');

/** Counts taken from the raw text with regular expressions, independently of the parser. */
interface TextCounts {
  readonly individuals: number;
  readonly entities: number;
  readonly aliases: number;
  readonly weakAliases: number;
  readonly dateElements: number;
  readonly aliasDates: number;
  readonly nationalities: number;
  readonly documentsWithNumber: number;
  readonly documentsWithoutNumber: number;
  readonly addresses: number;
}

function blocks(text: string, tag: string): string[] {
  return [...text.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map(
    (m) => m[1] ?? '',
  );
}

function leaves(text: string, tag: string): string[] {
  return blocks(text, tag).filter((value) => value.trim() !== '');
}

function hasLeaf(block: string): boolean {
  return /<(\w+)>\s*[^<\s][^<]*<\/\1>/.test(block);
}

function countText(text: string): TextCounts {
  const aliasBlocks = [...blocks(text, 'INDIVIDUAL_ALIAS'), ...blocks(text, 'ENTITY_ALIAS')];
  const named = aliasBlocks.filter((block) => leaves(block, 'ALIAS_NAME').length > 0);
  const documents = blocks(text, 'INDIVIDUAL_DOCUMENT').filter(hasLeaf);
  return {
    individuals: text.match(/<INDIVIDUAL[\s>]/g)?.length ?? 0,
    entities: text.match(/<ENTITY[\s>]/g)?.length ?? 0,
    aliases: named.length + leaves(text, 'NAME_ORIGINAL_SCRIPT').length,
    weakAliases: named.filter((block) => /<QUALITY>\s*Low\s*<\/QUALITY>/.test(block)).length,
    dateElements: blocks(text, 'INDIVIDUAL_DATE_OF_BIRTH').filter(hasLeaf).length,
    aliasDates: leaves(text, 'DATE_OF_BIRTH').length,
    nationalities: blocks(text, 'NATIONALITY').flatMap((block) => leaves(block, 'VALUE')).length,
    documentsWithNumber: documents.filter((block) => leaves(block, 'NUMBER').length > 0).length,
    documentsWithoutNumber: documents.filter((block) => leaves(block, 'NUMBER').length === 0)
      .length,
    addresses: [...blocks(text, 'INDIVIDUAL_ADDRESS'), ...blocks(text, 'ENTITY_ADDRESS')].filter(
      hasLeaf,
    ).length,
  };
}

describe.skipIf(!existsSync(FILE))('UN consolidated list 2026-02-27 (real data)', () => {
  let publication: ParsedPublication;
  let counts: TextCounts;

  beforeAll(() => {
    const bytes = readFileSync(FILE);
    counts = countText(bytes.toString('utf8'));
    publication = unConsolidatedSource.parse([
      { name: 'consolidated-2026-02-27.xml', origin: FILE, bytes },
    ]);
    const { warnings, ...figures } = publication.report;
    // Timing lives in `npm run bench:ingest`, not here.
    console.log('UN 2026-02-27 parse', { ...figures, warnings: warnings.length });
  });

  it('turns every INDIVIDUAL and every ENTITY into an entry with a unique reference', () => {
    const { entries } = publication;
    expect(counts.individuals).toBeGreaterThan(700);
    expect(entries.filter((entry) => entry.entityType === 'individual')).toHaveLength(
      counts.individuals,
    );
    expect(entries.filter((entry) => entry.entityType === 'entity')).toHaveLength(counts.entities);
    expect(new Set(entries.map((entry) => entry.sourceId)).size).toBe(entries.length);
    expect(entries.every((entry) => /^[A-Z]{2}[ie]\.\d{3}$/.test(entry.sourceId))).toBe(true);
    expect(publication.publishedAt).toBe('2026-02-27');
    expect(publication.report.warningCounts).toEqual({});
  });

  it('keeps every non-empty alias, with the Low ones weak', () => {
    expect(publication.report.facts.aliases).toBe(counts.aliases);
    expect(publication.report.facts.weakAliases).toBe(counts.weakAliases);
  });

  it('accounts for every date of birth: a date fact or an unparsed fragment', () => {
    const dates = publication.entries.flatMap((entry) => entry.birthDates);
    const fromElements = dates.filter(
      (date) => date.origin === 'INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH',
    );
    const unparsed = publication.entries
      .flatMap((entry) => entry.unparsed)
      .filter((fragment) => fragment.origin === 'INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH');
    expect(fromElements.length + unparsed.length).toBe(counts.dateElements);
    expect(dates.length - fromElements.length).toBe(counts.aliasDates);
    expect(unparsed.length).toBeLessThanOrEqual(5);
  });

  it('maps every nationality, address and numbered document', () => {
    const { facts } = publication.report;
    expect(facts.nationalities).toBe(counts.nationalities);
    expect(facts.addresses).toBe(counts.addresses);
    expect(facts.documents).toBe(counts.documentsWithNumber);
    const unnumbered = publication.entries
      .flatMap((entry) => entry.unparsed)
      .filter((fragment) => fragment.origin === 'INDIVIDUAL/INDIVIDUAL_DOCUMENT');
    expect(unnumbered).toHaveLength(counts.documentsWithoutNumber);
  });

  it('leaves less than 1% of the fragments unparsed', () => {
    const { fragments, unparsedFragments } = publication.report;
    expect(unparsedFragments / fragments).toBeLessThan(0.01);
  });
});
