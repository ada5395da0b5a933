import { buildScreeningIndex } from '../../src/screening/screening-index.js';
import { screen } from '../../src/screening/screen.js';
import { screeningFixture } from '../../test/fixtures/screening/entries.js';
const idx = buildScreeningIndex(screeningFixture());
for (const [q, extra] of [['Gilbérto Rodrigues', { dob: '1939-01-31', country: 'Colombia' }], ['Inversiones La Esperanza SAS', { document: '800.018.928-0' }], ['Алексей Говырин', {}]] as const) {
  const m = screen(idx, { name: q, ...extra })[0]!;
  console.log(JSON.stringify(m, null, 1).slice(0, 1500));
}
