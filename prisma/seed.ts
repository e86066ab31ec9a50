// npm run db:seed [-- --reset]
// Seeds the configured database (DATABASE_URL, or the embedded one) with the demo marketplace.
// Refuses a database that already has data unless --reset is given, which empties it first.
import { createDatabaseClient } from '@/lib/database/client';
import { migrateDatabase } from '@/lib/database/connection';
import { env } from '@/lib/env';
import { emptyDatabase, isDatabaseEmpty } from './seed/empty-database';
import { DEMO_ACCOUNTS, seedDatabase } from './seed/seed-database';

async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const target = { databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR };
  await migrateDatabase(target);
  const client = createDatabaseClient(target);
  const where = client.engine === 'postgres' ? 'The DATABASE_URL database' : `The embedded database in ${env.PGLITE_DATA_DIR}`;
  try {
    if (!(await isDatabaseEmpty(client.db))) {
      if (!reset) {
        console.error(`${where} already has data. Run npm run db:seed -- --reset to empty it and seed again.`);
        process.exitCode = 1;
        return;
      }
      await emptyDatabase(client.db);
      console.log(`Emptied: ${where}.`);
    }
    const summary = await seedDatabase(client.db, process.env.SEED_TODAY ? new Date(process.env.SEED_TODAY) : undefined);
    console.log(`Seeded: ${where}.`, summary);
    console.log(`Demo accounts: ${Object.values(DEMO_ACCOUNTS).join(', ')}`);
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
