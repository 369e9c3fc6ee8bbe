import type { Db } from '../db/database.js';
import type { DemoCohorts, DemoContext } from './demo-context.js';

/** Budget lines, commitments and disbursements of both programmes. */
export async function loadDemoFinancing(trx: Db, cohorts: DemoCohorts, context: DemoContext): Promise<void> {
  void trx;
  void cohorts;
  void context;
}
