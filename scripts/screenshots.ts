/**
 * Screenshots of every page of the web app in French, in Arabic (right to
 * left) and at phone width, to look at after a change.
 *
 *   npx tsx scripts/screenshots.ts            # against http://localhost:3101
 *   BASE_URL=http://localhost:3200 ONLY=registry npx tsx scripts/screenshots.ts
 *   PATHS='plan=/action-plans/<id>,due=/follow-ups' AS=consultant@demo.taawon.ma npx tsx scripts/screenshots.ts
 *
 * PATHS shoots only the pages it names (name=path, comma-separated), signed in as AS (default: the admin).
 *
 * Needs a running server with the demo loaded and the web app built
 * (`npx vite build`), and Debian's Chromium at /usr/bin/chromium (or CHROMIUM).
 * Images go to screenshots/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const baseUrl = process.env.BASE_URL ?? 'http://localhost:3101';
const outDir = join(process.cwd(), 'screenshots');
const only = process.env.ONLY;
const password = process.env.DEMO_PASSWORD ?? 'Demo-Taawon-2026';
const importFile = join(process.cwd(), 'e2e/fixtures/messy-registry.csv');

type Language = 'fr' | 'ar' | 'en';
interface Variant {
  name: string;
  language: Language;
  width: number;
  height: number;
}

const variants: Variant[] = [
  { name: 'fr', language: 'fr', width: 1366, height: 900 },
  { name: 'ar', language: 'ar', width: 1366, height: 900 },
  { name: 'fr-phone', language: 'fr', width: 390, height: 844 },
  { name: 'ar-phone', language: 'ar', width: 390, height: 844 },
];

const problems: string[] = [];

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'), undefined, { timeout: 10_000 }).catch(() => undefined);
  const file = join(outDir, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  // A raw key on screen ("registry.title") means a missing translation.
  const rawKeys = await page.evaluate(() =>
    [...document.body.innerText.matchAll(/(?<![\w-])(?:ui|nav|registry|cooperative|form|members|history|import|users|fields|issues|errors|roles|sectors|statuses|pages|auth|footer|programmes|enrolment|eligibility|organisations|frameworks|diagnostics|reports|needs|training|sessions|trainers|planEditing|guide|actionPlans|actionPlanDocument|followUp|reminders|financing|indicators)\.[a-zA-Z_.]+\b/g)].map((match) => match[0]),
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  if (rawKeys.length > 0) problems.push(`${name}: untranslated ${[...new Set(rawKeys)].join(', ')}`);
  if (overflow) problems.push(`${name}: the page scrolls sideways`);
  console.log(`  ${file}`);
}

async function setLanguage(page: Page, language: Language) {
  const switcher = page.getByRole('combobox', { name: /^(Langue|اللغة|Language)$/ }).first();
  await switcher.selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: /Adresse e-mail|البريد الإلكتروني|E-mail address/ }).fill(email);
  await page.getByLabel(/^(Mot de passe|كلمة المرور|Password)/).first().fill(password);
  await page.getByRole('button', { name: /^(Se connecter|دخول|Sign in)$/ }).click();
  await page.waitForURL(/\/cooperatives/);
}

async function firstCooperativeId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/api/cooperatives?pageSize=1&sort=name');
    const body = (await response.json()) as { items: Array<{ id: string }> };
    return body.items[0]?.id ?? '';
  });
}

async function run(browser: Browser, variant: Variant) {
  const context = await browser.newContext({ viewport: { width: variant.width, height: variant.height }, locale: variant.language === 'ar' ? 'ar-MA' : 'fr-FR' });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${variant.name}: page error ${error.message}`));
  page.on('console', (message) => {
    // The session check answers 401 before signing in, and a wrong password too: expected.
    if (message.type() === 'error' && !message.text().includes('401')) problems.push(`${variant.name}: console ${message.text()}`);
  });
  const prefix = (name: string) => `${name}.${variant.name}`;
  const wants = (part: string) => !only || only.split(',').includes(part);

  // Signed out: the sign-in page, its switcher, and a refused password.
  await page.goto(`${baseUrl}/sign-in`);
  await setLanguage(page, variant.language);
  if (wants('sign-in')) {
    await shot(page, prefix('01-sign-in'));
    await page.getByRole('textbox').first().fill('admin@demo.taawon.ma');
    await page.getByLabel(/^(Mot de passe|كلمة المرور|Password)/).first().fill('wrong-password');
    await page.getByRole('button', { name: /^(Se connecter|دخول|Sign in)$/ }).click();
    await page.getByRole('alert').waitFor();
    await shot(page, prefix('02-sign-in-error'));
  }

  await signIn(page, process.env.AS ?? 'admin@demo.taawon.ma');
  await setLanguage(page, variant.language);
  if (process.env.PATHS) {
    for (const entry of process.env.PATHS.split(',')) {
      const [name, path] = entry.split(/=(.*)/);
      await page.goto(`${baseUrl}${path}`);
      await shot(page, prefix(name!));
    }
    await context.close();
    return;
  }
  const cooperativeId = await firstCooperativeId(page);

  if (wants('registry')) {
    await page.goto(`${baseUrl}/cooperatives`);
    await page.getByRole('link', { name: /./ }).first().waitFor();
    await shot(page, prefix('10-registry'));
    await page.goto(`${baseUrl}/cooperatives?regionCode=09&sector=agriculture&sort=membersTotal&order=desc`);
    await shot(page, prefix('11-registry-filtered'));
    await page.goto(`${baseUrl}/cooperatives?q=zzzzzz`);
    await shot(page, prefix('12-registry-empty'));
    if (variant.width < 600) {
      await page.goto(`${baseUrl}/cooperatives`);
      await page.getByRole('button', { name: /^(Ouvrir le menu|فتح القائمة|Open the menu)$/ }).click();
      await shot(page, prefix('13-menu-open'));
    } else {
      await page.getByRole('button', { name: /^(Mon compte|حسابي|My account)$/ }).click();
      await page.getByRole('menu').waitFor();
      await shot(page, prefix('13-user-menu'));
      await page.keyboard.press('Escape');
    }
  }

  if (wants('detail') && cooperativeId) {
    await page.goto(`${baseUrl}/cooperatives/${cooperativeId}`);
    await shot(page, prefix('20-detail'));
    await page.goto(`${baseUrl}/cooperatives/${cooperativeId}?tab=members`);
    await shot(page, prefix('21-detail-members'));
    await page.goto(`${baseUrl}/cooperatives/${cooperativeId}?tab=history`);
    await shot(page, prefix('22-detail-history'));
  }

  if (wants('form')) {
    await page.goto(`${baseUrl}/cooperatives/new`);
    await shot(page, prefix('30-form-new'));
    await page.getByRole('button', { name: /^(Enregistrer la coopérative|تسجيل التعاونية|Save the cooperative)$/ }).click();
    await page.getByRole('alert').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, prefix('31-form-errors'));
    if (cooperativeId) {
      await page.goto(`${baseUrl}/cooperatives/${cooperativeId}/edit`);
      await shot(page, prefix('32-form-edit'));
    }
  }

  if (wants('import')) {
    await page.goto(`${baseUrl}/cooperatives/import`);
    await shot(page, prefix('40-import-upload'));
    await page.getByLabel(/^(Fichier à importer|الملف المراد استيراده|File to import)$/).setInputFiles(importFile);
    const mapped = await page
      .getByRole('button', { name: /^(Vérifier les données|التحقق من المعطيات|Check the data)$/ })
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (mapped) {
      await shot(page, prefix('41-import-mapping'));
      await page.getByRole('button', { name: /^(Vérifier les données|التحقق من المعطيات|Check the data)$/ }).click();
      await page.getByRole('radio').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      await shot(page, prefix('42-import-preview'));
    } else {
      await shot(page, prefix('41-import-upload-failed'));
    }
  }

  if (wants('users')) {
    await page.goto(`${baseUrl}/admin/users`);
    await shot(page, prefix('50-users'));
    const userId = await page.evaluate(async () => {
      const users = (await (await fetch('/api/users')).json()) as Array<{ id: string; email: string }>;
      return users.find((user) => user.email.startsWith('cooperative@'))?.id ?? '';
    });
    await page.goto(`${baseUrl}/admin/users/${userId}`);
    await shot(page, prefix('51-user-detail'));
  }

  const demo = await page.evaluate(async () => {
    const programmes = (await (await fetch('/api/programmes')).json()) as Array<{ id: string; code: string }>;
    const programme = programmes.find((item) => item.code === 'INJAZ-LSH-18') ?? programmes[0];
    const frameworks = (await (await fetch('/api/frameworks')).json().catch(() => [])) as Array<{ id: string; isDefault: boolean }>;
    const diagnostic = (await (
      await fetch(`/api/programmes/${programme?.id}/needs/heatmap?kind=baseline&pageSize=1&sort=name`)
    )
      .json()
      .catch(() => ({ rows: [] }))) as { rows?: Array<{ diagnosticId: string }> };
    return { programmeId: programme?.id ?? '', frameworkId: frameworks.find((item) => item.isDefault)?.id ?? '', diagnosticId: diagnostic.rows?.[0]?.diagnosticId ?? '' };
  });

  if (wants('programmes') && demo.programmeId) {
    await page.goto(`${baseUrl}/programmes`);
    await shot(page, prefix('70-programmes'));
    await page.goto(`${baseUrl}/programmes/${demo.programmeId}`);
    await shot(page, prefix('71-programme'));
    await page.goto(`${baseUrl}/programmes/${demo.programmeId}/edit`);
    await shot(page, prefix('72-programme-edit'));
    await page.goto(`${baseUrl}/programmes/${demo.programmeId}/enrolment`);
    await shot(page, prefix('73-enrolment'));
    await page.goto(`${baseUrl}/organisations`);
    await shot(page, prefix('74-organisations'));
  }

  if (wants('diagnostics') && demo.diagnosticId) {
    await page.goto(`${baseUrl}/diagnostics/${demo.diagnosticId}`);
    await shot(page, prefix('80-diagnostic'));
    await page.goto(`${baseUrl}/diagnostics/${demo.diagnosticId}/report`);
    await shot(page, prefix('81-diagnostic-report'));
    await page.goto(`${baseUrl}/programmes/${demo.programmeId}/needs`);
    await shot(page, prefix('82-programme-needs'));
  }

  if (wants('frameworks') && demo.frameworkId) {
    await page.goto(`${baseUrl}/frameworks`);
    await shot(page, prefix('90-frameworks'));
    await page.goto(`${baseUrl}/frameworks/${demo.frameworkId}`);
    await shot(page, prefix('91-framework-editor'));
  }

  if (wants('training')) {
    await page.goto(`${baseUrl}/training/modules`);
    await shot(page, prefix('92-catalogue'));
    const moduleId = await page.evaluate(async () => {
      const modules = (await (await fetch('/api/training/modules')).json()) as Array<{ id: string }> | { items: Array<{ id: string }> };
      return (Array.isArray(modules) ? modules : modules.items)[0]?.id ?? '';
    });
    if (moduleId) {
      await page.goto(`${baseUrl}/training/modules/${moduleId}`);
      await shot(page, prefix('93-module'));
    }
  }

  if (wants('plan')) {
    const programmeId = await page.evaluate(async () => {
      const body = (await (await fetch('/api/programmes')).json()) as Array<{ id: string; code: string }> | { items: Array<{ id: string; code: string }> };
      return (Array.isArray(body) ? body : body.items).find((programme) => programme.code === 'INJAZ-LSH-18')?.id ?? '';
    });
    if (programmeId) {
      await page.goto(`${baseUrl}/programmes/${programmeId}/plan`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('button', { name: /^(Formateurs et indisponibilités|المكونون وفترات عدم التوفر|Trainers and unavailability)/ }).first().click();
      await shot(page, prefix('95-plan'));
    }
  }

  if (wants('sessions')) {
    await page.goto(`${baseUrl}/sessions`);
    await shot(page, prefix('94-sessions'));
  }

  if (wants('misc')) {
    await page.goto(`${baseUrl}/nowhere`);
    await shot(page, prefix('60-not-found'));
  }

  // Put the account back in French for the next run.
  await setLanguage(page, 'fr');
  await context.close();

  if (wants('funder') && cooperativeId) {
    const funderContext = await browser.newContext({ viewport: { width: variant.width, height: variant.height } });
    const funderPage = await funderContext.newPage();
    await signIn(funderPage, 'funder@demo.taawon.ma');
    await setLanguage(funderPage, variant.language);
    await funderPage.goto(`${baseUrl}/cooperatives/${cooperativeId}`);
    await shot(funderPage, prefix('97-funder-detail'));
    await funderPage.goto(`${baseUrl}/cooperatives/${cooperativeId}?tab=members`);
    await shot(funderPage, prefix('98-funder-members'));
    await setLanguage(funderPage, 'fr');
    await funderContext.close();
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const variant of variants.filter((candidate) => !process.env.VARIANTS || process.env.VARIANTS.split(',').includes(candidate.name))) {
      console.log(`${variant.name} (${variant.width}×${variant.height})`);
      await run(browser, variant);
    }
  } finally {
    await browser.close();
  }
  if (problems.length > 0) {
    console.log('\nTo look at:');
    for (const problem of problems) console.log(`  - ${problem}`);
    process.exitCode = 1;
  }
}

await main();
