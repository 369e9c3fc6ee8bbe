import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const demoPassword = 'Demo-Taawon-2026';
export const phoneViewport = { width: 390, height: 844 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function newContext(browser: Browser, baseURL: string, options: { phone?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: 'fr-MA',
    acceptDownloads: true,
    ...(options.phone ? { viewport: phoneViewport, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }),
  });
}

/** Screenshots of the journeys, for people to look at (git-ignored). */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync('screenshots/e2e', { recursive: true });
  await page.screenshot({ path: `screenshots/e2e/${name}.png`, fullPage: true });
}
