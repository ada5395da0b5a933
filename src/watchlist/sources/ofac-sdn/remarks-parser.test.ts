import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../watchlist-entry.js';
import type { RemarkFacts } from './remark-facts.js';
import { parseRemarks } from './remarks-parser.js';
import { splitRemarks } from './remarks-split.js';

interface Warning {
  readonly code: string;
  readonly message: string;
  readonly field: string;
}

function parse(remarks: string, entityType: EntityType = 'individual', title?: string) {
  const warnings: Warning[] = [];
  const parsed = parseRemarks(remarks, {
    entityType,
    titles: title === undefined ? [] : title.split(';').map((piece) => piece.trim()),
    warn: (code, message, field) => warnings.push({ code, message, field }),
  });
  return { ...parsed, warnings };
}

const facts = (remarks: string, entityType?: EntityType, title?: string): RemarkFacts =>
  parse(remarks, entityType, title).facts;

const unparsed = (remarks: string, entityType?: EntityType): string[] =>
  facts(remarks, entityType).unparsed.map((fragment) => fragment.text);

describe('splitRemarks', () => {
  it('splits on semicolons, keeps commas and drops the closing period', () => {
    expect(splitRemarks('DOB 1971; POB Necocli, Antioquia, Colombia.').map((f) => f.text)).toEqual([
      'DOB 1971',
      'POB Necocli, Antioquia, Colombia',
    ]);
  });

  it('keeps the period of a final abbreviation, which doubles as the closing period', () => {
    const last = (text: string): string => splitRemarks(text).at(-1)!.text;
    expect(last('Linked To: R D I S.A.')).toBe('Linked To: R D I S.A.');
    expect(last('Linked To: GRUPO X S.A. DE C.V.')).toBe('Linked To: GRUPO X S.A. DE C.V.');
    expect(last('Linked To: FOO LTDA.')).toBe('Linked To: FOO LTDA.');
    expect(last('Website www.example.com.')).toBe('Website www.example.com');
    expect(last("a.k.a. 'BNC'.")).toBe("a.k.a. 'BNC'");
  });

  it('marks alt. fragments, in either case, and skips empty pieces', () => {
    const fragments = splitRemarks('DOB 1970; ; alt. DOB 1971; Alt. POB: Keren Eritrea');
    expect(fragments).toEqual([
      { text: 'DOB 1970', body: 'DOB 1970', alternative: false },
      { text: 'alt. DOB 1971', body: 'DOB 1971', alternative: true },
      { text: 'Alt. POB: Keren Eritrea', body: 'POB: Keren Eritrea', alternative: true },
    ]);
  });
});

describe('parseRemarks: birth, nationality, gender', () => {
  it('reads exact, month, year, range and circa dates of birth; later ones are alternatives', () => {
    const { birthDates } = facts(
      'DOB 15 Sep 1971; alt. DOB Sep 1972; DOB 1973; alt. DOB 1960 to 1962; alt. DOB circa 1960',
    );
    expect(
      birthDates.map(({ kind, value, from, to, alternative }) => ({
        kind,
        value,
        from,
        to,
        alternative,
      })),
    ).toEqual([
      { kind: 'exact', value: '1971-09-15', from: undefined, to: undefined, alternative: false },
      { kind: 'month', value: '1972-09', from: undefined, to: undefined, alternative: true },
      { kind: 'year', value: '1973', from: undefined, to: undefined, alternative: true },
      { kind: 'range', value: undefined, from: '1960', to: '1962', alternative: true },
      { kind: 'approximate', value: '1960', from: undefined, to: undefined, alternative: true },
    ]);
    expect(birthDates[1]).toMatchObject({ text: 'alt. DOB Sep 1972', origin: 'remarks' });
  });

  it('keeps an unreadable date of birth unparsed and warns', () => {
    const result = parse('DOB 31 Feb 1970');
    expect(result.facts.birthDates).toEqual([]);
    expect(result.facts.unparsed).toEqual([{ text: 'DOB 31 Feb 1970', origin: 'remarks' }]);
    expect(result.warnings).toEqual([
      { code: 'bad-date', message: 'unreadable date of birth "31 Feb 1970"', field: 'Remarks' },
    ]);
  });

  it('reads places of birth, nationality, citizenship and gender', () => {
    const result = facts(
      'POB Necocli, Antioquia, Colombia; alt. POB Medellin, Colombia; nationality Colombia; citizen Mexico; Gender Male',
    );
    expect(result.birthPlaces.map((fact) => fact.value)).toEqual([
      'Necocli, Antioquia, Colombia',
      'Medellin, Colombia',
    ]);
    expect(result.nationalities).toEqual([
      { value: 'Colombia', text: 'nationality Colombia', origin: 'remarks' },
    ]);
    expect(result.citizenships.map((fact) => fact.value)).toEqual(['Mexico']);
    expect(result.gender).toEqual({ value: 'Male', text: 'Gender Male', origin: 'remarks' });
  });

  it('keeps a second gender as an other fact', () => {
    const result = facts('Gender Male; Gender Female');
    expect(result.gender?.value).toBe('Male');
    expect(result.otherFacts).toMatchObject([{ key: 'gender', value: 'Female' }]);
  });
});

describe('parseRemarks: identity documents', () => {
  const documents = (remarks: string) => facts(remarks, 'entity').documents;

  it('reads number, issuing country, issue and expiry dates and alternatives', () => {
    expect(
      documents(
        'Passport AB151486 (Colombia) issued 01 Jan 2010 expires 31 Dec 2019; alt. Passport AC444270 (Colombia)',
      ),
    ).toEqual([
      {
        type: 'passport',
        label: 'Passport',
        number: 'AB151486',
        country: 'Colombia',
        issuedOn: '2010-01-01',
        expiresOn: '2019-12-31',
        alternative: false,
        text: 'Passport AB151486 (Colombia) issued 01 Jan 2010 expires 31 Dec 2019',
        origin: 'remarks',
      },
      {
        type: 'passport',
        label: 'Passport',
        number: 'AC444270',
        country: 'Colombia',
        alternative: true,
        text: 'alt. Passport AC444270 (Colombia)',
        origin: 'remarks',
      },
    ]);
  });

  it('validates NIT check digits', () => {
    const [valid, invalid] = documents(
      'NIT # 800197268-4 (Colombia); alt. NIT # 800197268-5 (Colombia)',
    );
    expect(valid).toMatchObject({ type: 'nit', number: '800197268-4', checkDigitValid: true });
    expect(invalid).toMatchObject({
      type: 'nit',
      number: '800197268-5',
      checkDigitValid: false,
      alternative: true,
    });
    expect(documents('Cedula No. 71980054 (Colombia)')[0]).not.toHaveProperty('checkDigitValid');
  });

  it('reads the city a Matricula Mercantil carries before the country', () => {
    expect(documents('Matricula Mercantil No 181301-1 Cali (Colombia)')[0]).toMatchObject({
      type: 'matricula-mercantil',
      label: 'Matricula Mercantil No',
      number: '181301-1',
      issuedBy: 'Cali',
      country: 'Colombia',
    });
  });

  it('reads a place in parentheses before the country, and numbers with a check digit in parentheses', () => {
    expect(documents('Folio Mercantil No. 22839 (Jalisco) (Mexico)')[0]).toMatchObject({
      number: '22839',
      issuedBy: 'Jalisco',
      country: 'Mexico',
    });
    expect(documents('National ID No. D489833(9) (Hong Kong)')[0]).toMatchObject({
      number: 'D489833(9)',
      country: 'Hong Kong',
    });
  });

  it('takes the start of an issue span and the end of an expiry span', () => {
    expect(
      documents('Passport 654781 (Jordan) issued 01 Jan 2008 to 31 Dec 2010')[0],
    ).toMatchObject({
      issuedOn: '2008-01-01',
    });
    expect(
      documents('Passport Z3079423 (India) expires 01 Jan 2026 to 31 Dec 2026')[0],
    ).toMatchObject({
      expiresOn: '2026-12-31',
    });
  });

  it('leaves a document whose issued text is no date unparsed, with a warning', () => {
    const result = parse('Passport 4117921 issued under the name Dilawar Khan', 'individual');
    expect(result.facts.documents).toEqual([]);
    expect(result.facts.unparsed.map((f) => f.text)).toEqual([
      'Passport 4117921 issued under the name Dilawar Khan',
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual(['bad-date']);
  });

  it.each([
    ['Cedula No. 71980054 (Colombia)', 'cedula', '71980054', 'Colombia'],
    ['R.F.C. DIB-771110-HQ1 (Mexico)', 'rfc', 'DIB-771110-HQ1', 'Mexico'],
    ['C.U.R.P. AIMM67125HCHRRG06 (Mexico)', 'curp', 'AIMM67125HCHRRG06', 'Mexico'],
    ['RUC # 20108363101 (Peru)', 'ruc', '20108363101', 'Peru'],
    ['National ID No. 660000 73767 (Belgium)', 'national-id', '660000 73767', 'Belgium'],
    [
      'Identification Number 2.194.575 (Paraguay)',
      'identification-number',
      '2.194.575',
      'Paraguay',
    ],
    ['Tax ID No. AABA 670850 Y', 'tax-id', 'AABA 670850 Y', undefined],
    ['Registration ID 14063277 (Netherlands)', 'registration-id', '14063277', 'Netherlands'],
    ['Registration Number HRA 738077 (Germany)', 'registration-number', 'HRA 738077', 'Germany'],
    ['D.N.I. 78.865.882 (Spain)', 'dni', '78.865.882', 'Spain'],
    ['SSN 523-33-8386 (United States)', 'ssn', '523-33-8386', 'United States'],
    ["Driver's License No. 180839 (Mexico)", 'driver-license', '180839', 'Mexico'],
    [
      'Business Registration Document # F01000003035 (United States)',
      'business-registration-document',
      'F01000003035',
      'United States',
    ],
    ['Company Number 01074897 (United Kingdom)', 'company-number', '01074897', 'United Kingdom'],
    ['C.I.F. B84214477 (Spain)', 'cif', 'B84214477', 'Spain'],
    ['Pasaporte 123456 (Colombia)', 'passport', '123456', 'Colombia'],
    ['Kenyan ID No. 12773667', 'national-id', '12773667', 'Kenya'],
    [
      'Bosnian Personal ID No. 1005967953038',
      'national-id',
      '1005967953038',
      'Bosnia and Herzegovina',
    ],
    ['SWIFT/BIC HAVIGB2L', 'swift-bic', 'HAVIGB2L', undefined],
    [
      'Legal Entity Number 851683897 (Netherlands)',
      'legal-entity-number',
      '851683897',
      'Netherlands',
    ],
    ['Company Number IMO 5055293', 'imo-company', '5055293', undefined],
  ])('reads %s', (remark, type, number, country) => {
    const [document] = documents(remark);
    expect(document).toMatchObject({ type, number, alternative: false, text: remark });
    expect(document?.country).toBe(country);
  });
});

describe('parseRemarks: aliases and links', () => {
  it('reads remark aliases as weak, without their quotes, keeping inner apostrophes', () => {
    expect(
      facts("a.k.a. 'OTONIEL'; f.k.a. 'ANSAR INSTITUTE'; n.k.a. 'NEW NAME'; a.k.a. 'ABU 'ABDALLAH'")
        .aliases,
    ).toEqual([
      { name: 'OTONIEL', type: 'aka', strength: 'weak', origin: 'remarks' },
      { name: 'ANSAR INSTITUTE', type: 'fka', strength: 'weak', origin: 'remarks' },
      { name: 'NEW NAME', type: 'nka', strength: 'weak', origin: 'remarks' },
      { name: "ABU 'ABDALLAH", type: 'aka', strength: 'weak', origin: 'remarks' },
    ]);
  });

  it('reads Linked To and the other relation labels, names with commas intact', () => {
    const links = facts(
      'Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.; Owned or Controlled By: ACME HOLDING; Subsidiary Of: ACME GROUP; Associate Of: DOE, John',
      'entity',
    ).links;
    expect(links.map(({ relation, name }) => [relation, name])).toEqual([
      ['linked-to', 'RED MUNDIAL INMOBILIARIA, S.A. DE C.V.'],
      ['owned-or-controlled-by', 'ACME HOLDING'],
      ['subsidiary-of', 'ACME GROUP'],
      ['associate-of', 'DOE, John'],
    ]);
    expect(links[0]).toEqual({
      relation: 'linked-to',
      name: 'RED MUNDIAL INMOBILIARIA, S.A. DE C.V.',
      text: 'Linked To: RED MUNDIAL INMOBILIARIA, S.A. DE C.V.',
      origin: 'remarks',
    });
  });

  it('reads family relations and associations written as free text', () => {
    const links = facts(
      'wife of Slobodan Milosevic; daughter-in-law of John Doe; Associated with Islamic Jihad Group',
    ).links;
    expect(links.map(({ relation, name }) => [relation, name])).toEqual([
      ['family-of', 'Slobodan Milosevic'],
      ['family-of', 'John Doe'],
      ['associate-of', 'Islamic Jihad Group'],
    ]);
  });
});

describe('parseRemarks: vessels and aircraft', () => {
  it('reads vessel numbers as documents and vessel particulars', () => {
    const result = facts(
      'Vessel Registration Identification IMO 9187629; MMSI 572469210; Vessel Year of Build 1999; Vessel Type Crude Oil Tanker; Other Vessel Flag Panama; Other Vessel Call Sign 3EXY; Former Vessel Flag Malta',
      'vessel',
    );
    expect(result.vessel).toEqual({
      imoNumber: '9187629',
      mmsi: '572469210',
      yearOfBuild: '1999',
      vesselType: 'Crude Oil Tanker',
    });
    expect(result.documents.map((d) => [d.type, d.number])).toEqual([
      ['imo', '9187629'],
      ['mmsi', '572469210'],
    ]);
    expect(result.otherFacts.map((f) => [f.key, f.value])).toEqual([
      ['vessel-year-of-build', '1999'],
      ['vessel-type', 'Crude Oil Tanker'],
      ['other-vessel-flag', 'Panama'],
      ['other-vessel-call-sign', '3EXY'],
      ['former-vessel-flag', 'Malta'],
    ]);
  });

  it('reads aircraft particulars, the first value of each filling the details', () => {
    const result = facts(
      "Aircraft Manufacturer's Serial Number (MSN) 1023409321; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacture Date Sep 1984; Aircraft Tail Number EP-MMH; alt. Aircraft Tail Number EP-MMI; Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Previous Aircraft Tail Number YI-NAE",
      'aircraft',
    );
    expect(result.aircraft).toEqual({
      serialNumber: '1023409321',
      model: 'IL76-TD',
      operator: 'YAS AIR',
      manufactureDate: '1984-09',
      tailNumber: 'EP-MMH',
    });
    expect(result.otherFacts.map((f) => f.key)).toEqual([
      'aircraft-serial-number',
      'aircraft-model',
      'aircraft-operator',
      'aircraft-manufacture-date',
      'aircraft-tail-number',
      'aircraft-tail-number',
      'aircraft-construction-number',
      'previous-aircraft-tail-number',
    ]);
    expect(result.unparsed).toEqual([]);
  });
});

describe('parseRemarks: contacts and other facts', () => {
  it('reads websites, e-mail addresses and phone numbers, labelled or bare', () => {
    const result = facts(
      'Website www.example.org; Email Address info@example.org; Phone Number 5744440000; PHONE 850 2 381; Telephone No. 009613679153; http://www.sara.example (website); info@sanabel.example (email)',
      'entity',
    );
    expect(result.websites.map((f) => f.value)).toEqual([
      'www.example.org',
      'http://www.sara.example',
    ]);
    expect(result.emails.map((f) => f.value)).toEqual(['info@example.org', 'info@sanabel.example']);
    expect(result.phones.map((f) => f.value)).toEqual(['5744440000', '850 2 381', '009613679153']);
  });

  it.each([
    [
      'Digital Currency Address - XBT 12QtD5BF',
      'digital-currency-address',
      'Digital Currency Address - XBT',
      '12QtD5BF',
    ],
    [
      'Organization Established Date 17 Dec 2016',
      'organization-established-date',
      'Organization Established Date',
      '2016-12-17',
    ],
    [
      'Organization Established Date 01 Jan 2015 to 31 Dec 2015',
      'organization-established-date',
      'Organization Established Date',
      '2015-01-01/2015-12-31',
    ],
    [
      'Organization Type: Mining of hard coal',
      'organization-type',
      'Organization Type:',
      'Mining of hard coal',
    ],
    ['Target Type Financial Institution', 'target-type', 'Target Type', 'Financial Institution'],
    [
      'Additional Sanctions Information - Subject to Secondary Sanctions',
      'additional-sanctions-information',
      'Additional Sanctions Information -',
      'Subject to Secondary Sanctions',
    ],
    [
      'Secondary sanctions risk: section 1(b) of Executive Order 13224',
      'secondary-sanctions-risk',
      'Secondary sanctions risk:',
      'section 1(b) of Executive Order 13224',
    ],
    [
      'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214',
      'transactions-prohibited',
      'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:',
      'North Korea Sanctions Regulations section 510.214',
    ],
    [
      'Executive Order 13846 information: IMPORT SANCTIONS. Sec. 5(a)(vi)',
      'executive-order-information',
      'Executive Order 13846 information:',
      'IMPORT SANCTIONS. Sec. 5(a)(vi)',
    ],
    [
      'Executive Order 13662 Directive Determination - Subject to Directive 2',
      'executive-order-information',
      'Executive Order 13662 Directive Determination -',
      'Subject to Directive 2',
    ],
    [
      'CAATSA Section 235 Information: FOREIGN EXCHANGE. Sec 235(a)(7)',
      'caatsa-information',
      'CAATSA Section 235 Information:',
      'FOREIGN EXCHANGE. Sec 235(a)(7)',
    ],
    ['CAATSA - RUSSIA', 'caatsa-russia', 'CAATSA - RUSSIA', 'CAATSA - RUSSIA'],
    [
      'Listing Date (EO 14024 Directive 2): 24 Feb 2022',
      'listing-date',
      'Listing Date (EO 14024 Directive 2):',
      '2022-02-24',
    ],
    ['Equity Ticker PME US', 'equity-ticker', 'Equity Ticker', 'PME US'],
    ['ISIN RU0007796926', 'isin', 'ISIN', 'RU0007796926'],
    ['Former Name ACME OLD', 'former-name', 'Former Name', 'ACME OLD'],
    [
      'Nationality of Registration Korea, North',
      'nationality-of-registration',
      'Nationality of Registration',
      'Korea, North',
    ],
    ['Registration Country Liberia', 'registration-country', 'Registration Country', 'Liberia'],
    ['UN/LOCODE UA KEH', 'un-locode', 'UN/LOCODE', 'UA KEH'],
    ['all offices worldwide', 'designation-scope', 'Scope', 'all offices worldwide'],
  ])('reads %s', (remark, key, label, value) => {
    const result = facts(remark, 'entity');
    expect(result.otherFacts).toEqual([{ key, label, value, text: remark, origin: 'remarks' }]);
    expect(result.unparsed).toEqual([]);
  });

  it('reads the Title column repeated in the remarks, positions and statuses of individuals', () => {
    const result = facts(
      'Minister of State for Special Affairs; Position: Director, General Intelligence; Member ETA; ICTY indictee at large; currently incarcerated in the U.S.',
      'individual',
      'Minister of State for Special Affairs',
    );
    expect(result.otherFacts.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Minister of State for Special Affairs'],
      ['position', 'Director, General Intelligence'],
      ['position', 'Member ETA'],
      ['icty-indictee', 'ICTY indictee at large'],
      ['status', 'currently incarcerated in the U.S.'],
    ]);
  });

  it('matches labels case-insensitively but only as whole words', () => {
    expect(facts('gender Female').gender?.value).toBe('Female');
    expect(unparsed('Passportless traveller', 'entity')).toEqual(['Passportless traveller']);
  });

  it('keeps fragments no rule understands verbatim and counts every fragment', () => {
    const result = parse(
      "DOB 1970; Individual's height is 5 feet 9 inches; Kurdish.",
      'individual',
    );
    expect(result.fragments).toBe(3);
    expect(result.facts.unparsed).toEqual([
      { text: "Individual's height is 5 feet 9 inches", origin: 'remarks' },
      { text: 'Kurdish', origin: 'remarks' },
    ]);
  });

  it('keeps unlabelled positions of entities unparsed (positions are for individuals)', () => {
    expect(unparsed('Director of Things', 'entity')).toEqual(['Director of Things']);
  });

  // A hang guard (catastrophic regex backtracking would exceed the test timeout), not a timing goal.
  it('parses pathological input without hanging', { timeout: 20_000 }, () => {
    const long = `${'a'.repeat(50_000)}@${'b'.repeat(50_000)} ${'x'.repeat(50_000)}`;
    const result = parse(
      `Linked To: ${'A, '.repeat(20_000)}; ${long}; Passport ${'( '.repeat(20_000)}; ${'Minister '.repeat(10_000)}`,
    );
    expect(result.fragments).toBeGreaterThan(0);
  });
});
