// Drives Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), which ships in
// the npm package itself, in place of the native binary Prisma would download from its own servers.
// We use it to write new migrations and to prove schema.prisma and prisma/migrations agree.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { extensions } from '@/lib/database/embedded';
import { readMigrations, MIGRATIONS_DIR } from '@/lib/database/migrations';

export const SCHEMA_PATH = path.join(process.cwd(), 'prisma', 'schema.prisma');
const NO_FILTER = { externalTables: [], externalEnums: [] };

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const wasmUrl = new URL('schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), {
      './schema_engine_bg.js': wasmBindings as unknown as WebAssembly.ModuleImports,
    });
    (wasmBindings as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return loaded;
}

function embeddedShadow(): PGlite {
  return new PGlite({ extensions });
}

/** A driver-adapter factory the engine accepts: any Prisma adapter plus a shadow database to replay migrations in. */
export type MigrationAwareFactory = Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0];

/** The engine, connected to `factory`'s database (an in-memory PGlite when omitted). */
export async function openSchemaEngine(factory?: MigrationAwareFactory): Promise<SchemaEngine> {
  await loadWasm();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const target: MigrationAwareFactory = factory ?? (new PrismaPGlite(embeddedShadow()) as unknown as MigrationAwareFactory);
  // PGlite's own shadow database lacks our extensions; replay migrations in one that has them.
  const withShadow = Object.assign(Object.create(Object.getPrototypeOf(target)), target, {
    connectToShadowDb: async () => new PrismaPGlite(embeddedShadow()).connect(),
  }) as MigrationAwareFactory;
  const SchemaEngineClass = (wasmBindings as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine;
  return SchemaEngineClass.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(withShadow));
}

export async function migrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const migrations = await readMigrations(dir).catch(() => []);
  const lockfile = await readFile(path.join(dir, 'migration_lock.toml'), 'utf8').catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: migration.sql } },
    })),
  };
}

/**
 * The SQL that would take a database built from the migrations to what schema.prisma describes.
 * Empty (only a comment) when they agree.
 */
export async function diffMigrationsToSchema(engine: SchemaEngine, dir = MIGRATIONS_DIR): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const list = await migrationList(dir);
  const from = list.migrationDirectories.length > 0 ? { tag: 'migrations' as const, ...list } : { tag: 'empty' as const };
  const result = await engine.diff({
    from,
    to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
    script: true,
    exitCode: null,
    filters: NO_FILTER,
  });
  return result.stdout ?? '';
}

/** True when a diff script has no statements in it. */
export function isEmptyDiff(script: string): boolean {
  return script
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}
