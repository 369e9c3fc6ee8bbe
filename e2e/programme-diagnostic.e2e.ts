import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, signIn, snapshot } from './support/browser.js';

const baseUrl = inject('baseUrl');
const browserAvailable = inject('browserAvailable');

/** Picks an option of a Mantine Select or MultiSelect found by its label. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('textbox', { name: label, exact: true }).or(page.getByRole('combobox', { name: label, exact: true })).first().click();
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

/** Checks a radio or a checkbox; the card re-renders when a draft save lands, and a click during it can be lost: tried again. */
async function checkInCard(input: Locator) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await input.check({ force: true, timeout: 5_000 });
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Answers one question card with a plausible middle answer, whatever its type. */
async function answer(card: Locator) {
  const levels = card.getByText('Niveau 3', { exact: true });
  if ((await levels.count()) > 0) return levels.first().click();
  const yes = card.getByRole('button', { name: 'Oui', exact: true });
  // A second click on a pressed answer would clear it.
  if ((await yes.count()) > 0) return (await yes.first().getAttribute('aria-pressed')) === 'true' ? undefined : yes.first().click();
  const number = card.locator('input[inputmode="decimal"]');
  if ((await number.count()) > 0) return number.first().fill('2');
  const radio = card.getByRole('radio');
  if ((await radio.count()) > 0) return checkInCard(radio.first());
  const checkbox = card.getByRole('checkbox');
  if ((await checkbox.count()) > 0) return checkInCard(checkbox.first());
  const text = card.getByRole('textbox').first();
  if ((await text.count()) > 0) return text.fill('Réponse notée lors de la visite.');
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).or(page.getByRole('link', { name: button })).first().click()]);
  return readFile((await file.path())!);
}

describe.skipIf(!browserAvailable)('a programme from set-up to the diagnostic report, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sets up a programme for young Souss-Massa cooperatives, enrols the eligible, diagnoses one on a phone and reports in French and Arabic', { timeout: 240_000 }, async () => {
    // The operator's admin sets the programme up, with the demo manager and consultant in its team.
    const admin = await newContext(browser, baseUrl);
    const page = await admin.newPage();
    await signIn(page, 'admin@demo.taawon.ma');
    await page.goto('/programmes/new');
    await page.getByLabel('Nom du programme (français)').fill('Jeunes coopératives du Souss-Massa 2027');
    await page.getByLabel('Code du programme').fill('JCSM-2027');
    await choose(page, 'Régions', 'Souss-Massa');
    await page.getByLabel('Date de début').fill('01/12/2026');
    await page.getByLabel('Durée (mois)').fill('24');
    await page.getByRole('button', { name: 'Proposer les cinq phases' }).click();
    await page.getByLabel('Âge maximal à l’inscription (mois)').fill('24');
    for (const [person, role] of [
      ['Youssef Amrani', 'Chef de projet'],
      ['Khadija Belhaj', 'Consultant'],
    ] as const) {
      await page.getByRole('button', { name: 'Ajouter une personne' }).click();
      const row = page.getByTestId('team-row').last();
      const personField = row.getByRole('combobox', { name: 'Personne' }).or(row.getByRole('textbox', { name: 'Personne' })).first();
      await personField.click();
      await personField.fill(person.split(' ')[0]!);
      await page.getByRole('option', { name: new RegExp(person) }).first().click();
      await row.getByRole('combobox', { name: 'Rôle dans le programme' }).or(row.getByRole('textbox', { name: 'Rôle dans le programme' })).first().click();
      await page.getByRole('option', { name: role, exact: true }).first().click();
    }
    await snapshot(page, 'programme-form-filled');
    await page.getByRole('button', { name: 'Créer le programme' }).click();
    await page.getByRole('heading', { name: 'Jeunes coopératives du Souss-Massa 2027' }).waitFor();
    await page.getByTestId('phase-timeline').waitFor();
    const programmeUrl = page.url();

    // Candidates of the territory: the older ones refused with their reasons, the others enrolled in bulk.
    await page.getByRole('link', { name: 'Inscrire des coopératives' }).click();
    await page.getByTestId('candidate-row').first().waitFor();
    const refused = page.locator('[data-testid="candidate-row"][data-eligible="false"]');
    await refused.first().waitFor();
    expect(await refused.count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => refused.first().getByTestId('eligibility-reasons').innerText()).toMatch(/l’âge maximal à l’inscription est de 24 mois/);
    await snapshot(page, 'enrolment-candidates');
    await page.getByLabel('Sélectionner les éligibles').check();
    await page.getByRole('button', { name: 'Inscrire la sélection' }).click();
    await page.getByRole('alert').or(page.getByRole('status')).first().waitFor();
    await page.goto(programmeUrl);
    const enrolled = page.getByTestId('enrolled-row');
    await enrolled.first().waitFor();
    expect(await enrolled.count()).toBeGreaterThanOrEqual(5);
    await admin.close();

    // The consultant diagnoses the first cooperative on a phone, over the domains, and submits.
    const phone = await newContext(browser, baseUrl, { phone: true });
    const consultant = await phone.newPage();
    await signIn(consultant, 'consultant@demo.taawon.ma');
    await consultant.goto(programmeUrl);
    await consultant.getByTestId('enrolled-row').first().getByRole('button', { name: 'Commencer le diagnostic' }).click();
    await consultant.waitForURL(/\/diagnostics\/[0-9a-f-]+/);
    const diagnosticUrl = consultant.url().split('?')[0]!;
    const saveState = () => consultant.getByTestId('save-status').getAttribute('data-state');
    const cards = consultant.getByTestId('question-card');
    let previousFirst: string | null = null;
    for (let domain = 1; domain <= 30; domain += 1) {
      // Wait for the next domain's questions to replace the previous ones before answering.
      await expect.poll(() => cards.first().getAttribute('data-question-key'), { timeout: 15_000 }).not.toBe(previousFirst);
      previousFirst = await cards.first().getAttribute('data-question-key');
      for (const card of await cards.all()) await answer(card);
      await expect.poll(saveState, { timeout: 15_000 }).toBe('saved');
      const next = consultant.getByRole('button', { name: 'Domaine suivant' });
      if (domain === 1) await snapshot(consultant, 'diagnostic-phone-first-domain');
      if ((await next.count()) === 0 || !(await next.isEnabled())) break;
      await next.click();
    }
    await consultant.getByRole('button', { name: 'Soumettre pour validation' }).click();
    await expect.poll(() => consultant.getByTestId('diagnostic-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('submitted');
    await snapshot(consultant, 'diagnostic-phone-submitted');
    await phone.close();

    // The programme manager validates it, opens the report and downloads it in Arabic and in French.
    const desk = await newContext(browser, baseUrl);
    const manager = await desk.newPage();
    await signIn(manager, 'manager@demo.taawon.ma');
    await manager.goto(diagnosticUrl);
    await manager.getByRole('button', { name: 'Valider', exact: true }).click();
    await manager.getByRole('button', { name: 'Confirmer la validation' }).click();
    await expect.poll(() => manager.getByTestId('diagnostic-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('validated');
    await manager.goto(`${diagnosticUrl}/report`);
    await manager.getByText('Jeunes coopératives du Souss-Massa 2027').first().waitFor();
    await snapshot(manager, 'diagnostic-report');
    for (const button of ['Télécharger le PDF (arabe)', 'Télécharger le PDF (français)']) {
      const pdf = await download(manager, button);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
    }
    await desk.close();
  });
});
