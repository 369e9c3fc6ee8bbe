import type { Db } from '../db/database.js';
import type { DemoCohorts, DemoContext } from './demo-context.js';

/** The follow-ups of the elapsed part of both programmes, some late. */
export async function loadDemoFollowUps(trx: Db, cohorts: DemoCohorts, context: DemoContext): Promise<void> {
  void trx;
  void cohorts;
  void context;
}
