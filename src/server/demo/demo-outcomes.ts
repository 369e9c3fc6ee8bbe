import type { Db } from '../db/database.js';
import type { DemoCohorts, DemoContext } from './demo-context.js';

/** Outcome figures (turnover, jobs, members) entered per cooperative. */
export async function loadDemoOutcomes(trx: Db, cohorts: DemoCohorts, context: DemoContext): Promise<void> {
  void trx;
  void cohorts;
  void context;
}
