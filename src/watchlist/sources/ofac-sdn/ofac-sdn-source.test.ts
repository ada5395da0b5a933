import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { WatchlistParseError } from '../../../core/errors.js';
import type { InputFile, ParsedPublication } from '../../list-source.js';
import type { WatchlistEntry } from '../../watchlist-entry.js';
import { ofacSdnSource } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/ofac/2024-05/', import.meta.url));
const ROLES = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'] as const;
const EMPTY = '-0- ';
const TAIL = Array.from({ length: 7 }, () => EMPTY).join(',');

/**
 * Reads a small hand-written fixture. On disk they are named `<role>.fixture.csv` so they are
 * never mistaken for copies of real OFAC files; the parser sees the OFAC name.
 */
function fixture(name: string, rename = name): InputFile {
  return {
    name: rename,
    origin: `${FIXTURES}${rename}`,
    bytes: readFileSync(`${FIXTURES}${name.replace(/\.csv$/, '.fixture.csv')}`),
  };
}

function inline(name: string, text: string, folder = '/in'): InputFile {
  return { name, origin: `${folder}/${name}`, bytes: Buffer.from(text) };
}

/** An sdn.csv row with the vessel columns empty. */
function sdnRow(entNum: string, name: string, type: string, remarks = EMPTY): string {
  return `${entNum},"${name}",${type},"SDNT",${TAIL},${remarks === EMPTY ? EMPTY : `"${remarks}"`}`;
}

function entry(publication: ParsedPublication, sourceId: string): WatchlistEntry {
  const found = publication.entries.find((each) => each.sourceId === sourceId);
  expect(found, sourceId).toBeDefined();
  return found!;
}

function failure(action: () => unknown): WatchlistParseError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(WatchlistParseError);
    return error as WatchlistParseError;
  }
  throw new Error('expected a WatchlistParseError');
}

describe('ofacSdnSource: the fixture publication', () => {
  const publication = ofacSdnSource.parse(ROLES.map((name) => fixture(name)));

  it('yields one entry per sdn.csv row, with its source id, type, name parts and programs', () => {
    expect(publication.source).toBe('ofac-sdn');
    expect(publication.entries.map((each) => each.sourceId)).toEqual([
      '100',
      '200',
      '300',
      '400',
      '500',
      '600',
      '700',
      '800',
      '801',
    ]);
    expect(entry(publication, '100')).toMatchObject({
      entityType: 'individual',
      name: 'PEREZ GOMEZ, Juan',
      nameParts: { family: 'PEREZ GOMEZ', given: 'Juan' },
      programs: ['SDNT', 'SDNTK'],
    });
    expect(entry(publication, '200')).toMatchObject({ entityType: 'entity', programs: ['SDNT'] });
    expect(entry(publication, '200')).not.toHaveProperty('nameParts');
    expect(entry(publication, '300')).not.toHaveProperty('remarks');
  });

  it('attaches alt.csv aliases as strong and remark aliases as weak', () => {
    expect(entry(publication, '100').aliases).toEqual([
      {
        name: 'PEREZ, Juancho',
        type: 'aka',
        strength: 'strong',
        origin: 'alt.csv',
        sourceAliasId: '9001',
      },
      { name: 'JUANCHO', type: 'aka', strength: 'weak', origin: 'remarks' },
    ]);
    expect(entry(publication, '600').aliases.map((a) => [a.name, a.type, a.strength])).toEqual([
      ['EL SOCIO', 'aka', 'strong'],
      ['SOCIO, Pedro', 'nka', 'strong'],
      ['EL LARGO', 'aka', 'weak'],
    ]);
  });

  it('attaches add.csv addresses, keeping city_state_province_postal as published', () => {
    expect(entry(publication, '200').addresses).toEqual([
      {
        sourceAddressId: '8002',
        cityStateProvincePostal: 'Cali',
        country: 'Colombia',
        origin: 'add.csv',
      },
      {
        sourceAddressId: '8003',
        street: 'Carrera 7, Oficina 5; Torre B',
        cityStateProvincePostal: 'Bogota',
        country: 'Colombia',
        remarks: 'Head office',
        origin: 'add.csv',
      },
    ]);
  });

  it('joins sdn_comments.csv to the remarks before parsing them', () => {
    const joined = entry(publication, '600');
    expect(joined.remarks).toBe(
      "DOB 1960 to 1962; Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.; a.k.a. 'EL LARGO'.",
    );
    expect(joined.links).toEqual([
      {
        relation: 'linked-to',
        name: 'RED MUNDIAL INMOBILIARIA, S.A. DE C.V.',
        targetSourceId: '700',
        text: 'Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.',
        origin: 'remarks',
      },
    ]);
    expect(joined.birthDates).toMatchObject([{ kind: 'range', from: '1960', to: '1962' }]);
  });

  it('resolves links by primary name, then by alias, and leaves unknown or ambiguous ones', () => {
    const targets = (id: string) =>
      entry(publication, id).links.map((l) => [l.name, l.targetSourceId]);
    expect(targets('100')).toEqual([['INVERSIONES LA ESPERANZA S.A.S.', '200']]);
    expect(targets('200')).toEqual([
      ['PEREZ GOMEZ, Juan', '100'],
      ['EL SOCIO', '600'],
      ['UNKNOWN PARTY LTDA.', undefined],
    ]);
    expect(targets('700')).toEqual([['GRUPO DUPLICADO S.A.', undefined]]);
    expect(publication.report.linksResolved).toBe(4);
    expect(publication.report.facts.links).toBe(6);
  });

  it('reads documents with NIT check digits and the Matricula Mercantil city', () => {
    expect(
      entry(publication, '200').documents.map((d) => [
        d.type,
        d.number,
        d.checkDigitValid,
        d.issuedBy,
      ]),
    ).toEqual([
      ['nit', '800197268-4', true, undefined],
      ['nit', '800197268-5', false, undefined],
      ['matricula-mercantil', '181301-1', undefined, 'Cali'],
    ]);
  });

  it('combines vessel columns with vessel remarks, and reads aircraft remarks', () => {
    expect(entry(publication, '400')).toMatchObject({
      entityType: 'vessel',
      vessel: {
        callSign: 'HKAB1',
        vesselType: 'Cargo',
        tonnage: '1200',
        grossRegisteredTonnage: '800',
        flag: 'Colombia',
        owner: 'NAVIERA DEL CARIBE S.A.',
        imoNumber: '9187629',
        mmsi: '572469210',
        yearOfBuild: '1999',
      },
    });
    expect(entry(publication, '500')).toMatchObject({
      entityType: 'aircraft',
      aircraft: {
        serialNumber: '208B0001',
        model: 'Cessna 208',
        operator: 'AEROVIAS DEL SUR',
        manufactureDate: '1998-01-01',
        tailNumber: 'HK-4321',
      },
    });
    expect(entry(publication, '100')).not.toHaveProperty('vessel');
  });

  it('dates the publication by its folder and reports counts with no warnings', () => {
    expect(publication.publishedAt).toBe('2024-05-01');
    expect(publication.files).toEqual(['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv']);
    const { report } = publication;
    expect(report.entries).toBe(9);
    expect(report.warnings).toEqual([]);
    expect(report.unparsedFragments).toBe(0);
    expect(report.fragments).toBe(
      publication.entries.reduce((sum, each) => sum + (each.remarks?.split(';').length ?? 0), 0),
    );
    expect(report.facts).toMatchObject({ aliases: 6, weakAliases: 2, addresses: 3, documents: 11 });
  });

  it('hashes content by role: renamed or reordered files give the same hash', () => {
    const renamed = ofacSdnSource.parse([
      fixture('sdn_comments.csv', 'SDN_COMMENTS.CSV'),
      fixture('alt.csv', 'ALT.CSV'),
      fixture('sdn.csv', 'SDN.CSV'),
      fixture('add.csv', 'ADD.CSV'),
    ]);
    expect(renamed.contentHash).toBe(publication.contentHash);
    const fewer = ofacSdnSource.parse([fixture('sdn.csv')]);
    expect(fewer.contentHash).not.toBe(publication.contentHash);
  });

  it('is claimed as one publication', () => {
    const files = ROLES.map((name) => fixture(name));
    expect(ofacSdnSource.claim([...files].reverse())).toEqual([files]);
  });
});

describe('ofacSdnSource: warnings', () => {
  const sdn = [
    sdnRow('1', 'DOE, John', '"individual"', 'DOB 31 Feb 1970; Passport X1 (Peru) expires someday'),
    sdnRow('2', 'ACME', '"company"'),
    sdnRow('1', 'DOE, Again', '"individual"'),
    '3,"SHORT ROW"',
  ].join('\r\n');

  const publication = ofacSdnSource.parse([
    inline('sdn.csv', `${sdn}\r\n\x1a`),
    inline(
      'alt.csv',
      '1,10,"aka","DOE, J.",-0- \r\n99,11,"aka","NOBODY",-0- \r\n2,12,"xyz","ACME CO",-0- \r\n',
    ),
    inline('add.csv', '98,20,-0- ,"Cali","Colombia",-0- \r\n'),
    inline('sdn_comments.csv', '97,"continued"\r\n'),
  ]);
  const { report } = publication;

  it('counts every warning by code', () => {
    expect(report.warningCounts).toEqual({
      'wrong-column-count': 1,
      'duplicate-entry': 1,
      'unknown-entity-type': 1,
      'orphan-alias': 1,
      'orphan-address': 1,
      'orphan-comment': 1,
      'unknown-alias-type': 1,
      'bad-date': 2,
    });
  });

  it('names file, line and field', () => {
    const byCode = new Map(report.warnings.map((w) => [w.code, w]));
    expect(byCode.get('wrong-column-count')).toMatchObject({ file: 'sdn.csv', line: 4 });
    expect(byCode.get('duplicate-entry')).toMatchObject({
      file: 'sdn.csv',
      line: 3,
      field: 'ent_num',
    });
    expect(byCode.get('unknown-entity-type')).toMatchObject({
      file: 'sdn.csv',
      line: 2,
      field: 'SDN_Type',
    });
    expect(byCode.get('orphan-alias')).toMatchObject({
      file: 'alt.csv',
      line: 2,
      field: 'ent_num',
    });
    expect(byCode.get('orphan-address')).toMatchObject({ file: 'add.csv', line: 1 });
    expect(byCode.get('orphan-comment')).toMatchObject({ file: 'sdn_comments.csv', line: 1 });
    expect(byCode.get('unknown-alias-type')).toMatchObject({
      file: 'alt.csv',
      line: 3,
      field: 'alt_type',
    });
    expect(byCode.get('bad-date')).toMatchObject({ file: 'sdn.csv', line: 1, field: 'Remarks' });
  });

  it('keeps the first of duplicate rows, reads unknown types as entities, keeps bad facts unparsed', () => {
    expect(publication.entries.map((e) => [e.sourceId, e.name, e.entityType])).toEqual([
      ['1', 'DOE, John', 'individual'],
      ['2', 'ACME', 'entity'],
    ]);
    expect(entry(publication, '1').unparsed.map((u) => u.text)).toEqual([
      'DOB 31 Feb 1970',
      'Passport X1 (Peru) expires someday',
    ]);
    expect(entry(publication, '2').aliases).toMatchObject([{ name: 'ACME CO', type: 'aka' }]);
    expect(report.unparsedFragments).toBe(2);
  });

  it('ignores files of a group that are not OFAC files, saying so', () => {
    const parsed = ofacSdnSource.parse([
      inline('sdn.csv', sdnRow('1', 'X', EMPTY)),
      inline('notes.csv', 'whatever'),
    ]);
    expect(parsed.report.warnings).toMatchObject([
      { code: 'unrecognised-file', file: 'notes.csv' },
    ]);
    expect(parsed.files).toEqual(['sdn.csv']);
  });

  it('reports progress', () => {
    const onProgress = vi.fn();
    ofacSdnSource.parse([inline('sdn.csv', sdnRow('1', 'X', EMPTY))], { onProgress });
    expect(onProgress).toHaveBeenLastCalledWith(1, 1);
  });

  it('dates by the sdn file name, and lets the caller override', () => {
    const dated = inline('sdn-2024-04-26.csv.gz', sdnRow('1', 'X', EMPTY), '/d/history');
    expect(ofacSdnSource.parse([dated]).publishedAt).toBe('2024-04-26');
    expect(ofacSdnSource.parse([dated], { publishedAt: '2024-01-02' }).publishedAt).toBe(
      '2024-01-02',
    );
  });
});

describe('ofacSdnSource: unusable input', () => {
  it('fails without an sdn file, naming the files', () => {
    const error = failure(() => ofacSdnSource.parse([inline('alt.csv', '1,2,"aka","X",-0- \r\n')]));
    expect(error.message).toContain('no sdn file');
    expect(error.location.file).toBe('alt.csv');
    expect(failure(() => ofacSdnSource.parse([])).location.file).toBe('(no files)');
  });

  it('fails with two sdn files', () => {
    const row = sdnRow('1', 'X', EMPTY);
    expect(
      failure(() =>
        ofacSdnSource.parse([inline('sdn.csv', row), inline('SDN-2024-01-01.csv', row)]),
      ).message,
    ).toContain('second sdn file');
  });

  it('fails on an empty sdn file and on one without a usable row', () => {
    expect(failure(() => ofacSdnSource.parse([inline('sdn.csv', '\x1a')])).message).toContain(
      'empty',
    );
    expect(failure(() => ofacSdnSource.parse([inline('sdn.csv', '1,"X"\r\n')])).message).toContain(
      'no usable row',
    );
  });

  it('fails on a non-numeric ent_num in any file, naming file and line', () => {
    const error = failure(() =>
      ofacSdnSource.parse([
        inline('sdn.csv', sdnRow('1', 'X', EMPTY)),
        inline('add.csv', '1,2,-0- ,-0- ,-0- ,-0- \r\nA1,3,-0- ,-0- ,-0- ,-0- \r\n'),
      ]),
    );
    expect(error.location).toEqual({ file: 'add.csv', line: 2, field: 'ent_num' });
  });

  it('fails on bad quoting and bad UTF-8', () => {
    const quote = failure(() =>
      ofacSdnSource.parse([inline('sdn.csv', `${sdnRow('1', 'X', EMPTY)}\r\n2,"open`)]),
    );
    expect(quote.location).toEqual({ file: 'sdn.csv', line: 2 });
    const bytes = Buffer.concat([Buffer.from(sdnRow('1', 'X', EMPTY)), Buffer.from([0xc3, 0x28])]);
    const utf8 = failure(() =>
      ofacSdnSource.parse([{ name: 'sdn.csv', origin: '/in/sdn.csv', bytes }]),
    );
    expect(utf8.location).toEqual({ file: 'sdn.csv', line: 1 });
  });
});

describe('ofacSdnSource: plug-in', () => {
  it('declares its id, label and the official legacy CSV downloads', () => {
    expect(ofacSdnSource.id).toBe('ofac-sdn');
    expect(ofacSdnSource.label).toContain('OFAC');
    expect(ofacSdnSource.officialDownloads.map((d) => [d.name, d.optional ?? false])).toEqual([
      ['sdn.csv', false],
      ['alt.csv', false],
      ['add.csv', false],
      ['sdn_comments.csv', true],
    ]);
    expect(ofacSdnSource.officialDownloads[0]!.url).toMatch(
      /^https:\/\/sanctionslistservice\.ofac\.treas\.gov\//,
    );
  });
});
