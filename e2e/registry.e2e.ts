import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, signIn, snapshot } from './support/browser.js';

const baseUrl = inject('baseUrl');
const browserAvailable = inject('browserAvailable');

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!browserAvailable)('registry journeys in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a programme manager signs in and finds a cooperative by its Arabic name', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, 'manager@demo.taawon.ma');
    await page.getByLabel('Rechercher').fill('أخفنير');
    await page.getByText('Coopérative Akhfennir de pêche artisanale').first().waitFor();
    await page.getByText('Coopérative Nour Akhfennir des femmes').first().waitFor();
    expect(await page.getByText('Coopérative Tah des éleveurs de chameaux').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('أخفنير');
    await snapshot(page, 'registry-search-arabic-name');
    await context.close();
  });

  it('a wrong field is named with its error in French, then in Arabic', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, 'manager@demo.taawon.ma');
    await page.goto('/cooperatives/new');
    await page.getByLabel('Nom (français)').fill('Coopérative Essai Formulaire');
    await chooseOption(page, 'Secteur', 'Pêche');
    await chooseOption(page, 'Province / préfecture', 'Tarfaya');
    await page.getByLabel('Nombre de membres').fill('5');
    await page.getByLabel('dont femmes').fill('9');
    await page.getByRole('button', { name: 'Enregistrer la coopérative' }).click();
    await page.getByText('Ne peut dépasser le nombre total de membres.').first().waitFor();
    expect(await page.getByLabel('dont femmes').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Nombre de membres').getAttribute('aria-invalid')).not.toBe('true');
    await snapshot(page, 'form-error-fr');

    await page.getByLabel('Langue').selectOption('ar');
    await page.locator('html[dir="rtl"]').waitFor();
    await page.getByText('لا يمكن أن يتجاوز العدد الإجمالي للأعضاء.').first().waitFor();
    await snapshot(page, 'form-error-ar');
    await page.getByLabel('اللغة').selectOption('fr');
    await page.locator('html[dir="ltr"]').waitFor();
    await context.close();
  });

  it('imports a messy Windows-1252 file and reports each bad row and duplicate', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, 'manager@demo.taawon.ma');
    await page.goto('/cooperatives/import');
    await page.getByLabel('Fichier à importer').setInputFiles('e2e/fixtures/messy-registry.csv');
    await page.getByRole('button', { name: 'Vérifier les données' }).waitFor();
    await page.getByText('Séparateur « ; »').waitFor();
    await snapshot(page, 'import-mapping');
    await page.getByRole('button', { name: 'Vérifier les données' }).click();

    const errors = page.getByRole('table', { name: 'Erreurs par ligne' });
    await errors.waitFor();
    const errorText = await errors.innerText();
    expect(errorText).toContain('Province ou préfecture inconnue.');
    expect(errorText).toContain('Ne peut dépasser le nombre total de membres.');
    expect(errorText).toContain('Indiquez le nom en français ou en arabe.');
    for (const line of ['4', '5', '6', '7']) expect(errorText).toMatch(new RegExp(`(^|\\s)${line}(\\s|$)`));
    const duplicates = await page.getByRole('table', { name: 'Doublons' }).innerText();
    expect(duplicates).toContain('Déjà au registre');
    expect(duplicates).toContain('Plus haut dans le fichier');
    await snapshot(page, 'import-preview');

    await page.getByRole('radio', { name: 'Importer les lignes valides' }).check();
    await page.getByRole('button', { name: /^Importer \d+ lignes?$/ }).click();
    await page.getByText('Import terminé').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-created').innerText()).toContain('2');
    await snapshot(page, 'import-summary');
    await page.goto('/cooperatives?q=Lalla%20Mimouna');
    await page.getByText('Coopérative Lalla Mimouna Safran').first().waitFor();
    await context.close();
  });

  it('reads a UTF-8 file with a byte order mark and Arabic province names', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, 'manager@demo.taawon.ma');
    await page.goto('/cooperatives/import');
    await page.getByLabel('Fichier à importer').setInputFiles('e2e/fixtures/bom-arabic-registry.csv');
    await page.getByRole('button', { name: 'Vérifier les données' }).click();
    const errors = await page.getByRole('table', { name: 'Erreurs par ligne' }).innerText();
    expect(errors).toContain('Date attendue');
    expect(errors).not.toContain('Province ou préfecture inconnue.');
    await context.close();
  });

  it('switches to Arabic and lays the page out right to left, also on a phone', async () => {
    const context = await newContext(browser, baseUrl, { phone: true });
    const page = await context.newPage();
    await signIn(page, 'consultant@demo.taawon.ma');
    await page.getByLabel('Langue').selectOption('ar');
    await page.getByRole('heading', { name: 'سجل التعاونيات' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await snapshot(page, 'registry-ar-phone');
    await page.getByLabel('اللغة').selectOption('fr');
    await page.getByRole('heading', { name: 'Registre des coopératives' }).waitFor();
    await context.close();
  });

  it('a cooperative representative sees only their cooperative', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, 'cooperative@demo.taawon.ma');
    await page.getByText('Coopérative Akhfennir de pêche artisanale').first().waitFor();
    await page.getByText('1 coopérative', { exact: true }).waitFor();
    expect(await page.getByText('Coopérative Tah des éleveurs de chameaux').count()).toBe(0);
    const response = await page.request.get('/api/cooperatives?pageSize=100');
    expect((await response.json()).total).toBe(1);
    await snapshot(page, 'registry-representative');
    await context.close();
  });

  it('a funder sees no phone number', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await signIn(page, 'funder@demo.taawon.ma');
    await page.getByText('Coopérative Akhfennir de pêche artisanale').first().click();
    await page.getByRole('heading', { name: 'Coopérative Akhfennir de pêche artisanale' }).waitFor();
    await page.getByRole('tab', { name: 'Membres' }).click();
    await page.getByText('seuls les effectifs sont affichés', { exact: false }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/0[5-7](?:[\s.]?\d){8}/);
    await snapshot(page, 'funder-members');
    await context.close();
  });
});
