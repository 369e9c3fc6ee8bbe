import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from './migrations/2026-11-22T09-00-00-foundation.js';
import * as registry from './migrations/2026-11-22T09-10-00-registry.js';
import * as programmesDiagnostics from './migrations/2026-11-22T17-20-00-programmes-diagnostics.js';
import * as trainingCatalogue from './migrations/2026-11-22T18-40-00-training-catalogue.js';
import * as sessions from './migrations/2026-11-22T18-41-00-sessions.js';
import * as trainingPlans from './migrations/2026-11-22T19-10-00-training-plans.js';
import * as planEditing from './migrations/2026-11-22T20-00-00-plan-editing.js';
import * as actionPlans from './migrations/2026-11-22T22-40-00-action-plans-follow-up-financing.js';
import * as followUpIndexes from './migrations/2026-11-22T23-10-00-follow-up-indexes.js';
import * as indicatorIndexes from './migrations/2026-11-22T23-30-00-indicator-indexes.js';
import type { Db } from './database.js';
import { syncTerritories } from '../territories/territory.repository.js';
import { ensureDefaultFramework } from '../diagnostics/framework.repository.js';
import { ensureDefaultCatalogue } from '../training/catalogue.repository.js';

/** Listed here rather than read from a folder, so that the built server needs no file scanning. */
const migrations: Record<string, Migration> = {
  '2026-11-22T09-00-00-foundation': foundation,
  '2026-11-22T09-10-00-registry': registry,
  '2026-11-22T17-20-00-programmes-diagnostics': programmesDiagnostics,
  '2026-11-22T18-40-00-training-catalogue': trainingCatalogue,
  '2026-11-22T18-41-00-sessions': sessions,
  '2026-11-22T19-10-00-training-plans': trainingPlans,
  '2026-11-22T20-00-00-plan-editing': planEditing,
  '2026-11-22T22-40-00-action-plans-follow-up-financing': actionPlans,
  '2026-11-22T23-10-00-follow-up-indexes': followUpIndexes,
  '2026-11-22T23-30-00-indicator-indexes': indicatorIndexes,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest migration and refreshes the reference data. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
  await syncTerritories(db);
  await ensureDefaultFramework(db);
  await ensureDefaultCatalogue(db);
}
