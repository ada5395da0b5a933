import { describe, expect, it } from 'vitest';
import { diffEntries } from './diff-entries.js';
import { emptyEntry, type WatchlistEntry } from './watchlist-entry.js';

const base: WatchlistEntry = {
  ...emptyEntry('ofac-sdn', '1', 'individual', 'PEREZ, Juan'),
  programs: ['SDNT'],
  aliases: [{ name: 'JUANCHO', type: 'aka', strength: 'weak', origin: 'remarks' }],
};

describe('diffEntries', () => {
  it('finds nothing between equal entries, whatever the key order', () => {
    const reordered = JSON.parse(JSON.stringify(base)) as WatchlistEntry;
    expect(diffEntries(base, { ...reordered })).toEqual([]);
  });

  it('names changed scalar fields with before and after', () => {
    const changes = diffEntries(base, { ...base, name: 'PEREZ GOMEZ, Juan', remarks: 'DOB 1970' });
    expect(changes.map((change) => change.field)).toEqual(['name', 'remarks']);
    expect(changes[0]).toMatchObject({ before: 'PEREZ, Juan', after: 'PEREZ GOMEZ, Juan' });
    expect(changes[1]).toMatchObject({ before: undefined, after: 'DOB 1970' });
  });

  it('lists the items added to and removed from list fields', () => {
    const after = { ...base, programs: ['SDNTK', 'SDNT'] };
    const [change] = diffEntries(base, after);
    expect(change).toMatchObject({ field: 'programs', itemsAdded: ['SDNTK'], itemsRemoved: [] });
    const aliasChange = diffEntries(base, { ...base, aliases: [] })[0];
    expect(aliasChange?.itemsRemoved).toEqual(base.aliases);
  });
});
