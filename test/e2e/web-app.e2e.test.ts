/**
 * The web application in a real Chromium against a real server, once in Spanish and once in
 * English: sign-in → screen a name → batch-screen a CSV → ingest a newer publication → see what
 * changed and the entry's history → administration → verify the audit trail. axe-core checks
 * every page; screenshots of the main pages are taken (into docs/screenshots with
 * PUENTE_SCREENSHOTS=1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { en, type MessageKey } from '../../src/web/i18n/messages-en.js';
import { es } from '../../src/web/i18n/messages-es.js';
import {
  chromiumAvailable,
  CHROMIUM_PATH,
  fitsWidth,
  launchBrowser,
  screenshotDir,
  seriousViolations,
  type Browser,
} from './web/browser.js';
import {
  buildWebApp,
  NEWER_PUBLICATION,
  PASSWORD,
  REPOSITORY_ROOT,
  startWebServer,
  type WebServer,
} from './web/web-server.js';

const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

if (!chromiumAvailable) {
  console.warn(
    `web e2e: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set PUENTE_CHROMIUM); ` +
      (inCi ? 'required in CI.' : 'skipping the browser tests.'),
  );
}

const LANGUAGES = [
  { language: 'es', locale: 'es-CO', messages: es },
  { language: 'en', locale: 'en-US', messages: en },
] as const;

describe.skipIf(!chromiumAvailable && !inCi)('web application in Chromium', () => {
  let server: WebServer;
  const shots = screenshotDir(REPOSITORY_ROOT);

  beforeAll(async () => {
    expect(chromiumAvailable, `Chromium is required in CI (${CHROMIUM_PATH})`).toBe(true);
    buildWebApp();
    server = await startWebServer();
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  for (const { language, locale, messages } of LANGUAGES) {
    it(`runs the daily flow in ${language}`, { timeout: 300_000 }, async () => {
      const browser = await launchBrowser(locale);
      try {
        await dailyFlow(browser, server.url, language, messages, shots);
      } finally {
        await browser.close();
      }
    });
  }
});

type Messages = Readonly<Record<MessageKey, string>>;

async function dailyFlow(
  browser: Browser,
  url: string,
  language: string,
  m: Messages,
  shots: string,
): Promise<void> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const check = async (name: string) => {
    expect(await seriousViolations(page), `axe on ${name} (${language})`).toEqual([]);
    expect(await fitsWidth(page), `${name} fits the window (${language})`).toBe(true);
    await page.screenshot({ path: join(shots, `${language}-${name}.png`), fullPage: true });
  };

  // Sign-in, in the browser's language; the other language is one click away.
  await page.goto(url);
  expect(new URL(page.url()).pathname).toBe('/app/');
  await page.getByRole('heading', { name: m['login.title'] }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe(language);
  await check('sign-in');
  const other = language === 'es' ? en : es;
  await page.getByRole('button', { name: language === 'es' ? 'English' : 'Español' }).click();
  await page.getByRole('heading', { name: other['login.title'] }).waitFor();
  await page.getByRole('button', { name: language === 'es' ? 'Español' : 'English' }).click();
  await signIn(page, m, 'ana');

  // Screening: the analyst lands on the first page the role allows.
  await page.getByRole('heading', { name: m['screening.title'] }).waitFor();
  await page.getByLabel(m['screening.name']).fill('Juan Perez Gomez');
  await page.getByLabel(m['screening.dob']).fill('1971');
  await page.getByRole('button', { name: m['screening.submit'], exact: true }).click();
  const firstMatch = page.locator('ol.matches > li').first();
  await firstMatch.getByRole('link', { name: 'PEREZ GOMEZ, Juan' }).waitFor();
  const pairs = firstMatch.locator('table.token-table tbody tr');
  expect(await pairs.count()).toBeGreaterThanOrEqual(2);
  expect(await firstMatch.locator('.method-badge').first().textContent()).toBe(m['method.exact']);
  await expect.poll(() => firstMatch.locator('.facts').textContent()).toContain(m['fact.dob']);
  await check('screening');

  // Batch: a CSV with a match, a non-match and a row without a name.
  await page.getByRole('link', { name: m['nav.batch'] }).click();
  await page.getByLabel(m['batch.file']).setInputFiles({
    name: 'clientes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('nombre,ref\n"PEREZ GOMEZ, Juan",c-1\nNadie Conocido,c-2\n,c-3\n'),
  });
  await page.getByRole('button', { name: m['batch.submit'] }).click();
  const summary = page.getByText(
    m['batch.summary'].replace('{total}', '3').replace('{matched}', '1').replace('{failed}', '1'),
  );
  await summary.waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: m['batch.download'] }).click();
  const csv = readFileSync(await (await download).path(), 'utf8').split('\n');
  expect(csv[0]).toBe(
    'line,ref,name,status,match_count,best_entry_id,best_name,best_score,best_programs,matches,error',
  );
  expect(csv[1]).toMatch(/^1,c-1,"PEREZ GOMEZ, Juan",match,\d+,ofac-sdn:100,/);
  expect(csv[2]).toMatch(/^2,c-2,Nadie Conocido,no-match,0,/);
  expect(csv[3]).toMatch(/^3,c-3,,error,0,.*name/);
  expect(await page.locator('progress').count()).toBe(0);
  await check('batch');

  // Lists: ingest the newer publication (once; the second language finds it stored).
  await page.getByRole('link', { name: m['nav.lists'] }).click();
  await page.getByRole('heading', { name: m['lists.title'] }).waitFor();
  await page.getByRole('button', { name: 'ofac-sdn' }).waitFor();
  await page.getByLabel(m['upload.files']).setInputFiles(NEWER_PUBLICATION);
  await page.getByRole('button', { name: m['upload.submit'] }).click();
  const ingested = language === 'es' ? 'upload.created' : 'upload.known';
  await page.getByText(m[ingested].split('{')[0]!.trim()).waitFor();
  await check('lists');

  // The diff with the previous publication: added, removed, changed with the field highlighted.
  await page.getByRole('link', { name: m['lists.diffWithPrevious'].split('{')[0]!.trim() }).click();
  await page.getByRole('heading', { name: m['diff.title'] }).waitFor();
  await page.getByRole('link', { name: 'TORRES, Pedro' }).waitFor();
  await page.getByRole('link', { name: 'RODRIGUEZ, Maria' }).waitFor();
  const changed = page.locator('article.card', { hasText: 'PEREZ GOMEZ, Juan' });
  expect(await changed.locator('tbody th').first().textContent()).toBe(m['field.programs']);
  expect(await changed.locator('ins').textContent()).toContain('SDNTK');
  await check('diff');

  // The entry: every fact, aliases, documents, linked entries, history across publications.
  await page.getByRole('link', { name: 'PEREZ GOMEZ, Juan' }).click();
  await page.getByRole('heading', { name: 'PEREZ GOMEZ, Juan', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'JUANCHO' }).waitFor();
  await page.getByRole('cell', { name: '71980054' }).waitFor();
  const history = page.locator('section[aria-labelledby="history-heading"] tbody tr');
  expect(await history.count()).toBe(2);
  await check('entry');
  await page.goto(`${url}/app/lists/entries/ofac-sdn:200`);
  await page.getByRole('link', { name: 'PEREZ GOMEZ, Juan' }).click();
  await page.getByRole('heading', { name: 'PEREZ GOMEZ, Juan', level: 1 }).waitFor();

  // The analyst has no administration or audit pages.
  const nav = page.getByRole('navigation', { name: m['nav.label'] });
  expect(await nav.getByRole('link', { name: m['nav.admin'] }).count()).toBe(0);
  expect(await nav.getByRole('link', { name: m['nav.audit'] }).count()).toBe(0);
  await page.getByRole('button', { name: m['nav.signOut'] }).click();

  // Administration: a new reviewer account.
  await signIn(page, m, 'root');
  await page.getByRole('link', { name: m['nav.admin'] }).click();
  await page.getByRole('heading', { name: m['admin.title'] }).waitFor();
  const newUser = page.getByRole('form', { name: m['admin.newUser'] });
  await newUser.getByLabel(m['login.username']).fill(`revisor-${language}`);
  await newUser.getByLabel(m['admin.displayName']).fill(`Revisora ${language}`);
  await newUser.getByLabel(m['admin.firstPassword']).fill(PASSWORD);
  await newUser.getByLabel(m['role.reviewer']).check();
  await newUser.getByRole('button', { name: m['admin.createUser'] }).click();
  await page.getByRole('cell', { name: `revisor-${language}`, exact: true }).waitFor();
  await check('admin');
  await page.getByRole('button', { name: m['nav.signOut'] }).click();

  // Audit: the chain verifies, and the analyst's screenings are in the trail.
  await signIn(page, m, 'aud');
  await page.getByRole('link', { name: m['nav.audit'] }).click();
  const status = page.getByTestId('chain-status');
  await status.waitFor();
  expect(await status.textContent()).toContain(m['audit.intact'].split('{')[0]!.trim());
  await page.getByLabel(m['audit.action']).fill('screening.run');
  await page.getByRole('button', { name: m['audit.apply'] }).click();
  await expect
    .poll(async () => new Set(await page.locator('tbody td:nth-child(4)').allTextContents()))
    .toEqual(new Set(['screening.run']));
  await check('audit');

  // A tablet in portrait: the same page still fits.
  await page.setViewportSize({ width: 768, height: 1024 });
  expect(await fitsWidth(page)).toBe(true);
  await page.screenshot({ path: join(shots, `${language}-audit-tablet.png`) });
  expect(errors).toEqual([]);
}

async function signIn(page: Page, m: Messages, username: string): Promise<void> {
  await page.getByRole('heading', { name: m['login.title'] }).waitFor();
  await page.getByLabel(m['login.username']).fill(username);
  await page.getByLabel(m['login.password'], { exact: true }).fill(PASSWORD);
  // Keyboard only: Enter in the form signs in.
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: m['nav.signOut'] }).waitFor();
}
