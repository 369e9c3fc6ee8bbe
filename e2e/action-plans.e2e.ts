import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, signIn, snapshot } from './support/browser.js';

const baseUrl = inject('baseUrl');
const browserAvailable = inject('browserAvailable');

/** The demo representative's cooperative (LAA-007), whose agreed plan the global set-up removed. */
const cooperativeName = 'Coopérative Akhfennir de pêche artisanale';

async function signedInPage(browser: Browser, email: string, options: { phone?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser, baseUrl, options);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** An amount as the pages print it ("1 234 MAD", with narrow or plain spaces), as a number. */
function amountOf(text: string): number {
  return Number(text.replace(/[^\d,.-]/g, '').replace(/[.\s]/g, '').replace(',', '.'));
}

describe.skipIf(!browserAvailable)('a cooperative’s action plan, from its diagnostic to its follow-up and its financing, in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('drafts the plan, adds an indicator, has it accepted, follows it up on a phone, reminds the consultant and finances an action', { timeout: 300_000 }, async () => {
    // The consultant drafts the plan from the cooperative's validated diagnostic.
    const consultant = await signedInPage(browser, 'consultant@demo.taawon.ma');
    await consultant.goto('/programmes');
    await consultant.getByRole('link', { name: /Formation et accompagnement de 18 coopératives/ }).first().click();
    await consultant.getByRole('link', { name: 'Plans d’action' }).click();
    await consultant.getByRole('heading', { name: 'Plans d’action', level: 1 }).waitFor();
    await consultant.getByRole('button', { name: 'Rédiger le plan' }).click();
    await consultant.getByRole('heading', { name: cooperativeName, level: 1 }).waitFor();
    const planUrl = consultant.url();
    const actions = consultant.getByTestId('plan-action');
    await actions.first().waitFor();
    expect(await actions.count()).toBeGreaterThanOrEqual(2);

    // A performance indicator on the first action, with its baseline and target.
    const first = actions.first();
    await first.getByRole('button', { name: /^Détails/ }).click();
    await first.getByRole('button', { name: 'Indicateur', exact: true }).click();
    const dialog = consultant.getByRole('dialog');
    await dialog.getByText('Performance (résultat)').click();
    await dialog.getByRole('textbox', { name: /^Indicateur/ }).fill('Clients réguliers à Tarfaya');
    await dialog.getByRole('textbox', { name: /^Unité/ }).fill('clients');
    await dialog.getByLabel('Valeur de départ').fill('4');
    await dialog.getByRole('textbox', { name: /^Cible/ }).fill('12');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await first.getByText('Clients réguliers à Tarfaya').waitFor();
    await snapshot(consultant, 'action-plan-drafted');

    // The cooperative's representative reads it and accepts it.
    const representative = await signedInPage(browser, 'cooperative@demo.taawon.ma');
    await representative.goto(planUrl);
    await representative.getByRole('button', { name: 'Accepter le plan' }).click();
    await representative.getByRole('dialog').getByRole('button', { name: 'Accepter le plan' }).click();
    await representative.getByText('Acceptée dans Taawon').waitFor();
    await snapshot(representative, 'action-plan-accepted');

    // A remote follow-up on a phone: two actions move on, the new indicator gets a value.
    const phone = await signedInPage(browser, 'consultant@demo.taawon.ma', { phone: true });
    await phone.goto(planUrl);
    await phone.getByRole('link', { name: 'Saisir un suivi' }).or(phone.getByRole('button', { name: 'Saisir un suivi' })).first().click();
    await phone.getByRole('button', { name: 'Enregistrer le suivi' }).waitFor();
    await phone.getByLabel('Canal').selectOption({ label: 'Téléphone' }).catch(() => undefined);
    const discussed = phone.getByRole('switch', { name: 'Abordée lors de ce suivi' });
    await discussed.nth(0).check({ force: true });
    await discussed.nth(1).check({ force: true });
    const statuses = phone.getByLabel('Statut', { exact: true });
    await statuses.nth(0).selectOption({ label: 'En cours' });
    await statuses.nth(1).selectOption({ label: 'Réalisée' });
    await phone.getByLabel('Prochaines étapes').first().fill('Envoyer les factures du mois au consultant.');
    await phone.getByLabel('Nouvelle valeur (clients)').fill('7');
    await phone.getByLabel('Synthèse de l’échange').fill('Appel avec la présidente : deux actions avancent, sept clients réguliers.');
    await phone.getByRole('button', { name: 'Enregistrer le suivi' }).click();
    await phone.waitForURL(/\/follow-ups\/[0-9a-f-]{36}$/);
    await phone.getByText('Confirmé', { exact: true }).first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await snapshot(phone, 'follow-up-recorded-phone');

    // The plan shows the two actions moved and the indicator's value.
    await consultant.goto(planUrl);
    await consultant.getByTestId('plan-action').first().waitFor();
    await expect.poll(async () => consultant.getByTestId('plan-action').getByText('Réalisée', { exact: true }).count()).toBeGreaterThan(0);
    await consultant.getByTestId('plan-action').first().getByRole('button', { name: /^Détails/ }).click();
    await consultant.getByText('Dernière valeur : 7').waitFor();

    // The consultant's overdue follow-ups.
    await consultant.goto('/follow-ups');
    await consultant.getByRole('tab', { name: /En retard/ }).click();
    const lateRow = consultant.getByRole('tabpanel').getByText(/jours? de retard/).first();
    await lateRow.waitFor();
    const overdue = (await consultant.evaluate(async () => (await fetch('/api/follow-ups/due?scope=overdue')).json())) as { items: Array<{ cooperativeNameFr: string }> };
    const lateCooperative = overdue.items[0]!.cooperativeNameFr;
    await consultant.getByRole('tabpanel').getByText(lateCooperative).first().waitFor();
    await snapshot(consultant, 'follow-ups-overdue');

    // Their reminder, in the outbox.
    const manager = await signedInPage(browser, 'manager@demo.taawon.ma');
    await manager.goto('/admin/outbox');
    await manager.getByRole('button', { name: 'Envoyer les rappels maintenant' }).click();
    await manager.getByText('consultant@demo.taawon.ma').first().waitFor();
    await manager.getByRole('button', { name: /suivis? en retard à enregistrer/ }).or(manager.getByRole('link', { name: /suivis? en retard à enregistrer/ })).first().click();
    const mail = manager.getByRole('dialog');
    await mail.getByRole('tab', { name: 'Texte' }).click();
    await mail.getByText(lateCooperative, { exact: false }).first().waitFor();
    await snapshot(manager, 'outbox-reminder');
    await manager.keyboard.press('Escape');

    // Money committed, then disbursed, on an action of the plan: the balances move.
    await manager.goto(planUrl);
    const financed = manager.getByTestId('plan-action').first();
    await financed.getByRole('button', { name: /^Détails/ }).click();
    const financing = financed.getByTestId('action-financing');
    await financing.waitFor();
    const committedBefore = amountOf(await financing.getByTestId('action-committed').innerText());
    await financing.getByRole('button', { name: 'Engager' }).click();
    const form = manager.getByRole('form', { name: 'Engager un montant' });
    await form.getByLabel(/^Ligne budgétaire/).click();
    await manager.getByRole('option', { name: /Financement des plans d’action/ }).first().click();
    const available = amountOf(await form.getByTestId('line-available').innerText());
    await form.getByRole('textbox', { name: /^Montant \(MAD\)/ }).fill('5000');
    await form.getByLabel('Référence (convention, bon de commande)').fill('CONV-E2E-1');
    await form.getByRole('button', { name: 'Engager', exact: true }).click();
    await expect.poll(async () => amountOf(await financing.getByTestId('action-committed').innerText())).toBe(committedBefore + 5000);
    await financing.getByRole('button', { name: 'Décaisser' }).first().click();
    await manager.getByRole('textbox', { name: /^Montant \(MAD\)/ }).last().fill('2000');
    await manager.getByRole('button', { name: 'Enregistrer le décaissement' }).click();
    await expect.poll(async () => amountOf(await financing.getByTestId('action-disbursed').innerText())).toBeGreaterThanOrEqual(2000);

    // The line's available balance has moved by what was committed.
    await financing.getByRole('button', { name: 'Engager' }).click();
    await form.getByLabel(/^Ligne budgétaire/).click();
    await manager.getByRole('option', { name: /Financement des plans d’action/ }).first().click();
    await expect.poll(async () => amountOf(await form.getByTestId('line-available').innerText())).toBe(available - 5000);
    await form.getByRole('button', { name: 'Annuler' }).click();
    await snapshot(manager, 'financing-after');
  });
});
