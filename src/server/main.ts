import { mkdirSync } from 'node:fs';
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { demoPassword, demoUsers } from './demo/demo-data.js';
import { loadDemo } from './demo/demo.js';
import { createJobQueue } from './jobs/pg-boss.queue.js';
import { createMailer } from './mail/mailer.js';
import { startReminderJobs } from './reminders/reminders.jobs.js';

/** Serves Taawon: migrates, loads the demo unless DEMO=false, listens on PORT. */
async function main() {
  const config = readConfig();
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  await migrateToLatest(database.db);
  const withDemo = process.env.DEMO !== 'false';
  if (withDemo) await loadDemo(database.db);
  const app = await buildApp({ database, config });
  // Background jobs (reminders, sending e-mails) run in this process unless WORKERS=false.
  const mailer = createMailer(config);
  const jobs = config.workers ? createJobQueue(database, { onError: (error) => app.log.error(error, 'job queue') }) : undefined;
  if (jobs) {
    await jobs.start();
    await startReminderJobs(jobs, { db: database.db, config, mailer });
    app.decorate('jobs', jobs);
  }
  await app.listen({ port: config.port, host: config.host });

  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite, data in ${config.dataDir}`;
  console.log(`\nTaawon is running: http://localhost:${config.port}  (database: ${where})`);
  console.log(`API documentation: http://localhost:${config.port}/api/docs`);
  console.log(
    `E-mails: ${config.smtpUrl ? `sent through SMTP_URL, from ${config.mailFrom}` : 'no SMTP_URL, kept in the outbox (/admin/outbox)'}; background jobs ${jobs ? 'running' : 'off (WORKERS=false)'}`,
  );
  if (withDemo) {
    console.log(`\nDemo sign-ins (password for all: ${demoPassword}):`);
    for (const user of demoUsers) console.log(`  ${user.email.padEnd(28)} ${user.role}`);
  }

  const stop = async () => {
    // Stop taking jobs first: a running job may still need the database.
    await jobs?.stop();
    mailer.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
