// Our migration runner, checked against Prisma's own schema engine (the WebAssembly build), so that
// `prisma migrate deploy` on a machine that has the native engine would agree with what we did.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { extensions } from '@/lib/database/embedded';
import { dropDatabase, recreateDatabase } from '@/lib/database/local-server';
import { applyMigrations, MigrationError, MIGRATIONS_DIR, readMigrations } from '@/lib/database/migrations';
import { pgConnection, pgliteConnection, type SqlConnection } from '@/lib/database/sql';
import {
  diffMigrationsToSchema,
  isEmptyDiff,
  migrationList,
  openSchemaEngine,
  type MigrationAwareFactory,
} from '@/scripts/db/schema-engine';

const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * Prisma's native engine sends each migration to PostgreSQL as one script. @prisma/adapter-pg's
 * executeScript instead splits it on every ";", even inside a function body, which breaks migrations
 * that define triggers; give the WebAssembly engine a connection that sends whole scripts too.
 */
function wholeScripts(factory: PrismaPg): MigrationAwareFactory {
  const withWholeScripts = async (connection: Promise<{ executeScript(script: string): Promise<void>; underlyingDriver(): unknown }>) => {
    const adapter = await connection;
    adapter.executeScript = async (script: string) => {
      await (adapter.underlyingDriver() as pg.Pool).query(script);
    };
    return adapter;
  };
  return Object.assign(Object.create(Object.getPrototypeOf(factory)), factory, {
    connect: () => withWholeScripts(factory.connect()),
    connectToShadowDb: () => withWholeScripts(factory.connectToShadowDb()),
  }) as MigrationAwareFactory;
}

interface FreshDatabase {
  conn: SqlConnection;
  factory: MigrationAwareFactory;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const engines: Array<{ name: string; fresh(): Promise<FreshDatabase> }> = [
  {
    name: 'embedded',
    async fresh() {
      const pglite = new PGlite({ extensions });
      cleanups.push(() => pglite.close());
      return { conn: pgliteConnection(pglite), factory: new PrismaPGlite(pglite) as unknown as MigrationAwareFactory };
    },
  },
];
const serverUrl = process.env.TEST_SERVER_URL;
if (serverUrl) {
  engines.push({
    name: 'postgres',
    async fresh() {
      const name = `halfhour_migrations_${process.pid}_${engines.length}_${Math.random().toString(36).slice(2, 8)}`;
      const url = await recreateDatabase(serverUrl, name);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const factory = wholeScripts(new PrismaPg({ connectionString: url }));
      cleanups.push(async () => {
        await client.end();
        await dropDatabase(serverUrl, name);
      });
      return { conn: pgConnection(client), factory };
    },
  });
}

describe.each(engines)('migrations on the $name engine', (engine) => {
  it('applies every migration once and records it in _prisma_migrations', async () => {
    const { conn } = await engine.fresh();
    const local = await readMigrations();

    const first = await applyMigrations(conn);
    const second = await applyMigrations(conn);

    expect(first.applied).toEqual(local.map((migration) => migration.name));
    expect(second.applied).toEqual([]);
    const rows = await conn.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(rows).toEqual(
      local.map((migration) => ({ migration_name: migration.name, checksum: migration.checksum, applied_steps_count: 1 })),
    );
  });

  it('leaves a history Prisma’s schema engine reads as clean and up to date', async () => {
    const { conn, factory } = await engine.fresh();
    await applyMigrations(conn);
    const schemaEngine = await openSchemaEngine(factory);
    const migrationsList = await migrationList();

    const diagnosis = await schemaEngine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER });
    const deploy = await schemaEngine.applyMigrations({ migrationsList, filters: NO_FILTER });

    expect(diagnosis).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true });
    expect(deploy.appliedMigrationNames).toEqual([]);
  });

  it('agrees with a database that Prisma’s schema engine migrated', async () => {
    const { conn, factory } = await engine.fresh();
    const schemaEngine = await openSchemaEngine(factory);
    const deployed = await schemaEngine.applyMigrations({ migrationsList: await migrationList(), filters: NO_FILTER });

    const ours = await applyMigrations(conn);

    expect(deployed.appliedMigrationNames.length).toBeGreaterThan(0);
    expect(ours.applied).toEqual([]);
  });

  it('refuses to continue when an applied migration was edited', async () => {
    const { conn } = await engine.fresh();
    const local = await readMigrations();
    await applyMigrations(conn, local);
    const edited = local.map((migration, index) => (index === 0 ? { ...migration, checksum: 'f'.repeat(64) } : migration));

    await expect(applyMigrations(conn, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const { conn } = await engine.fresh();
    const local = await readMigrations();
    const broken = {
      name: '99990101000000_broken',
      checksum: 'a'.repeat(64),
      sql: 'CREATE TABLE "Half" (id int); SELECT * FROM "NoSuchTable";',
    };

    await expect(applyMigrations(conn, [...local, broken])).rejects.toBeInstanceOf(MigrationError);

    const tables = await conn.query("SELECT 1 FROM pg_tables WHERE tablename = 'Half'");
    const recorded = await conn.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '${broken.name}'`);
    expect(tables).toHaveLength(0);
    expect(recorded).toHaveLength(0);
    expect((await applyMigrations(conn, local)).applied).toEqual([]);
  });
});

describe('schema.prisma and prisma/migrations', () => {
  it('agree: the migrations build exactly the schema', async () => {
    const schemaEngine = await openSchemaEngine();
    const diff = await diffMigrationsToSchema(schemaEngine);
    expect(diff, `Missing migration:\n${diff}`).toSatisfy(isEmptyDiff);
  });

  it('are caught when they drift apart', async () => {
    // A copy of the migrations with one index left out must produce a diff that adds it back.
    const dir = await mkdtemp(path.join(tmpdir(), 'halfhour-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = await readMigrations(dir);
    const file = path.join(dir, first!.name, 'migration.sql');
    const sql = await readFile(file, 'utf8');
    const withoutIndex = sql.replace(/CREATE INDEX "Ask_organisationId_status_idx"[^;]*;/, '');
    expect(withoutIndex).not.toEqual(sql);
    await writeFile(file, withoutIndex);

    const diff = await diffMigrationsToSchema(await openSchemaEngine(), dir);

    expect(isEmptyDiff(diff)).toBe(false);
    expect(diff).toContain('CREATE INDEX "Ask_organisationId_status_idx"');
  });
});
