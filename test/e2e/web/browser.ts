/**
 * A real Chromium for the web application's end-to-end tests: Debian's `chromium` (or the
 * binary named by `PUENTE_CHROMIUM`), driven through playwright-core with a fresh profile, and
 * axe-core run inside the page.
 *
 * @module
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The Chromium binary the tests drive. */
export const CHROMIUM_PATH = process.env.PUENTE_CHROMIUM ?? '/usr/bin/chromium';

/** Whether that binary is installed. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Flags for a quiet, reproducible headless browser that calls nowhere on its own. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A launched browser and how to close it (removing its profile). */
export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh profile, the given locale (so the page's first language
 * follows it) and a laptop-sized window.
 *
 * @example
 * const browser = await launchBrowser('es-CO');
 */
export async function launchBrowser(locale: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'puente-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    locale,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One accessibility violation as axe reports it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core in the page and answers its serious and critical violations (an empty list when
 * the page passes).
 *
 * @example
 * expect(await seriousViolations(page)).toEqual([]);
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      })),
    )
  `);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Where screenshots go: `docs/screenshots` when `PUENTE_SCREENSHOTS=1` (to refresh the
 * documentation), else a temporary folder.
 */
export function screenshotDir(repositoryRoot: string): string {
  const dir =
    process.env.PUENTE_SCREENSHOTS === '1'
      ? join(repositoryRoot, 'docs', 'screenshots')
      : mkdtempSync(join(tmpdir(), 'puente-screens-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Whether the page fits its window's width (no sideways scrolling of the whole page). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
  );
}
