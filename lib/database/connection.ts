// A plain SQL connection to the configured database (server or embedded), for the tools that run
// outside the app: migrations, seeding checks, test database setup.
import pg from 'pg';
import { closeEmbeddedDatabase, openEmbeddedDatabase } from './embedded';
import { applyMigrations, type ApplyResult } from './migrations';
import { pgConnection, pgliteConnection, type SqlConnection } from './sql';

export interface OpenConnection extends SqlConnection {
  close(): Promise<void>;
  /** For messages: the server's database name, or the embedded data directory. */
  describe: string;
}

export async function openConnection(options: { databaseUrl?: string; pgliteDataDir: string }): Promise<OpenConnection> {
  if (options.databaseUrl) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    return {
      ...pgConnection(client),
      close: () => client.end(),
      describe: `PostgreSQL database "${client.database}" on ${client.host}:${client.port}`,
    };
  }
  const pglite = openEmbeddedDatabase(options.pgliteDataDir);
  await pglite.waitReady;
  return {
    ...pgliteConnection(pglite),
    close: () => closeEmbeddedDatabase(pglite, options.pgliteDataDir),
    describe: `embedded PostgreSQL in ${options.pgliteDataDir}`,
  };
}

/** Applies pending migrations to the configured database and closes the connection again. */
export async function migrateDatabase(options: {
  databaseUrl?: string;
  pgliteDataDir: string;
}): Promise<ApplyResult & { describe: string }> {
  const conn = await openConnection(options);
  try {
    return { ...(await applyMigrations(conn)), describe: conn.describe };
  } finally {
    await conn.close();
  }
}
