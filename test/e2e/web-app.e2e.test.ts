/**
 * The web application in a real Chromium against a real server, once in Spanish and once in
 * English: sign-in → screen a name → batch-screen a CSV → ingest a newer publication → see what
 * changed and the entry's history → administration → verify the audit trail. axe-core checks
 * every page; screenshots of the main pages are taken (into docs/screenshots with
 * PUENTE_SCREENSHOTS=1).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

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
  const shots = screenshotDir(REPOSITORY_ROOT);

  beforeAll(() => {
    expect(chromiumAvailable, `Chromium is required in CI (${CHROMIUM_PATH})`).toBe(true);
    buildWebApp();
  }, 180_000);

  // Each language gets its own server and store, so each sees the newer publication arrive.
  for (const { language, locale, messages } of LANGUAGES) {
    it(`runs the daily flow in ${language}`, { timeout: 300_000 }, async () => {
      const server = await startWebServer();
      const browser = await launchBrowser(locale);
      try {
        await dailyFlow(browser, server, language, messages, shots);
      } catch (error) {
        const page = browser.context.pages().at(-1);
        const path = join(tmpdir(), `puente-web-failure-${language}.png`);
        await page?.screenshot({ path, fullPage: true }).catch(() => undefined);
        console.error(`web e2e (${language}) failed on ${page?.url() ?? '?'}; screenshot: ${path}`);
        throw error;
      } finally {
        await browser.close();
        await server.close();
      }
    });
  }
});

type Messages = Readonly<Record<MessageKey, string>>;

async function dailyFlow(
  browser: Browser,
  server: WebServer,
  language: string,
  m: Messages,
  shots: string,
): Promise<void> {
  const url = server.url;
  const monitoring = await hasMonitoringRoutes(url);
  if (!monitoring) {
    console.warn(
      'web e2e: the server has no /alerts routes; the portfolio and alert steps are skipped',
    );
  }
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
  await renewPassword(page, m, 'ana');
  await page.getByRole('link', { name: m['nav.screening'], exact: true }).click();

  // Screening, the first page of the analyst's navigation.
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

  if (monitoring) {
    // Portfolio: a new one, and an import with a column mapping, checked first.
    await page.getByRole('link', { name: m['nav.portfolios'] }).click();
    const newPortfolio = page.getByRole('form', { name: m['portfolios.new'] });
    await newPortfolio.getByLabel(m['portfolios.name']).fill('Clientes');
    await newPortfolio.getByRole('button', { name: m['admin.create'] }).click();
    await page.getByRole('cell', { name: 'Clientes', exact: true }).waitFor();
    // Three customers from a CSV whose columns the page cannot guess: mapped by hand. The third
    // row has no name; the check reports it by line and stores nothing, the import the other two.
    const importer = page.locator('section[aria-labelledby="import-heading"]');
    await importer.getByLabel(m['batch.file']).setInputFiles({
      name: 'cartera.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'codigo_cliente,tipo_persona,nombre_completo,nacimiento\n' +
          'C-1,person,Pedro Torres,1980\nC-2,person,Lucia Mendez,1990\nC-3,person,,1975\n',
      ),
    });
    const mapped = importer.getByRole('group', { name: m['import.mapping'] });
    await mapped.getByLabel(m['import.externalId']).selectOption('codigo_cliente');
    await mapped.getByLabel(m['import.kind']).selectOption('tipo_persona');
    // A wrapping label's text runs on into its options: match the label's first word alone.
    await mapped
      .getByLabel(new RegExp(`^${m['screening.name']}(?!\\p{L})`, 'u'))
      .selectOption('nombre_completo');
    await mapped.getByLabel(m['screening.dob']).selectOption('nacimiento');
    await importer.getByRole('button', { name: m['import.check'] }).click();
    const errorRows = importer.getByRole('table', { name: m['import.errors'] }).locator('tbody tr');
    await errorRows.first().waitFor();
    expect(await errorRows.count()).toBe(1);
    expect((await errorRows.locator('td').allTextContents()).slice(0, 2)).toEqual(['4', 'name']);
    await importer.getByRole('button', { name: m['import.submit'], exact: true }).click();
    const done = m['import.done']
      .replace('{imported}', '2')
      .replace('{rows}', '3')
      .replace('{invalid}', '1')
      .split('{alerts}');
    await importer.getByText(done[0]!).waitFor();
    await check('portfolios');
  }

  // Lists: ingest the newer publication.
  await page.getByRole('link', { name: m['nav.lists'] }).click();
  await page.getByRole('heading', { name: m['lists.title'] }).waitFor();
  await page.getByRole('button', { name: 'ofac-sdn' }).waitFor();
  await page.getByLabel(m['upload.files']).setInputFiles(NEWER_PUBLICATION);
  await page.getByRole('button', { name: m['upload.submit'] }).click();
  await page.getByText(m['upload.created'].split('{')[0]!.trim()).waitFor();
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

  let alertUrl = '';
  if (monitoring) {
    // The new publication lists Pedro Torres: an alert. The analyst proposes clearing it.
    // The ingest queued a delta re-screen of the portfolios by itself: the alert page shows it
    // once that run is done.
    await page.getByRole('link', { name: m['nav.alerts'] }).click();
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { name: m['alerts.title'] }).waitFor();
          return page.getByRole('row', { name: /TORRES, Pedro/ }).count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await check('alerts');
    await page
      .getByRole('row', { name: /TORRES, Pedro/ })
      .getByRole('link')
      .click();
    await page.getByRole('table', { name: m['alerts.sideBySide'] }).waitFor();
    await page.getByRole('button', { name: m['alerts.startReview'] }).click();
    const propose = page.getByRole('form', { name: m['alerts.propose'] });
    await propose.getByLabel(m['alerts.clear']).check();
    await propose
      .getByLabel(m['alerts.reason'])
      .fill('Otra persona: fecha de nacimiento distinta.');
    await propose.getByRole('button', { name: m['alerts.propose'] }).click();
    await page.getByText(m['alerts.secondReviewer']).waitFor();
    await check('alert-review');
    alertUrl = page.url();
  }

  // The analyst has no administration or audit pages.
  const nav = page.getByRole('navigation', { name: m['nav.label'] });
  expect(await nav.getByRole('link', { name: m['nav.admin'] }).count()).toBe(0);
  expect(await nav.getByRole('link', { name: m['nav.audit'] }).count()).toBe(0);
  await page.getByRole('button', { name: m['nav.signOut'] }).click();

  if (monitoring) {
    // A second reviewer approves: the alert is cleared.
    await signIn(page, m, 'rev');
    await page.goto(alertUrl);
    const approval = page.getByRole('form', { name: m['alerts.approval'] });
    await approval.getByLabel(m['alerts.reason']).fill('De acuerdo: no es la persona listada.');
    await approval.getByRole('button', { name: m['alerts.approve'] }).click();
    await page.getByText(m['alerts.decided'].split('{')[0]!.trim()).waitFor();
    // The evidence pack of the decided alert, in the page's language.
    const pack = page.waitForEvent('download');
    await page.getByRole('link', { name: m['alerts.evidencePdf'] }).click();
    expect(
      readFileSync(await (await pack).path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.getByRole('button', { name: m['nav.signOut'] }).click();
  }

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
  // A service account and a key: the organization's key list shows it, never its secret, and
  // revokes it.
  const newAccount = page.getByRole('form', { name: m['admin.newServiceAccount'] });
  await newAccount.getByLabel(m['admin.serviceAccountName']).fill('core-bancario');
  await newAccount.getByRole('button', { name: m['admin.create'] }).click();
  const issue = page.getByRole('form', { name: m['admin.issueKey'] });
  await issue.getByLabel(m['admin.keyName']).fill('produccion');
  await issue.getByLabel(m['permission.list.read']).check();
  await issue.getByRole('button', { name: m['admin.issue'] }).click();
  const secret = (await page.locator('code.secret').first().textContent()) ?? '';
  expect(secret.length).toBeGreaterThan(20);
  const keyRow = page
    .getByRole('table', { name: m['admin.apiKeys'] })
    .getByRole('row', { name: /produccion/ });
  await keyRow.getByRole('cell', { name: 'core-bancario', exact: true }).waitFor();
  expect(await keyRow.textContent()).not.toContain(secret);
  await keyRow.getByRole('cell', { name: m['admin.never'], exact: true }).waitFor();
  await keyRow
    .getByRole('button', { name: m['admin.revoke'].replace('{name}', 'produccion') })
    .click();
  await keyRow.getByRole('cell', { name: m['admin.keyRevoked'], exact: true }).waitFor();
  await check('admin');
  await page.getByRole('button', { name: m['nav.signOut'] }).click();

  // Audit: the chain verifies, and the analyst's screenings are in the trail.
  // The auditor's account was created by an administrator: a new password first.
  await signIn(page, m, 'aud');
  await renewPassword(page, m, 'aud');
  expect(await page.getByText(m['password.required']).count()).toBe(0);
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

/** Answers the request for a new password, then signs in again with it. */
async function renewPassword(page: Page, m: Messages, username: string): Promise<void> {
  await page.getByText(m['password.required']).waitFor();
  await page.getByRole('link', { name: m['nav.password'] }).first().click();
  await page.getByLabel(m['password.current']).fill(PASSWORD);
  await page.getByLabel(m['password.next'], { exact: true }).fill(`${PASSWORD} renewed`);
  await page.getByLabel(m['password.again']).fill(`${PASSWORD} renewed`);
  await page.getByRole('button', { name: m['password.submit'] }).click();
  await signIn(page, m, username, `${PASSWORD} renewed`);
}

async function signIn(
  page: Page,
  m: Messages,
  username: string,
  password = PASSWORD,
): Promise<void> {
  await page.getByRole('heading', { name: m['login.title'] }).waitFor();
  await page.getByLabel(m['login.username']).fill(username);
  await page.getByLabel(m['login.password'], { exact: true }).fill(password);
  // Keyboard only: Enter in the form signs in.
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: m['nav.signOut'] }).waitFor();
}

/** Whether the server offers the monitoring routes (portfolios, alerts). */
async function hasMonitoringRoutes(url: string): Promise<boolean> {
  const document = (await (await fetch(`${url}/openapi.json`)).json()) as {
    paths?: Record<string, unknown>;
  };
  return document.paths?.['/alerts'] !== undefined && document.paths['/portfolios'] !== undefined;
}
