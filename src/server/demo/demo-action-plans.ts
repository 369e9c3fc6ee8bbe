import type { Db } from '../db/database.js';
import type { DemoCohorts, DemoContext } from './demo-context.js';

/** Agreed action plans for the 51 demo cooperatives. */
export async function loadDemoActionPlans(trx: Db, cohorts: DemoCohorts, context: DemoContext): Promise<void> {
  void trx;
  void cohorts;
  void context;
}
