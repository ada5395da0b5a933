import { describe, expect, it } from 'vitest';

import { pdfText } from '../../test/support/pdf-text.js';
import { printable, renderPdf } from './render-pdf.js';
import { certificateCsv } from './screening-certificate.js';

describe('PDF rendering', () => {
  it('keeps Spanish text and replaces what the standard fonts cannot show', () => {
    expect(printable('Núñez Peña — “Ñandú” ½')).toBe('Núñez Peña — “Ñandú” ½');
    expect(printable('Ωmega ﬁn')).toBe('?mega fin');
    expect(printable('line\nbreak')).toBe('line break');
  });

  it('puts every section, field and table row of a long document on its pages', async () => {
    const rows = Array.from({ length: 120 }, (_, n) => [`C-${n}`, `Nombre ${n}`]);
    const pdf = await renderPdf({
      title: 'Título',
      sections: [
        {
          heading: 'Sección',
          fields: [['Campo', 'valor']],
          tables: [{ columns: ['id', 'nombre'], rows }],
        },
      ],
      footer: 'pie',
      author: 'Puente',
      createdAt: new Date('2026-03-01T00:00:00Z'),
    });
    const pages = await pdfText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    expect(text).toContain('Campo: valor');
    expect(text).toContain('C-0 | Nombre 0');
    expect(text).toContain('C-119 | Nombre 119');
    expect(pages[0]).toContain(`pie · 1/${pages.length}`);
  });

  it('prints the marking banner at the head and the foot of every page', async () => {
    const rows = Array.from({ length: 120 }, (_, n) => [`C-${n}`, `Nombre ${n}`]);
    const banner = 'RESTRICTED//ORCON//REL TO COL TLP:AMBER';
    const pdf = await renderPdf({
      title: 'Título',
      marking: banner,
      sections: [{ heading: 'Sección', tables: [{ columns: ['id', 'nombre'], rows }] }],
      footer: 'pie',
      author: 'Puente',
      createdAt: new Date('2026-03-01T00:00:00Z'),
    });
    const pages = await pdfText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.split(banner).length - 1).toBe(2);
    }
  });
});

describe('certificate CSV', () => {
  it('neutralizes cells a spreadsheet would run as formulas', () => {
    const csv = certificateCsv(
      {
        certificateId: 'c1',
        scope: 'counterparty',
        issuedAt: '2026-03-01T00:00:00.000Z',
        issuer: { organizationId: 'o', organizationName: 'Banco', actorId: 'a', actorName: 'ana' },
        screenedAt: '2026-03-01T00:00:00.000Z',
        screenedBy: 'ana',
        threshold: 0.8,
        publications: [],
        results: [
          {
            counterparty: {
              id: 1,
              externalId: '=HYPERLINK("x")',
              name: '+57 Ltda',
              kind: 'company',
            },
            outcome: 'no-match',
            matches: [],
          },
        ],
        marking: null,
      },
      'es',
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'+57 Ltda");
    expect(csv).toContain('Sin coincidencias');
  });

  it('leads with the combined marking when a named entry is marked', () => {
    const marking = {
      classification: 'restricted' as const,
      originators: [{ organizationId: 'o', country: 'COL' }],
      releasableTo: { countries: ['COL'], organizations: [] },
      caveats: ['ORCON' as const],
      tlp: 'AMBER' as const,
    };
    const csv = certificateCsv(
      {
        certificateId: 'c1',
        scope: 'counterparty',
        issuedAt: '2026-03-01T00:00:00.000Z',
        issuer: { organizationId: 'o', organizationName: 'Banco', actorId: 'a', actorName: 'ana' },
        screenedAt: '2026-03-01T00:00:00.000Z',
        screenedBy: 'ana',
        threshold: 0.8,
        publications: [],
        results: [],
        marking,
      },
      'en',
    );
    expect(csv.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      'RESTRICTED//ORCON//REL TO COL TLP:AMBER',
    );
  });
});
