import { mkdirSync } from 'node:fs';
import { readConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { loadDemo } from './demo/demo.js';

/** `migrate` brings the database to the latest schema; `demo` also loads the demo programmes. */
async function run(command: string | undefined) {
  const config = readConfig();
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    if (command === 'demo') {
      const { loaded } = await loadDemo(database.db);
      console.log(loaded ? 'Demo loaded.' : 'Demo already present.');
    } else if (command !== 'migrate') {
      throw new Error('usage: cli.ts migrate|demo');
    }
  } finally {
    await database.close();
  }
}

run(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
