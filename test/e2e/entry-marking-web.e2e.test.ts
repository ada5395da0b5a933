/**
 * The entry marking page in a real Chromium against a real server, in Spanish and English: an
 * analyst of the originating agency opens a marked agency-list entry, follows the link to its
 * marking, raises it with a reason and sees the change in the history; axe-core checks the page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { en, type MessageKey } from '../../src/web/i18n/messages-en.js';
import { es } from '../../src/web/i18n/messages-es.js';
import { chromiumAvailable, launchBrowser, seriousViolations } from './web/browser.js';
import { buildWebApp, PASSWORD, startWebServer, type WebServer } from './web/web-server.js';

const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

type Messages = Readonly<Record<MessageKey, string>>;

const LIST = {
  format: 'puente-watchlist/1',
  source: 'kingpins-col',
  publishedAt: '2026-03-01',
  entries: [
    {
      id: 'K-1',
      name: 'MARIA FERNANDA PRUEBA OCULTA',
      type: 'individual',
      marking: {
        classification: 'unclassified',
        releasableTo: { countries: ['USA'] },
        tlp: 'GREEN',
      },
    },
  ],
};

async function ingestAsAna(server: WebServer): Promise<void> {
  const { actor } = await server.services.authenticator.login({
    username: 'ana',
    password: PASSWORD,
    ip: null,
  });
  await server.services.watchlists.ingestFiles(
    [{ name: 'kingpins.json', origin: 'test', bytes: Buffer.from(JSON.stringify(LIST)) }],
    { audit: { actor: { kind: 'user', id: actor.id, organizationId: actor.organizationId } } },
  );
}

async function signIn(page: Page, m: Messages): Promise<void> {
  await page.getByRole('heading', { name: m['login.title'] }).waitFor();
  await page.getByLabel(m['login.username']).fill('ana');
  await page.getByLabel(m['login.password'], { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: m['nav.signOut'] }).waitFor();
}

describe.skipIf(!chromiumAvailable && !inCi)('entry marking page in Chromium', () => {
  beforeAll(() => {
    expect(chromiumAvailable, 'Chromium is required in CI').toBe(true);
    buildWebApp();
  }, 180_000);

  for (const { locale, m } of [
    { locale: 'es-CO', m: es },
    { locale: 'en-US', m: en },
  ] as const) {
    it(`raises a marking with a reason (${locale})`, { timeout: 120_000 }, async () => {
      const server = await startWebServer();
      const browser = await launchBrowser(locale);
      try {
        await ingestAsAna(server);
        const page = await browser.context.newPage();
        await page.goto(`${server.url}/app/lists/entries/kingpins-col:K-1`);
        await signIn(page, m);
        await page.getByRole('link', { name: m['marking.link'] }).click();
        await page.getByText('UNCLASSIFIED//REL TO USA TLP:GREEN').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByLabel(m['marking.tlp']).selectOption('AMBER');
        await page.getByLabel(m['marking.reason']).fill('fuente en riesgo');
        await page.getByRole('button', { name: m['marking.submit'] }).click();
        await page.getByRole('status').getByText(m['marking.saved']).waitFor();
        const row = page.getByRole('row').filter({ hasText: 'fuente en riesgo' });
        await row.getByText(m['marking.raised'], { exact: true }).waitFor();
        expect(await row.textContent()).toContain('UNCLASSIFIED//REL TO USA TLP:AMBER');
        expect(await page.locator('.marking-banner').textContent()).toBe(
          'UNCLASSIFIED//REL TO USA TLP:AMBER',
        );
        const stored = await server.services.store.markings.currentEntryMarking(
          'kingpins-col',
          'K-1',
        );
        expect(stored?.tlp).toBe('AMBER');
      } finally {
        await browser.close();
        await server.close();
      }
    });
  }
});
