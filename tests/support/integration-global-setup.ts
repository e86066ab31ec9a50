// Runs once before the integration tests. With DATABASE_URL pointing at a local PostgreSQL server,
// builds a migrated template database that every test file copies (CREATE DATABASE ... TEMPLATE is
// much faster than migrating each one). Without it, each test file uses an in-memory embedded database.
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/lib/database/connection';
import { assertLocalDatabaseUrl, databaseName, dropDatabase, recreateDatabase } from '@/lib/database/local-server';

export interface TestServer {
  url: string;
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testServer: TestServer | null;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('testServer', null);
    return;
  }
  assertLocalDatabaseUrl(url, 'integration tests');
  const template = `${databaseName(url)}_template`;
  const templateUrl = await recreateDatabase(url, template);
  await migrateDatabase({ databaseUrl: templateUrl, pgliteDataDir: 'unused' });
  project.provide('testServer', { url, template });
  return async () => {
    await dropDatabase(url, template);
  };
}
