import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../list-source.js';
import { claimOfacFiles } from './claim-files.js';
import { folderOf, roleOf } from './file-roles.js';

function file(origin: string): InputFile {
  const name = origin.slice(origin.lastIndexOf('/') + 1);
  return {
    name,
    origin,
    bytes: Buffer.from('1,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'),
  };
}

const names = (groups: readonly (readonly InputFile[])[]): string[][] =>
  groups.map((group) => group.map((each) => each.origin));

describe('roleOf', () => {
  it.each([
    ['sdn.csv', 'sdn', ''],
    ['SDN.CSV', 'sdn', ''],
    ['sdn-2024-05-03.csv.gz', 'sdn', '-2024-05-03'],
    ['sdn_2024-05-03.csv', 'sdn', '_2024-05-03'],
    ['alt.csv', 'alt', ''],
    ['ADD.CSV', 'add', ''],
    ['add-2024-05-03.csv.gz', 'add', '-2024-05-03'],
    ['sdn_comments.csv', 'sdn_comments', ''],
    ['SDN_COMMENTS.CSV', 'sdn_comments', ''],
  ])('reads %s as %s', (name, role, suffix) => {
    expect(roleOf(name)).toEqual({ role, suffix });
  });

  it.each([
    'address.csv',
    'alternatives.csv',
    'sdnx.csv',
    'consolidated.xml',
    'sdn.xml',
    'list.csv',
  ])('does not take %s for an OFAC file', (name) => {
    expect(roleOf(name)).toBeUndefined();
  });
});

describe('folderOf', () => {
  it('takes the folder of paths and URLs', () => {
    expect(folderOf('/data/ofac/2021-07/sdn.csv')).toBe('/data/ofac/2021-07');
    expect(folderOf('C:\\data\\sdn.csv')).toBe('C:\\data');
    expect(folderOf('https://example.org/exports/SDN.CSV')).toBe('https://example.org/exports');
    expect(folderOf('sdn.csv')).toBe('');
  });
});

describe('claimOfacFiles', () => {
  it('groups a folder sdn.csv with its alt, add and comments files, sdn first', () => {
    const files = ['add.csv', 'alt.csv', 'sdn_comments.csv', 'sdn.csv'].map((n) =>
      file(`/d/2021-07/${n}`),
    );
    expect(names(claimOfacFiles(files))).toEqual([
      [
        '/d/2021-07/sdn.csv',
        '/d/2021-07/alt.csv',
        '/d/2021-07/add.csv',
        '/d/2021-07/sdn_comments.csv',
      ],
    ]);
  });

  it('accepts upper-case names (SDN.CSV, ALT.CSV) as the official download serves them', () => {
    const files = ['SDN.CSV', 'ALT.CSV'].map((n) => file(`https://x.example/exports/${n}`));
    expect(names(claimOfacFiles(files))).toEqual([
      ['https://x.example/exports/SDN.CSV', 'https://x.example/exports/ALT.CSV'],
    ]);
  });

  it('makes each sdn file of a history folder its own publication', () => {
    const files = ['sdn-2024-04-26.csv.gz', 'sdn-2024-04-25.csv.gz', 'sdn-2024-05-01.csv.gz'].map(
      (n) => file(`/d/history/${n}`),
    );
    expect(names(claimOfacFiles(files))).toEqual([
      ['/d/history/sdn-2024-04-25.csv.gz'],
      ['/d/history/sdn-2024-04-26.csv.gz'],
      ['/d/history/sdn-2024-05-01.csv.gz'],
    ]);
  });

  it('pairs dated siblings with the sdn file of the same date in a multi-publication folder', () => {
    const files = ['sdn-2024-05-01.csv', 'alt-2024-05-01.csv', 'sdn-2024-05-02.csv', 'alt.csv'].map(
      (n) => file(`/d/h/${n}`),
    );
    expect(names(claimOfacFiles(files))).toEqual([
      ['/d/h/sdn-2024-05-01.csv', '/d/h/alt-2024-05-01.csv'],
      ['/d/h/sdn-2024-05-02.csv'],
    ]);
  });

  it('lets a lone dated sdn file take its folder siblings', () => {
    const files = ['sdn-2024-05-03.csv.gz', 'alt.csv'].map((n) => file(`/d/one/${n}`));
    expect(names(claimOfacFiles(files))).toEqual([
      ['/d/one/sdn-2024-05-03.csv.gz', '/d/one/alt.csv'],
    ]);
  });

  it('leaves alias and address files without an sdn file in their folder unclaimed', () => {
    const files = [
      file('/d/2026-06-partial/alt.csv'),
      file('/d/2026-06-partial/add.csv'),
      file('/d/2021-07/sdn.csv'),
      file('/d/un/consolidated.xml'),
    ];
    expect(names(claimOfacFiles(files))).toEqual([['/d/2021-07/sdn.csv']]);
  });

  it('claims nothing from an empty or foreign file list', () => {
    expect(claimOfacFiles([])).toEqual([]);
    expect(claimOfacFiles([file('/d/list.csv')])).toEqual([]);
  });
});
