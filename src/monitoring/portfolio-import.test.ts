import { describe, expect, it } from 'vitest';

import { nitFor, seededRandom } from '../../test/support/monitoring-fixtures.js';
import { parseImport } from './portfolio-import.js';

const HEADER = 'codigo,tipo,nombre,fecha_nacimiento,pais,nit,cedula';
const MAPPING = {
  externalId: 'codigo',
  kind: 'tipo',
  name: 'nombre',
  dob: 'fecha_nacimiento',
  country: 'pais',
} as const;

describe('parseImport', () => {
  it('keeps the good rows and reports every bad one by line and field', () => {
    const csv = [
      HEADER,
      'C-1,persona,Juan Pérez Gómez,1971-02-03,Colombia,,1045512768',
      `C-2,empresa,INVERSIONES LA ESPERANZA SAS,,CO,${nitFor(1)},`,
      'C-3,persona,Ana Ruiz,1971-02-30,CO,,',
      'C-4,empresa,ACME SAS,,CO,800197268-5,',
      'C-1,persona,Juan Pérez Gómez,,CO,,',
      'C-5,persona,Luis Díaz',
      'C-6,alien,Zed,,,,',
      'C-7,persona,!!!,,,,',
      'C-8,persona,Marta Díaz,,Narnia,,',
    ].join('\n');

    const result = parseImport(csv, 'csv', MAPPING);

    expect(result.valid.map((c) => c.externalId)).toEqual(['C-1', 'C-2']);
    expect(result.valid[1]!.documents).toEqual([{ type: 'nit', number: nitFor(1) }]);
    expect(result.rows).toBe(9);
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'dob'],
      [5, 'documents.0.number'],
      [6, 'externalId'],
      [7, 'row'],
      [8, 'kind'],
      [9, 'name'],
      [10, 'country'],
    ]);
    expect(result.errors[1]!.message).toContain('invalid NIT');
    expect(result.errors[2]!.message).toContain('duplicate of line 2');
  });

  it('imports the good rows of a file with 5% garbage rows and reports each garbage row', () => {
    const random = seededRandom(5);
    const lines = [HEADER];
    const garbage: number[] = [];
    for (let n = 0; n < 1000; n++) {
      if (random() < 0.05) {
        garbage.push(lines.length + 1);
        lines.push(
          String.fromCharCode(...Array.from({ length: 30 }, () => 33 + Math.floor(random() * 90))),
        );
      } else {
        lines.push(`P-${n},persona,Cliente Número ${n},,CO,,${10_000_000 + n}`);
      }
    }

    const result = parseImport(lines.join('\n'), 'csv', MAPPING);

    expect(result.valid).toHaveLength(1000 - garbage.length);
    expect([...new Set(result.errors.map((e) => e.line))]).toEqual(garbage);
  });

  it('refuses a file whose header lacks a required column, naming it', () => {
    expect(() => parseImport('codigo,nombre\nC-1,Juan', 'csv', MAPPING)).toThrow(/tipo/);
  });

  it('reads JSON arrays (record numbers) and NDJSON (line numbers)', () => {
    const json = JSON.stringify([
      { externalId: 'A', kind: 'company', name: 'ACME SAS', nit: nitFor(2) },
      { externalId: 'B', kind: 'company', name: 'ACME DOS SAS', nit: '800197268-5' },
      'garbage',
    ]);
    const ndjson = '{"externalId":"A","kind":"person","name":"Ana"}\n{not json\n';

    const fromJson = parseImport(json, 'json');
    const fromNdjson = parseImport(ndjson, 'ndjson');

    expect(fromJson.valid.map((c) => c.externalId)).toEqual(['A']);
    expect(fromJson.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'documents.0.number'],
      [3, 'row'],
    ]);
    expect(fromNdjson.errors).toEqual([{ line: 2, field: 'row', message: 'not valid JSON' }]);
  });
});
