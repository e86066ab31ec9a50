// Run with tsx by the fault specs: recreates the database named by DATABASE_URL, migrates and seeds it
// with the demo data, as `npm start --fresh-demo` does (scripts/start.ts), without starting anything.
import { createDatabaseClient } from '@/lib/database/client';
import { migrateDatabase } from '@/lib/database/connection';
import { databaseName, recreateDatabase } from '@/lib/database/local-server';
import { seedDatabase } from '@/prisma/seed/seed-database';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('demo-database.ts needs DATABASE_URL');
await recreateDatabase(url, databaseName(url));
await migrateDatabase({ databaseUrl: url, pgliteDataDir: 'unused' });
const client = createDatabaseClient({ databaseUrl: url, pgliteDataDir: 'unused' });
try {
  await seedDatabase(client.db);
} finally {
  await client.close();
}
