import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  UnsafeInputError,
  ValidationError,
  WatchlistParseError,
  type PuenteError,
} from '../../../core/errors.js';
import { sha256Hex } from '../../../core/hash.js';
import type { InputFile, ParsedPublication, ParseOptions } from '../../list-source.js';
import type { WatchlistEntry } from '../../watchlist-entry.js';
import { unConsolidatedSource } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/un/', import.meta.url));
const SAMPLE = readFileSync(`${FIXTURES}sample.xml`);
const SAMPLE_TEXT = SAMPLE.toString('utf8');

function input(bytes: Buffer | string, name = 'consolidated.xml'): InputFile {
  return {
    name,
    origin: `/in/${name}`,
    bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes),
  };
}

function parse(bytes: Buffer | string, options?: ParseOptions): ParsedPublication {
  return unConsolidatedSource.parse([input(bytes)], options);
}

function entry(publication: ParsedPublication, sourceId: string): WatchlistEntry {
  const found = publication.entries.find((each) => each.sourceId === sourceId);
  expect(found, sourceId).toBeDefined();
  return found!;
}

/** 1-based line of the `occurrence`-th (1-based) appearance of `needle` in the sample. */
function lineOf(needle: string, occurrence = 1, text = SAMPLE_TEXT): number {
  let at = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    at = text.indexOf(needle, at + 1);
  }
  return text.slice(0, at).split('\n').length;
}

function thrown(run: () => unknown): PuenteError {
  try {
    run();
  } catch (error: unknown) {
    return error as PuenteError;
  }
  throw new Error('expected an error');
}

function list(body: string, attributes = 'dateGenerated="2026-02-27T00:00:09.554Z"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST ${attributes}>\n${body}\n</CONSOLIDATED_LIST>\n`;
}

function individual(inner: string): string {
  return `<INDIVIDUALS><INDIVIDUAL>${inner}</INDIVIDUAL></INDIVIDUALS>`;
}

describe('unConsolidatedSource metadata and claim', () => {
  it('has the fixed id and the official download', () => {
    expect(unConsolidatedSource.id).toBe('un');
    expect(unConsolidatedSource.officialDownloads[0]?.url).toMatch(
      /^https:\/\/scsanctions\.un\.org\//,
    );
  });

  it('claims files whose root element is CONSOLIDATED_LIST, one publication each', () => {
    const withPreamble = input(
      '\uFEFF<?xml version="1.0"?>\n<!-- <OTHER> -->\n<!DOCTYPE x>\n<CONSOLIDATED_LIST/>',
      'b.xml',
    );
    const groups = unConsolidatedSource.claim([
      input(SAMPLE, 'a.xml'),
      withPreamble,
      input('<?xml version="1.0"?><OTHER_LIST/>', 'c.xml'),
      input('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\n', 'sdn.csv'),
      input('{"format":"puente-watchlist/1"}', 'k.json'),
    ]);
    expect(groups.map((group) => group.map((file) => file.name))).toEqual([['a.xml'], ['b.xml']]);
  });
});

describe('unConsolidatedSource.parse: mapping', () => {
  const publication = parse(SAMPLE);

  it('reads the publication date, hash and files', () => {
    expect(publication.source).toBe('un');
    expect(publication.publishedAt).toBe('2026-02-27');
    expect(publication.contentHash).toBe(sha256Hex(SAMPLE));
    expect(publication.files).toEqual(['consolidated.xml']);
  });

  it('maps names, programs, title, designation and the original script', () => {
    const person = entry(publication, 'QDi.901');
    expect(person).toMatchObject({
      source: 'un',
      entityType: 'individual',
      name: 'AHMAD KHALIL HASAN AL-TEST',
      nameParts: { parts: ['AHMAD', 'KHALIL', 'HASAN', 'AL-TEST'] },
      originalScriptName: 'أحمد خليل حسن',
      programs: ['Al-Qaida'],
      title: 'Dr.; Professor',
      gender: { value: 'Male', text: 'Male', origin: 'GENDER' },
      listedOn: '2015-04-07',
      lastUpdated: ['2016-10-13', '2020-01-02'],
    });
    expect(person.otherFacts.map((fact) => [fact.key, fact.value])).toEqual([
      ['designation', 'Finance chief'],
      ['designation', 'Recruiter'],
      ['un-list-type', 'UN List'],
      ['un-data-id', '1000001'],
      ['un-version-number', '2'],
    ]);
  });

  it('keeps remarks as published, with XML references decoded', () => {
    expect(entry(publication, 'QDi.901').remarks).toBe(
      'Financier & facilitator.\nReview pursuant to resolution 1822 (2008).',
    );
  });

  it('maps aliases with quality, strength, script and notes; skips empty placeholders', () => {
    expect(entry(publication, 'QDi.901').aliases).toEqual([
      {
        name: 'أحمد خليل حسن',
        type: 'aka',
        strength: 'strong',
        origin: 'NAME_ORIGINAL_SCRIPT',
        script: 'Arab',
      },
      {
        name: 'Ahmad Khalil',
        type: 'aka',
        strength: 'strong',
        quality: 'Good',
        origin: 'INDIVIDUAL/INDIVIDUAL_ALIAS',
      },
      {
        name: 'Abu Test',
        type: 'aka',
        strength: 'weak',
        quality: 'Low',
        origin: 'INDIVIDUAL/INDIVIDUAL_ALIAS',
      },
      {
        name: 'Ahmed Halil',
        type: 'aka',
        strength: 'strong',
        quality: 'Good',
        remarks: 'previously listed as',
        origin: 'INDIVIDUAL/INDIVIDUAL_ALIAS',
      },
    ]);
  });

  it('maps entity aliases: a.k.a., f.k.a. and unqualified, with scripts', () => {
    const company = entry(publication, 'KPe.903');
    expect(company.entityType).toBe('entity');
    expect(
      company.aliases.map((alias) => [
        alias.name,
        alias.type,
        alias.strength,
        alias.quality,
        alias.script,
      ]),
    ).toEqual([
      ['Пример Торговая', 'aka', 'strong', undefined, 'Cyrl'],
      ['Example Trading Co.', 'aka', 'strong', 'a.k.a.', undefined],
      ['Old Example Corporation', 'fka', 'strong', 'f.k.a.', undefined],
      ['조선예시무역', 'aka', 'strong', undefined, 'Hang'],
    ]);
    expect(company.remarks).toBeUndefined();
    expect(company.lastUpdated).toBeUndefined();
  });

  it('maps every kind of date of birth; the first is primary', () => {
    const dates = entry(publication, 'QDi.901').birthDates;
    expect(
      dates.map(({ kind, value, from, to, alternative }) => ({
        kind,
        value,
        from,
        to,
        alternative,
      })),
    ).toEqual([
      { kind: 'exact', value: '1960-05-01', from: undefined, to: undefined, alternative: false },
      { kind: 'approximate', value: '1959', from: undefined, to: undefined, alternative: true },
      { kind: 'range', value: undefined, from: '1955', to: '1958', alternative: true },
      { kind: 'month', value: '1962-11', from: undefined, to: undefined, alternative: true },
      { kind: 'month', value: '1958-09', from: undefined, to: undefined, alternative: true },
      { kind: 'exact', value: '1961-03-04', from: undefined, to: undefined, alternative: true },
    ]);
    expect(dates[2]?.text).toBe('BETWEEN 1955 AND 1958 (Approximately)');
    expect(dates[5]?.origin).toBe('INDIVIDUAL/INDIVIDUAL_ALIAS/DATE_OF_BIRTH');
  });

  it('maps places of birth, nationalities and addresses', () => {
    const person = entry(publication, 'QDi.901');
    expect(person.birthPlaces.map((place) => [place.value, place.text])).toEqual([
      ['Mosul, Ninawa, Iraq', 'Mosul, Ninawa, Iraq (old city)'],
      ['possibly Sabratha', 'possibly Sabratha'],
      ['Tripoli, Libya', 'Tripoli, Libya'],
    ]);
    expect(person.nationalities.map((fact) => fact.value)).toEqual(['Iraq', 'Jordan']);
    expect(person.addresses).toEqual([
      {
        street: '12 Example Street',
        city: 'Amman',
        stateProvince: 'Amman Governorate',
        postalCode: '11118',
        country: 'Jordan',
        remarks: 'as of June 2016',
        origin: 'INDIVIDUAL/INDIVIDUAL_ADDRESS',
      },
    ]);
    expect(entry(publication, 'KPe.903').addresses).toHaveLength(1);
  });

  it('maps documents with stable type codes and verbatim labels', () => {
    const [passport, ssn] = entry(publication, 'QDi.901').documents;
    expect(passport).toMatchObject({
      type: 'passport',
      label: 'Passport',
      number: 'A1234567',
      country: 'Iraq',
      issuedOn: '2010-06-11',
      expiresOn: '2020-06-10',
      alternative: false,
      origin: 'INDIVIDUAL/INDIVIDUAL_DOCUMENT',
    });
    expect(passport?.text).toContain('city of issue: Baghdad');
    expect(ssn).toMatchObject({
      type: 'ssn',
      label: 'United States Social Security Number:',
      number: '156-92-9858',
      country: 'United States of America',
    });
    expect(ssn?.text).toMatch(/^National Identification Number \/ United States/);
  });

  it('keeps what it cannot map in unparsed, with the element path', () => {
    expect(entry(publication, 'QDi.901').unparsed).toEqual([
      { text: 'blue', origin: 'INDIVIDUAL/FAVOURITE_COLOUR' },
      { text: 'APPROXIMATELY (30-35 years old)', origin: 'INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH' },
      {
        text: 'Passport; note: Libyan passport number 347834, expired on 21 Feb. 2014',
        origin: 'INDIVIDUAL/INDIVIDUAL_DOCUMENT',
      },
    ]);
  });

  it('falls back to DATAID when the reference number is missing, with a warning', () => {
    expect(entry(publication, '1000002').name).toBe('NO REFERENCE');
    expect(publication.report.warnings).toContainEqual({
      code: 'missing-reference-number',
      message: 'INDIVIDUAL has no REFERENCE_NUMBER; using DATAID 1000002',
      file: 'consolidated.xml',
      line: lineOf('<INDIVIDUAL>', 2),
      field: 'REFERENCE_NUMBER',
    });
  });

  it('keeps the first of duplicate reference numbers, with a warning', () => {
    expect(entry(publication, 'QDi.901').name).toBe('AHMAD KHALIL HASAN AL-TEST');
    expect(publication.report.warnings).toContainEqual(
      expect.objectContaining({
        code: 'duplicate-reference-number',
        line: lineOf('<INDIVIDUAL>', 3),
      }),
    );
    expect(publication.entries.map((each) => each.sourceId)).toEqual([
      'QDi.901',
      '1000002',
      'IQi.902',
      'KPe.903',
    ]);
  });

  it('warns about bad dates with line and field, and keeps their text', () => {
    const bad = publication.report.warnings.filter((warning) => warning.code === 'bad-date');
    expect(bad.map((warning) => [warning.field, warning.line])).toEqual([
      ['INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH', lineOf('<INDIVIDUAL_DATE_OF_BIRTH>', 8)],
      ['INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH', lineOf('<INDIVIDUAL_DATE_OF_BIRTH>', 9)],
      ['INDIVIDUAL/INDIVIDUAL_DOCUMENT/DATE_OF_ISSUE', lineOf('<INDIVIDUAL_DOCUMENT>', 4)],
      ['INDIVIDUAL/LISTED_ON', lineOf('<INDIVIDUAL>', 4)],
    ]);
    const person = entry(publication, 'IQi.902');
    expect(person.birthDates).toEqual([]);
    expect(person.listedOn).toBeUndefined();
    expect(person.documents[0]?.issuedOn).toBeUndefined();
    expect(person.unparsed.map((fragment) => fragment.text)).toEqual([
      'yesterday',
      'EXACT 1970-02-30',
      'BETWEEN 1980 AND 1975',
    ]);
  });

  it('reports facts, fragments and warnings', () => {
    const { report } = publication;
    expect(report.entries).toBe(4);
    expect(report.facts).toMatchObject({ aliases: 8, weakAliases: 1, birthDates: 6, documents: 3 });
    expect(report.unparsedFragments).toBe(11);
    expect(report.fragments).toBeGreaterThan(report.unparsedFragments);
    expect(report.warningCounts).toEqual({
      'missing-reference-number': 1,
      'duplicate-reference-number': 1,
      'bad-date': 4,
    });
  });
});

describe('unConsolidatedSource.parse: unsafe and malformed input', () => {
  it('refuses a DOCTYPE before parsing, naming file and line', () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE CONSOLIDATED_LIST SYSTEM "http://example.org/x.dtd">\n<CONSOLIDATED_LIST/>';
    const error = thrown(() => parse(xml));
    expect(error).toBeInstanceOf(UnsafeInputError);
    expect(error.code).toBe('unsafe_input');
    expect(error.details).toEqual({ file: 'consolidated.xml', line: 2 });
    expect(error.message).toMatch(/^consolidated\.xml:2: .*DOCTYPE/);
  });

  it('refuses an ENTITY declaration anywhere, in any case', () => {
    const xml = list(individual('<FIRST_NAME>A</FIRST_NAME>\n<!entity x "y">'));
    const error = thrown(() => parse(xml));
    expect(error).toBeInstanceOf(UnsafeInputError);
    expect(error.details).toMatchObject({ line: 4 });
  });

  it('refuses the billion laughs document before expanding anything', () => {
    const error = thrown(() => parse(readFileSync(`${FIXTURES}billion-laughs.xml`)));
    expect(error).toBeInstanceOf(UnsafeInputError);
    expect(error.details).toMatchObject({ line: 2 });
  });

  it('fails truncated XML with line and column', () => {
    const truncated = SAMPLE_TEXT.slice(0, SAMPLE_TEXT.indexOf('</INDIVIDUALS>'));
    const error = thrown(() => parse(truncated));
    expect(error).toBeInstanceOf(WatchlistParseError);
    expect(error.code).toBe('parse_failed');
    const line = truncated.split('\n').length;
    expect(error.details).toEqual({ file: 'consolidated.xml', line });
    expect(error.message).toBe(
      `consolidated.xml:${line}: malformed XML at line ${line}, column 3: unexpected end of document; still open: CONSOLIDATED_LIST, INDIVIDUALS`,
    );
  });

  it('fails a mismatched closing tag at its position', () => {
    const error = thrown(() => parse(list(individual('<FIRST_NAME>A</SECOND_NAME>'))));
    expect(error).toBeInstanceOf(WatchlistParseError);
    expect(error.details).toMatchObject({ line: 3 });
    expect(error.message).toContain('column');
  });

  it('fails invalid UTF-8 with the line of the first bad byte', () => {
    const [head, tail] = [SAMPLE_TEXT.slice(0, 400), SAMPLE_TEXT.slice(400)];
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xc3, 0x28]), Buffer.from(tail)]);
    const error = thrown(() => parse(bytes));
    expect(error).toBeInstanceOf(WatchlistParseError);
    expect(error.message).toContain('invalid UTF-8');
    expect(error.details).toEqual({ file: 'consolidated.xml', line: head.split('\n').length });
  });

  it('fails a document whose root is not CONSOLIDATED_LIST, or that lists nobody', () => {
    expect(() => parse('<?xml version="1.0"?><OTHER_LIST/>')).toThrow(/root element is OTHER_LIST/);
    expect(() => parse(list('<INDIVIDUALS/><ENTITIES/>'))).toThrow(/holds no INDIVIDUAL or ENTITY/);
    expect(() => parse('<A/><B/>')).toThrow(WatchlistParseError);
  });

  it('needs exactly one file', () => {
    expect(() => unConsolidatedSource.parse([input(SAMPLE), input(SAMPLE)])).toThrow(
      ValidationError,
    );
    expect(() => unConsolidatedSource.parse([])).toThrow(ValidationError);
  });
});

describe('unConsolidatedSource.parse: options and edge cases', () => {
  const minimal = individual(
    '<FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER>',
  );

  it('takes publishedAt from options, and checks it', () => {
    expect(parse(SAMPLE, { publishedAt: '2026-03-01' }).publishedAt).toBe('2026-03-01');
    expect(() => parse(SAMPLE, { publishedAt: '01/03/2026' })).toThrow(ValidationError);
  });

  it('fails without dateGenerated unless publishedAt is given', () => {
    const xml = list(minimal, '');
    expect(() => parse(xml)).toThrow(/dateGenerated/);
    expect(parse(xml, { publishedAt: '2026-01-31' }).entries).toHaveLength(1);
  });

  it('reports progress up to the total', () => {
    const onProgress = vi.fn();
    parse(SAMPLE, { onProgress });
    expect(onProgress).toHaveBeenLastCalledWith(5, 5);
  });

  it('decodes character references but never expands other entities', () => {
    const xml = list(
      individual(
        '<FIRST_NAME>JOS&#201; &amp; &#xC9;&lt;&foo;</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER>',
      ),
    );
    expect(parse(xml).entries[0]?.name).toBe('JOSÉ & É<&foo;');
  });

  it('falls back to the original-script name, and skips entries with no name or id', () => {
    const xml = list(
      `<INDIVIDUALS>
<INDIVIDUAL><NAME_ORIGINAL_SCRIPT>Иван</NAME_ORIGINAL_SCRIPT><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL>
<INDIVIDUAL><REFERENCE_NUMBER>QDi.2</REFERENCE_NUMBER></INDIVIDUAL>
<INDIVIDUAL><FIRST_NAME>NOBODY</FIRST_NAME></INDIVIDUAL>
</INDIVIDUALS>`,
    );
    const publication = parse(xml);
    expect(publication.entries.map((each) => [each.sourceId, each.name])).toEqual([
      ['QDi.1', 'Иван'],
    ]);
    expect(publication.report.warningCounts).toEqual({
      'missing-name': 2,
      'missing-reference-number': 1,
    });
  });

  it('warns about content outside INDIVIDUALS and ENTITIES', () => {
    const publication = parse(list(`${minimal}<NOTICE>moved</NOTICE>`));
    expect(publication.report.warnings).toContainEqual(
      expect.objectContaining({ code: 'unmapped-element', field: 'CONSOLIDATED_LIST/NOTICE' }),
    );
  });

  it('keeps attributes and elements found where text was expected', () => {
    const xml = list(
      '<INDIVIDUALS><INDIVIDUAL status="active"><FIRST_NAME lang="en">A</FIRST_NAME>' +
        '<REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER><GENDER><X>y</X></GENDER>' +
        '<REFERENCE_NUMBER>QDi.9</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS>',
    );
    const [only] = parse(xml).entries;
    expect(only?.name).toBe('A');
    expect(only?.gender).toBeUndefined();
    expect(only?.unparsed).toEqual(
      expect.arrayContaining([
        { text: 'active', origin: 'INDIVIDUAL/@status' },
        { text: 'en', origin: 'INDIVIDUAL/FIRST_NAME/@lang' },
        { text: 'y', origin: 'INDIVIDUAL/GENDER/X' },
        { text: 'QDi.9', origin: 'INDIVIDUAL/REFERENCE_NUMBER' },
      ]),
    );
    expect(only?.unparsed).toHaveLength(4);
  });

  it('accepts a byte-order mark', () => {
    expect(parse(`\uFEFF${list(minimal)}`).entries).toHaveLength(1);
  });
});
