import { describe, expect, it } from 'vitest';
import { emptyEntry } from '../watchlist/watchlist-entry.js';
import { screeningFixture } from '../../test/fixtures/screening/entries.js';
import { screen } from './screen.js';
import { buildScreeningIndex, patchScreeningIndex } from './screening-index.js';

describe('screening index', () => {
  const entries = screeningFixture();
  const index = buildScreeningIndex(entries);

  it('indexes primary names, aliases and original-script names once each', () => {
    expect(index.entryCount).toBe(entries.length);
    const names = entries.reduce((sum, e) => sum + 1 + e.aliases.length, 0);
    expect(index.nameCount).toBe(names);
    expect([...index.sources].sort()).toEqual(['ofac-sdn', 'un']);
    expect(index.programs.has('SDNTK')).toBe(true);
  });

  it('patches into a new index and leaves the old one untouched', () => {
    const added = {
      ...emptyEntry('ofac-sdn', '99999', 'entity', 'AGROPECUARIA LOS HALCONES LTDA.'),
      programs: ['SDNT'],
    };
    const patched = patchScreeningIndex(index, { added: [added], removed: ['ofac-sdn:4108'] });
    expect(screen(patched, { name: 'Agropecuaria Los Halcones' })[0]?.entryId).toBe(
      'ofac-sdn:99999',
    );
    expect(
      screen(patched, { name: 'Miguel Angel Rodriguez Orejuela' }).map((m) => m.entryId),
    ).not.toContain('ofac-sdn:4108');
    expect(screen(index, { name: 'Miguel Angel Rodriguez Orejuela' })[0]?.entryId).toBe(
      'ofac-sdn:4108',
    );
    expect(screen(index, { name: 'Agropecuaria Los Halcones' })).toEqual([]);
  });

  it('replaces an entry added again under the same id', () => {
    const renamed = { ...entries[5]!, name: 'DROGUERIA MONTEVERDE S.A.' };
    const patched = patchScreeningIndex(index, { added: [renamed] });
    expect(patched.entryCount).toBe(index.entryCount);
    expect(screen(patched, { name: 'Drogueria Monteverde' })[0]?.entryId).toBe('ofac-sdn:20003');
  });

  it('gives the same results rebuilt or patched', () => {
    const rebuilt = buildScreeningIndex(entries.filter((e) => e.sourceId !== '4107'));
    const patched = patchScreeningIndex(index, { removed: ['ofac-sdn:4107'] });
    const query = { name: 'Rodriguez Orejuela' };
    expect(screen(patched, query, { threshold: 0 })).toEqual(
      screen(rebuilt, query, { threshold: 0 }),
    );
  });
});
