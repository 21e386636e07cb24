/** Headless Chromium for the HTML tests: a browser, pages that count external requests, and axe-core. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './paths.js';

/** Starts the system Chromium without network side channels. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Opens a file, counting every request that is not for a data: or file: URL, and every dialog. */
export async function openPage(browser: Browser, path: string, width: number): Promise<{ page: Page; external: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const external: string[] = [];
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!/^(data|file):/.test(url)) {
      external.push(url);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`file://${path}`, { waitUntil: 'load' });
  return { page, external, dialogs };
}

/** The axe-core violations (WCAG 2.1 A/AA and best practice) on a page, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 200)).join(' | ')}`);
  });
}
