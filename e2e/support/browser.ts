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

/** Signs in through the sign-in page and waits for the registry, where everyone lands. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Registre des coopératives' }).waitFor();
}
