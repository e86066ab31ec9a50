// Applies prisma/migrations/*/migration.sql to either engine and records each one in Prisma's own
// `_prisma_migrations` table, exactly as `prisma migrate deploy` would, so a machine that has
// Prisma's native schema engine sees the same history (docs/decisions/0003-migrations.md).
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlConnection } from './sql';

export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

// The key `prisma migrate` itself locks on, so our runner and Prisma's never interleave.
const ADVISORY_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export class MigrationError extends Error {}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  // The migrations are read from the checkout at run time, not bundled: tell Turbopack not to trace them.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

export interface ApplyResult {
  applied: string[];
  /** Migrations the database has that this checkout does not (a newer release ran against it). */
  unknown: string[];
}

/**
 * Applies every pending migration, each in its own transaction, oldest first.
 * Refuses to continue when an applied migration was edited afterwards or an earlier one failed,
 * because both mean the database is not in the state the files describe.
 */
export async function applyMigrations(conn: SqlConnection, migrations?: Migration[]): Promise<ApplyResult> {
  const local = migrations ?? (await readMigrations());
  await conn.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
  try {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await conn.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at
         FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const byName = new Map(rows.map((row) => [row.migration_name, row]));

    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and was not rolled back; fix the database, then mark it rolled back.`,
      );
    }

    const applied: string[] = [];
    for (const migration of local) {
      const row = byName.get(migration.name);
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied; add a new migration instead of editing it.`,
          );
        }
        continue;
      }
      await conn.exec('BEGIN');
      try {
        await conn.exec(migration.sql);
        await conn.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await conn.exec('COMMIT');
      } catch (error) {
        await conn.exec('ROLLBACK');
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
      }
      applied.push(migration.name);
    }

    const localNames = new Set(local.map((migration) => migration.name));
    const unknown = rows.map((row) => row.migration_name).filter((name) => !localNames.has(name));
    return { applied, unknown };
  } finally {
    await conn.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
  }
}
