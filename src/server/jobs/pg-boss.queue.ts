import PgBoss from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { DatabaseHandle } from '../db/database.js';
import type { EnqueueOptions, JobHandler, JobQueue, WorkOptions } from './job-queue.js';

/**
 * pg-boss on our own database handle rather than on a pool of its own: on PGlite (one
 * connection in the process) its statements wait their turn behind the app's
 * transactions instead of slipping into them; on PostgreSQL they use the app's pool.
 * pg-boss 10 is the last major version that runs on Node.js 20.
 */
export function bossDatabase(database: DatabaseHandle): PgBoss.Db {
  // Without plugins: CamelCasePlugin would rename the columns pg-boss reads.
  const db = database.db.withoutPlugins();
  const { pglite } = database;
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (pglite && (!values || values.length === 0)) {
        // pg-boss sends its schema changes and maintenance as several statements at once, which only
        // PGlite's simple protocol (`exec`) accepts; holding a Kysely connection keeps the turn.
        return db.connection().execute(async () => {
          const results = await pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        });
      }
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

export interface JobQueueOptions {
  /** Called with errors pg-boss meets outside a job (maintenance, polling). */
  onError?: (error: Error) => void;
  /** Seconds between maintenance runs (expiry, retention); pg-boss's default otherwise. */
  maintenanceIntervalSeconds?: number;
}

export function createJobQueue(database: DatabaseHandle, options: JobQueueOptions = {}): JobQueue {
  const boss = new PgBoss({
    db: bossDatabase(database),
    // Completed jobs are kept a week for diagnosis, then removed.
    deleteAfterDays: 7,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  // Workers of this process by queue: a job enqueued here wakes them instead of waiting for their next poll.
  const workers = new Map<string, string>();
  boss.on('error', (error) => (options.onError ?? ((caught: Error) => console.error('Job queue:', caught.message)))(error));

  return {
    async start() {
      await boss.start();
    },

    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },

    async work<Data extends object>(name: string, handler: JobHandler<Data>, workOptions: WorkOptions = {}) {
      const queue: PgBoss.Queue = {
        name,
        policy: workOptions.oneWaitingPerKey ? 'short' : 'standard',
        ...(workOptions.retryLimit !== undefined ? { retryLimit: workOptions.retryLimit } : {}),
        ...(workOptions.retryDelaySeconds !== undefined ? { retryDelay: workOptions.retryDelaySeconds } : {}),
        ...(workOptions.retryBackoff !== undefined ? { retryBackoff: workOptions.retryBackoff } : {}),
      };
      if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
      else await boss.createQueue(name, queue);
      const workerId = await boss.work<Data>(name, { batchSize: 1, pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 2 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
      workers.set(name, workerId);
    },

    async enqueue<Data extends object>(name: string, data: Data, enqueueOptions: EnqueueOptions = {}) {
      const id = await boss.send(name, data, enqueueOptions.singletonKey ? { singletonKey: enqueueOptions.singletonKey } : {});
      const workerId = workers.get(name);
      if (id && workerId) boss.notifyWorker(workerId);
      return id;
    },

    async schedule(name: string, cron: string, scheduleOptions: { timeZone: string }) {
      await boss.schedule(name, cron, {}, { tz: scheduleOptions.timeZone });
    },
  };
}
