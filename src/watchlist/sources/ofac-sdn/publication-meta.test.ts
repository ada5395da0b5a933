import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors.js';
import type { InputFile } from '../../list-source.js';
import type { OfacRole } from './file-roles.js';
import { contentHash, dateInFolder, dateInName, publicationDate } from './publication-meta.js';

const NOW = new Date('2026-11-25T10:00:00Z');

function file(origin: string, modifiedAt?: string, text = 'x'): InputFile {
  const name = origin.slice(origin.lastIndexOf('/') + 1);
  const base = { name, origin, bytes: Buffer.from(text) };
  return modifiedAt === undefined ? base : { ...base, modifiedAt };
}

describe('publicationDate', () => {
  it('prefers the caller, then the sdn file name, then the folder, then mtimes, then today', () => {
    const dated = file('/d/2021-07/sdn-2024-05-03.csv.gz', '2020-01-01T00:00:00Z');
    expect(publicationDate(dated, [dated], '2030-01-02', NOW)).toBe('2030-01-02');
    expect(publicationDate(dated, [dated], undefined, NOW)).toBe('2024-05-03');
    const inFolder = file('/d/2021-07/sdn.csv', '2020-01-01T00:00:00Z');
    expect(publicationDate(inFolder, [inFolder], undefined, NOW)).toBe('2021-07-01');
    const plain = file('/d/latest/sdn.csv', '2020-01-01T00:00:00Z');
    const alt = file('/d/latest/alt.csv', '2020-03-04T23:59:00Z');
    expect(publicationDate(plain, [plain, alt], undefined, NOW)).toBe('2020-03-04');
    const bare = file('/d/latest/sdn.csv');
    expect(publicationDate(bare, [bare], undefined, NOW)).toBe('2026-11-25');
  });

  it('accepts a caller timestamp unchanged and refuses what is no date', () => {
    const sdn = file('/d/sdn.csv');
    expect(publicationDate(sdn, [sdn], '2024-05-03T12:00:00Z', NOW)).toBe('2024-05-03T12:00:00Z');
    expect(() => publicationDate(sdn, [sdn], 'yesterday', NOW)).toThrow(ValidationError);
    expect(() => publicationDate(sdn, [sdn], '2024-02-30', NOW)).toThrow(ValidationError);
  });
});

describe('dateInName and dateInFolder', () => {
  it('find real dates only', () => {
    expect(dateInName('sdn-2024-05-03.csv.gz')).toBe('2024-05-03');
    expect(dateInName('sdn-2024-13-03.csv')).toBeUndefined();
    expect(dateInName('sdn.csv')).toBeUndefined();
    expect(dateInFolder('2021-07')).toBe('2021-07-01');
    expect(dateInFolder('2026-06-partial')).toBe('2026-06-01');
    expect(dateInFolder('2024-05-03')).toBe('2024-05-03');
    expect(dateInFolder('2021-13')).toBeUndefined();
    expect(dateInFolder('history')).toBeUndefined();
  });
});

describe('contentHash', () => {
  const roles = (entries: [OfacRole, InputFile][]) => new Map(entries);

  it('does not depend on file names or order, only on roles and bytes', () => {
    const a = roles([
      ['sdn', file('/a/sdn.csv', undefined, 'S')],
      ['alt', file('/a/alt.csv', undefined, 'A')],
    ]);
    const b = roles([
      ['alt', file('/b/ALT.CSV', undefined, 'A')],
      ['sdn', file('/b/SDN-2024-01-01.CSV', undefined, 'S')],
    ]);
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when bytes move between roles or change', () => {
    const base = contentHash(
      roles([
        ['sdn', file('/s', undefined, 'S')],
        ['alt', file('/a', undefined, 'A')],
      ]),
    );
    const swapped = contentHash(
      roles([
        ['sdn', file('/s', undefined, 'A')],
        ['alt', file('/a', undefined, 'S')],
      ]),
    );
    const joined = contentHash(roles([['sdn', file('/s', undefined, 'SA')]]));
    expect(new Set([base, swapped, joined]).size).toBe(3);
  });
});
