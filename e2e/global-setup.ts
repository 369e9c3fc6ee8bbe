import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../src/server/app.js';
import { readConfig } from '../src/server/config.js';
import { openDatabase, type Db } from '../src/server/db/database.js';
import { representedCooperativeNumber } from '../src/server/demo/demo-data.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { loadDemo } from '../src/server/demo/demo.js';
import { chromiumPath } from './support/browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    browserAvailable: boolean;
  }
}

/**
 * The action plan journey drafts the plan of the cooperative the demo representative speaks for
 * (LAA-007, in INJAZ) from its diagnostic: the demo's agreed plan of that cooperative goes first.
 */
async function clearJourneyActionPlan(db: Db): Promise<void> {
  await db
    .deleteFrom('actionPlans')
    .where('cooperativeId', 'in', (eb) => eb.selectFrom('cooperatives').select('id').where('registrationNumber', '=', representedCooperativeNumber))
    .execute();
}

/**
 * Serves the built web app on a fresh embedded database with the demo loaded,
 * on a free port of 127.0.0.1, for the browser journeys.
 */
export default async function setup(project: TestProject) {
  const browserAvailable = existsSync(chromiumPath);
  if (!browserAvailable) {
    if (process.env.REQUIRE_BROWSER) throw new Error(`Chromium not found at ${chromiumPath}`);
    console.warn(`\n⚠ Browser journeys skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).\n`);
  }
  project.provide('browserAvailable', browserAvailable);
  project.provide('baseUrl', '');
  if (!browserAvailable) return;

  const webDir = resolve('dist/web');
  if (!existsSync(resolve(webDir, 'index.html'))) {
    const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const database = await openDatabase({});
  await migrateToLatest(database.db);
  await loadDemo(database.db);
  await clearJourneyActionPlan(database.db);
  const app = await buildApp({ database, config: { ...readConfig({ WEB_DIR: webDir }), signInRateLimit: 1000 }, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  project.provide('baseUrl', address);
  return async () => {
    await app.close();
    await database.close();
  };
}
