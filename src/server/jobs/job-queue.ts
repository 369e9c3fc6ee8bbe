/**
 * Background jobs in the database (no second server to run): the rest of the code
 * sees only this interface. `createJobQueue` (pg-boss.queue.ts) implements it with
 * pg-boss, on the embedded PGlite database as on a PostgreSQL server.
 */

export interface WorkOptions {
  /** Retries after a failed run (the job fails for good after 1 + retryLimit runs). */
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelaySeconds?: number;
  /** Double the delay at each retry. */
  retryBackoff?: boolean;
  /** At most one job waiting per `singletonKey` (jobs without a key share one): enqueueing again while one waits does nothing. */
  oneWaitingPerKey?: boolean;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds?: number;
}

export interface EnqueueOptions {
  singletonKey?: string;
}

export type JobHandler<Data> = (data: Data) => Promise<void>;

export interface JobQueue {
  /** Creates the queue if needed and works its jobs one at a time in this process. Call after `start`. */
  work<Data extends object>(name: string, handler: JobHandler<Data>, options?: WorkOptions): Promise<void>;
  /** Adds a job; its id, or null when a waiting job with the same key made it unnecessary. */
  enqueue<Data extends object>(name: string, data: Data, options?: EnqueueOptions): Promise<string | null>;
  /** Enqueues a job of the (already worked) queue on a cron schedule, e.g. `0 7 * * *` in `Africa/Casablanca`. */
  schedule(name: string, cron: string, options: { timeZone: string }): Promise<void>;
  /** Creates or upgrades the queue's tables and starts the maintenance and the scheduler. */
  start(): Promise<void>;
  /** Stops taking jobs, waits (a little) for the running ones, stops the timers. */
  stop(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue, when this process runs the workers (main.ts decorates it); absent in tests. */
    jobs?: JobQueue;
  }
}
