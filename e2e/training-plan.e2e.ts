import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, signIn, snapshot } from './support/browser.js';

const baseUrl = inject('baseUrl');
const browserAvailable = inject('browserAvailable');

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).first().click()]);
  return readFile((await file.path())!);
}

describe.skipIf(!browserAvailable)('the training plan of a seed programme, from generation to the sessions, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('generates the plan, shows the clash a move causes, approves it, downloads the guide, records attendance on a phone and subscribes to the calendar', { timeout: 300_000 }, async () => {
    const manager = await newContext(browser, baseUrl);
    const page = await manager.newPage();
    await signIn(page, 'manager@demo.taawon.ma');
    await page.goto('/programmes');
    await page.getByRole('link', { name: /Formation et accompagnement de 18 coopératives/ }).first().click();
    await page.getByRole('link', { name: 'Plan de formation' }).click();
    await page.getByRole('heading', { name: 'Plan de formation', level: 1 }).waitFor();
    const programmeId = /programmes\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    // Smaller groups than the approved version's, so that modules have several groups. The form first takes
    // the constraints of the version shown (at most 12 per group in the demo): wait for them, so that they
    // do not overwrite what is typed.
    const maxGroupSize = page.getByLabel('Taille maximale d’un groupe');
    await expect.poll(async () => maxGroupSize.inputValue(), { timeout: 60_000 }).toBe('12');
    await page.getByLabel('Taille minimale d’un groupe').fill('4');
    await maxGroupSize.fill('6');
    const generateForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Générer le plan' }) });
    await generateForm.getByRole('button', { name: 'Générer le plan' }).click();
    // Success, or the refusal said aloud — so that a failure names its cause.
    const outcome = generateForm.getByRole('status').or(generateForm.getByRole('alert'));
    await outcome.first().waitFor({ timeout: 60_000 });
    expect(await outcome.first().innerText()).toMatch(/Version \d+ générée/);

    // Move a cooperative to another group of its module: the page shows the clash at once — a group
    // outside its size bounds, or the cooperative in two sessions on one day, depending on the dates.
    const move = page.getByRole('combobox', { name: /^Déplacer .+ vers un autre groupe$/ }).or(page.getByRole('textbox', { name: /^Déplacer .+ vers un autre groupe$/ }));
    await move.first().waitFor();
    const conflicts = page.getByRole('region', { name: 'Conflits' }).first();
    const before = (await conflicts.count()) > 0 ? await conflicts.getByRole('listitem').count() : 0;
    await move.first().click();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.getByText(/1 modification non enregistrée/).waitFor();
    await conflicts.waitFor();
    await expect.poll(async () => conflicts.getByRole('listitem').count()).toBeGreaterThan(before);
    await expect.poll(async () => (await conflicts.innerText()).match(/dessous du minimum|dessus du maximum|plusieurs séances le|ont plusieurs séances|a plusieurs séances/) !== null).toBe(true);
    await snapshot(page, 'plan-clash');

    // The manager drops the move and approves the proposed version.
    await page.getByRole('button', { name: 'Annuler', exact: true }).click();
    await page.getByRole('button', { name: 'Approuver', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approuver', exact: true }).click();
    await page.getByText(/Version \d+ approuvée/).waitFor();

    // The training guide, in Arabic and in French, as PDF and DOCX.
    for (const name of ['Guide en PDF (français)', 'Guide en PDF (arabe)']) expect((await download(page, name)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const name of ['Guide en DOCX (français)', 'Guide en DOCX (arabe)']) expect((await download(page, name)).subarray(0, 2).toString('latin1')).toBe('PK');

    // Its trainings and workshops go into the calendar.
    await page.getByRole('button', { name: 'Créer les séances' }).click();
    await page.getByText(/séances? créées?\./).waitFor();
    await snapshot(page, 'plan-approved');
    const sessions = await page.evaluate(async (id) => (await fetch(`/api/sessions?programmeId=${id}&kind=training&status=planned`)).json(), programmeId);
    const sessionId = (sessions as Array<{ id: string }>)[0]!.id;

    // The trainer's attendance sheet, on a phone.
    const phone = await newContext(browser, baseUrl, { phone: true });
    const phonePage = await phone.newPage();
    await signIn(phonePage, 'manager@demo.taawon.ma');
    await phonePage.goto(`/sessions/${sessionId}`);
    await phonePage.getByRole('button', { name: 'Tous présents' }).click();
    const switches = phonePage.getByRole('switch', { name: /— Présent$/ });
    await switches.first().waitFor();
    expect(await switches.count()).toBeGreaterThan(1);
    await switches.first().click({ force: true });
    await phonePage.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await phonePage.getByText('Présences enregistrées').waitFor();
    await snapshot(phonePage, 'attendance-phone');
    const saved = await phonePage.evaluate(async (id) => (await fetch(`/api/sessions/${id}`)).json(), sessionId);
    const attendance = (saved as { attendance: Array<{ present: boolean }> }).attendance;
    expect(attendance.filter((row) => !row.present)).toHaveLength(1);
    expect(attendance.length).toBe(await switches.count());
    await phone.close();

    // The programme's calendar feed, to subscribe to.
    await page.goto(`/sessions?programmeId=${programmeId}`);
    await page.getByRole('button', { name: 'S’abonner au calendrier' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sessions du programme' }).click();
    const feedUrl = await page.getByRole('dialog').getByRole('textbox', { name: 'S’abonner au calendrier' }).inputValue();
    const feed = await (await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, baseUrl))).text();
    expect(feed).toContain('BEGIN:VCALENDAR');
    expect(feed).toContain('BEGIN:VEVENT');
    await manager.close();
  });
});
