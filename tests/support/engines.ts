// The database engines a test can run against: the embedded one always, the PostgreSQL server when
// the test run has one (CI does). Tests of database behaviour run on each, since the app runs on each.
import { createDatabaseClient, type DatabaseClient } from '@/lib/database/client';

export interface TestEngine {
  name: 'embedded' | 'postgres';
  open(): DatabaseClient;
}

export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'embedded', open: () => createDatabaseClient({ pgliteDataDir: 'memory://' }) }];
  const serverDatabase = process.env.TEST_SERVER_URL ? process.env.DATABASE_URL : undefined;
  if (serverDatabase) {
    engines.push({
      name: 'postgres',
      open: () => createDatabaseClient({ databaseUrl: serverDatabase, pgliteDataDir: 'unused' }),
    });
  }
  return engines;
}
