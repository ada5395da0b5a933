import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ValidationError, WatchlistParseError, type PuenteError } from '../../../core/errors.js';
import { sha256Hex } from '../../../core/hash.js';
import type { InputFile, ParsedPublication, ParseOptions } from '../../list-source.js';
import type { WatchlistEntry } from '../../watchlist-entry.js';
import { agencyListSource } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/agency/', import.meta.url));
const JSON_BYTES = readFileSync(`${FIXTURES}kingpins-col.json`);
const JSON_TEXT = JSON_BYTES.toString('utf8');
const CSV_BYTES = readFileSync(`${FIXTURES}kingpins-col.csv`);
const CSV_OPTIONS: ParseOptions = { sourceId: 'kingpins-col', publishedAt: '2026-02-03' };

function input(bytes: Buffer | string, name: string, modifiedAt?: string): InputFile {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return {
    name,
    origin: `/in/${name}`,
    bytes: data,
    ...(modifiedAt === undefined ? {} : { modifiedAt }),
  };
}

function parseJson(text: Buffer | string, options?: ParseOptions): ParsedPublication {
  return agencyListSource.parse([input(text, 'list.json')], options);
}

function parseCsv(text: Buffer | string, options: ParseOptions = CSV_OPTIONS): ParsedPublication {
  return agencyListSource.parse([input(text, 'list.csv')], options);
}

function entry(publication: ParsedPublication, sourceId: string): WatchlistEntry {
  const found = publication.entries.find((each) => each.sourceId === sourceId);
  expect(found, sourceId).toBeDefined();
  return found!;
}

function thrown(run: () => unknown): PuenteError {
  try {
    run();
  } catch (error: unknown) {
    return error as PuenteError;
  }
  throw new Error('expected an error');
}

/** 1-based line of the `occurrence`-th appearance of `needle`. */
function lineOf(text: string, needle: string, occurrence = 1): number {
  let at = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    at = text.indexOf(needle, at + 1);
  }
  return text.slice(0, at).split('\n').length;
}

/** A minimal JSON list around `entries`. */
function jsonList(entries: unknown[], header: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      format: 'puente-watchlist/1',
      source: 'kingpins-col',
      publishedAt: '2026-02-03',
      entries,
      ...header,
    },
    null,
    2,
  );
}

const PERSON = { id: 'K-1', name: 'PERSONA PRUEBA', type: 'individual' };

describe('agencyListSource.claim', () => {
  it('claims puente-watchlist JSON and CSV with id and name columns, one publication each', () => {
    const files = [
      input(JSON_BYTES, 'a.json'),
      input(CSV_BYTES, 'b.csv'),
      input('\uFEFF"ID" , "Name",type\nK-1,X,individual\n', 'c.csv'),
      input('{"format":"other/1","entries":[]}', 'd.json'),
      input('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\n', 'sdn.csv'),
      input('id,alias\nK-1,X\n', 'e.csv'),
      input('<?xml version="1.0"?><CONSOLIDATED_LIST/>', 'f.xml'),
    ];
    expect(agencyListSource.claim(files).map((group) => group.map((file) => file.name))).toEqual([
      ['a.json'],
      ['b.csv'],
      ['c.csv'],
    ]);
    expect(agencyListSource.id).toBe('agency');
    expect(agencyListSource.officialDownloads).toEqual([]);
  });
});

describe('agencyListSource.parse: JSON', () => {
  const publication = parseJson(JSON_BYTES);

  it('takes source and date from the file and hashes the bytes', () => {
    expect(publication).toMatchObject({
      source: 'kingpins-col',
      publishedAt: '2026-02-03',
      contentHash: sha256Hex(JSON_BYTES),
      files: ['list.json'],
    });
    expect(publication.entries.map((each) => each.sourceId)).toEqual([
      'K-001',
      'K-002',
      'K-003',
      'K-006',
      'K-007',
    ]);
  });

  it('maps every field of an entry', () => {
    const person = entry(publication, 'K-001');
    expect(person).toMatchObject({
      source: 'kingpins-col',
      entityType: 'individual',
      name: 'JUAN CARLOS EJEMPLO PRUEBA',
      programs: ['KINGPIN-COL'],
      remarks: 'Test entry.',
      gender: { value: 'Male', text: 'Male', origin: 'gender' },
      birthPlaces: [{ value: 'Necocli, Antioquia, Colombia', origin: 'birthPlaces' }],
      nationalities: [{ value: 'Colombia', origin: 'nationalities' }],
      addresses: [
        {
          street: 'Calle 1 # 2-3',
          city: 'Medellín',
          stateProvince: 'Antioquia',
          country: 'Colombia',
          origin: 'addresses',
        },
      ],
      unparsed: [],
    });
    expect(person.aliases).toEqual([
      { name: 'EL PATRON DE PRUEBA', type: 'aka', strength: 'strong', origin: 'aliases' },
      { name: 'Juanca', type: 'aka', strength: 'weak', origin: 'aliases' },
      { name: 'JUAN C. PRUEBA', type: 'fka', strength: 'strong', origin: 'aliases' },
    ]);
    expect(person.birthDates).toEqual([
      {
        kind: 'exact',
        value: '1971-09-15',
        alternative: false,
        text: '1971-09-15',
        origin: 'birthDates',
      },
      { kind: 'year', value: '1970', alternative: true, text: '1970', origin: 'birthDates' },
    ]);
  });

  it('maps documents to stable type codes, keeping the label as written', () => {
    expect(entry(publication, 'K-001').documents).toEqual([
      {
        type: 'cedula',
        label: 'Cédula de Ciudadanía',
        number: '71980054',
        country: 'Colombia',
        alternative: false,
        text: 'Cédula de Ciudadanía 71980054 (Colombia)',
        origin: 'documents',
      },
      {
        type: 'passport',
        label: 'passport',
        number: 'AB123456',
        alternative: false,
        text: 'passport AB123456',
        origin: 'documents',
      },
    ]);
    expect(entry(publication, 'K-002').documents[0]?.type).toBe('nit');
    expect(entry(publication, 'K-006')).toMatchObject({
      entityType: 'vessel',
      documents: [{ type: 'imo' }],
    });
  });

  it('resolves links by target id, or by a name that identifies one entry', () => {
    expect(entry(publication, 'K-001').links).toEqual([
      {
        relation: 'owner-of',
        name: 'INVERSIONES EJEMPLO S.A.S.',
        targetSourceId: 'K-002',
        text: 'owner-of: INVERSIONES EJEMPLO S.A.S.',
        origin: 'links',
      },
    ]);
    expect(entry(publication, 'K-003').links[0]?.targetSourceId).toBe('K-001');
    expect(entry(publication, 'K-007').links[0]?.targetSourceId).toBeUndefined();
    expect(publication.report.warnings).toContainEqual(
      expect.objectContaining({ code: 'unresolved-link', line: lineOf(JSON_TEXT, '"K-007"') - 1 }),
    );
  });

  it('skips an invalid entry with a warning naming index, id, field and line', () => {
    expect(publication.report.warnings).toContainEqual({
      code: 'invalid-entry',
      message:
        'entries[3] (K-004): birthDates[0]: not a date (use YYYY, YYYY-MM or YYYY-MM-DD); entry skipped',
      file: 'list.json',
      line: lineOf(JSON_TEXT, '"K-004"') - 1,
      field: 'birthDates[0]',
    });
    const unnamed = publication.report.warnings.find((warning) => warning.field === 'name');
    expect(unnamed?.message).toMatch(/^entries\[7\] \(K-008\): name: /);
  });

  it('keeps the first of duplicate ids, with a warning', () => {
    expect(entry(publication, 'K-001').name).toBe('JUAN CARLOS EJEMPLO PRUEBA');
    expect(publication.report.warnings).toContainEqual(
      expect.objectContaining({
        code: 'duplicate-id',
        field: 'id',
        line: lineOf(JSON_TEXT, '"K-001"', 2) - 1,
      }),
    );
  });

  it('keeps unknown fields as unparsed text and warns once per field', () => {
    expect(entry(publication, 'K-006').unparsed).toEqual([
      { text: 'La Lancha', origin: 'nickname' },
      { text: '2001', origin: 'documents[0].issued' },
    ]);
    const unknown = publication.report.warnings.filter(
      (warning) => warning.code === 'unknown-field',
    );
    expect(unknown.map((warning) => warning.field)).toEqual(['nickname', 'documents[].issued']);
  });

  it('reports counts of facts, fragments and warnings', () => {
    expect(publication.report).toMatchObject({
      entries: 5,
      unparsedFragments: 2,
      linksResolved: 2,
      warningCounts: {
        'invalid-entry': 2,
        'duplicate-id': 1,
        'unknown-field': 2,
        'unresolved-link': 1,
      },
    });
    expect(publication.report.facts).toMatchObject({
      aliases: 3,
      weakAliases: 1,
      documents: 4,
      links: 3,
    });
  });

  it('lets options override the source id (with a warning) and the date', () => {
    const overridden = parseJson(JSON_BYTES, {
      sourceId: 'kingpins-usa',
      publishedAt: '2026-03-01',
    });
    expect(overridden.source).toBe('kingpins-usa');
    expect(overridden.entries[0]?.source).toBe('kingpins-usa');
    expect(overridden.publishedAt).toBe('2026-03-01');
    expect(overridden.report.warningCounts['source-overridden']).toBe(1);
  });

  it('reports progress', () => {
    const onProgress = vi.fn();
    parseJson(JSON_BYTES, { onProgress });
    expect(onProgress).toHaveBeenLastCalledWith(8, 8);
  });

  it('names an entry that is not an object', () => {
    const result = parseJson(jsonList([PERSON, 'K-2']));
    expect(result.report.warnings[0]?.message).toMatch(/^entries\[1\] \(\?\): entry: /);
  });
});

describe('agencyListSource.parse: bad JSON lists', () => {
  it('refuses invalid source ids and the fixed sources', () => {
    for (const source of ['Kingpins', 'k', 'un', 'ofac-sdn', 'kingpins_col']) {
      expect(() => parseJson(jsonList([PERSON], { source })), source).toThrow(ValidationError);
    }
    expect(() => parseJson(jsonList([PERSON]), { sourceId: 'un' })).toThrow(ValidationError);
  });

  it('fails malformed JSON with the line', () => {
    const error = thrown(() =>
      parseJson('{\n  "format": "puente-watchlist/1",\n  "entries": [1,]\n}'),
    );
    expect(error).toBeInstanceOf(WatchlistParseError);
    expect(error.message).toMatch(/^list\.json:3: invalid JSON: /);
  });

  it('fails a wrong format, a bad date or missing entries, naming the field', () => {
    expect(() => parseJson(jsonList([PERSON], { format: 'puente-watchlist/2' }))).toThrow(
      /format: /,
    );
    expect(
      thrown(() => parseJson(jsonList([PERSON], { publishedAt: '3 Feb 2026' }))).details,
    ).toMatchObject({
      field: 'publishedAt',
    });
    expect(() => parseJson(jsonList([PERSON], { entries: { 'K-1': PERSON } }))).toThrow(
      /entries: /,
    );
    expect(() => parseJson('[]')).toThrow(WatchlistParseError);
    expect(() => parseJson('  ')).toThrow(/empty/);
  });

  it('fails when no entry is valid, quoting the first problem', () => {
    expect(() => parseJson(jsonList([{ ...PERSON, type: 'submarine' }]))).toThrow(
      /no valid entry; first problem: entries\[0\] \(K-1\): type: /,
    );
    expect(() => parseJson(jsonList([]))).toThrow(/the list has no entries/);
  });

  it('fails invalid UTF-8 with the line', () => {
    const bytes = Buffer.concat([
      Buffer.from(jsonList([PERSON]).slice(0, 60)),
      Buffer.from([0xe2, 0x28, 0xa1]),
    ]);
    const error = thrown(() => parseJson(bytes));
    expect(error).toBeInstanceOf(WatchlistParseError);
    expect(error.details).toEqual({
      file: 'list.json',
      line: jsonList([PERSON]).slice(0, 60).split('\n').length,
    });
  });

  it('warns about unknown list fields', () => {
    const result = parseJson(jsonList([PERSON], { comment: 'x' }));
    expect(result.report.warnings).toContainEqual(
      expect.objectContaining({ code: 'unknown-field', field: 'comment' }),
    );
  });

  it('needs exactly one file', () => {
    expect(() => agencyListSource.parse([])).toThrow(ValidationError);
  });
});

describe('agencyListSource.parse: CSV', () => {
  const publication = parseCsv(CSV_BYTES);

  it('maps rows, with multi-valued cells, documents and the address columns', () => {
    expect(publication.entries.map((each) => each.sourceId)).toEqual(['K-101', 'K-102']);
    const person = entry(publication, 'K-101');
    expect(person).toMatchObject({
      source: 'kingpins-col',
      entityType: 'individual',
      name: 'PEDRO EJEMPLO',
      programs: ['KINGPIN-COL'],
      remarks: 'Remarks with a comma, and\r\na second line.',
      gender: { value: 'Male', origin: 'gender' },
      addresses: [
        {
          street: 'Carrera 5',
          city: 'Cali',
          stateProvince: 'Valle del Cauca',
          postalCode: '760001',
          country: 'Colombia',
          origin: 'street,city,state_province,postal_code,country',
        },
      ],
      unparsed: [{ text: 'Agent Smith', origin: 'case_officer' }],
    });
    expect(person.aliases.map((alias) => alias.name)).toEqual(['EL PEDRITO', 'PEDRO E.']);
    expect(person.birthDates.map((date) => [date.kind, date.value, date.origin])).toEqual([
      ['exact', '1965-02-14', 'birth_dates'],
      ['year', '1966', 'birth_dates'],
    ]);
    expect(person.nationalities.map((fact) => fact.value)).toEqual(['Colombia', 'Venezuela']);
    expect(person.documents.map((doc) => [doc.type, doc.number, doc.country])).toEqual([
      ['cedula', '16123456', 'Colombia'],
      ['passport', 'PE123456', undefined],
    ]);
    expect(entry(publication, 'K-102')).toMatchObject({
      entityType: 'entity',
      documents: [{ type: 'nit' }],
    });
  });

  it('reports bad rows with line and column, and skips them', () => {
    const warnings = publication.report.warnings
      .map(({ code, line, field }) => ({ code, line, field }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    expect(warnings).toEqual([
      { code: 'unknown-column', line: 1, field: 'case_officer' },
      { code: 'invalid-entry', line: 6, field: 'documents[0]' },
      { code: 'bad-row', line: 7, field: undefined },
      { code: 'duplicate-id', line: 8, field: 'id' },
      { code: 'invalid-entry', line: 9, field: 'id' },
      { code: 'invalid-entry', line: 10, field: 'birth_dates[0]' },
    ]);
    const badDocument = publication.report.warnings.find((warning) => warning.line === 6);
    expect(badDocument?.message).toBe(
      'line 6 (K-103): documents[0]: "passport" is not type:number or type:number:country; entry skipped',
    );
  });

  it('needs a source id, and a date from options or the file time', () => {
    expect(() => parseCsv(CSV_BYTES, { publishedAt: '2026-02-03' })).toThrow(ValidationError);
    expect(() => parseCsv(CSV_BYTES, { sourceId: 'un', publishedAt: '2026-02-03' })).toThrow(
      ValidationError,
    );
    expect(() => parseCsv(CSV_BYTES, { sourceId: 'kingpins-col' })).toThrow(/publication date/);
    const fromFile = agencyListSource.parse(
      [input(CSV_BYTES, 'list.csv', '2026-01-15T10:00:00.000Z')],
      {
        sourceId: 'kingpins-col',
      },
    );
    expect(fromFile.publishedAt).toBe('2026-01-15');
    expect(fromFile.report.warningCounts['published-at-from-file-time']).toBe(1);
  });

  it('fails without the required columns, or with a repeated one', () => {
    const error = thrown(() => parseCsv('id,nombre\nK-1,X\n'));
    expect(error).toBeInstanceOf(WatchlistParseError);
    expect(error.details).toEqual({ file: 'list.csv', line: 1, field: 'name' });
    expect(() => parseCsv('id,name,name\nK-1,X,Y\n')).toThrow(/column name appears twice/);
  });

  it('fails malformed quoting with the line', () => {
    const error = thrown(() => parseCsv('id,name\nK-1,"X\nK-2,Y\n'));
    expect(error).toBeInstanceOf(WatchlistParseError);
    expect(error.message).toMatch(/^list\.csv:\d+: malformed CSV: /);
  });

  it('fails when no row is valid', () => {
    expect(() => parseCsv('id,name\n')).toThrow(/the list has no entries/);
    expect(() => parseCsv('id,name,type\nK-1,X,submarine\n')).toThrow(/line 2 \(K-1\): type: /);
  });
});
