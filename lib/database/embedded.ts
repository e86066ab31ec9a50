// The embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) used when DATABASE_URL is
// unset, so a new machine needs no database server. Same schema, same migrations, same constraints.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** Extensions our migrations create; PGlite must load them when it starts. */
export const extensions = { btree_gist, pg_trgm };

const IN_MEMORY = 'memory://';

export class EmbeddedDatabaseBusyError extends Error {}

/**
 * Opens (creating if needed) the embedded database in `dataDir`, or an in-memory one for `memory://`.
 * PGlite is single-process: two processes writing one data directory corrupt it, so a lock file
 * holding the owner's pid refuses a second opener while the first is alive.
 */
export function openEmbeddedDatabase(dataDir: string): PGlite {
  if (dataDir.startsWith(IN_MEMORY)) return new PGlite(dataDir, { extensions });

  const absolute = path.resolve(dataDir);
  mkdirSync(absolute, { recursive: true });
  takeLock(`${absolute}.lock`);
  return new PGlite(absolute, { extensions });
}

/** Closes the database and releases its lock. */
export async function closeEmbeddedDatabase(pglite: PGlite, dataDir: string): Promise<void> {
  await pglite.close();
  if (!dataDir.startsWith(IN_MEMORY)) releaseLock(`${path.resolve(dataDir)}.lock`);
}

function takeLock(lockFile: string): void {
  const owner = readOwner(lockFile);
  if (owner !== null && owner !== process.pid && isAlive(owner)) {
    throw new EmbeddedDatabaseBusyError(
      `The embedded database ${path.dirname(lockFile)} is in use by process ${owner}. ` +
        'Stop that process (is `npm start` already running?) or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
  writeFileSync(lockFile, String(process.pid));
  process.once('exit', () => releaseLock(lockFile));
}

function releaseLock(lockFile: string): void {
  if (readOwner(lockFile) === process.pid) rmSync(lockFile, { force: true });
}

function readOwner(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
