// The embedded engine: a real PostgreSQL (PGlite) on disk that migrates itself, keeps its data
// between runs, and refuses a second process.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseClient } from '@/lib/database/client';
import { EmbeddedDatabaseBusyError, openEmbeddedDatabase, closeEmbeddedDatabase } from '@/lib/database/embedded';

const tempDir = () => mkdtemp(path.join(tmpdir(), 'halfhour-pglite-'));

describe('the embedded database', () => {
  it('migrates itself on first use and keeps its data after closing', async () => {
    const dataDir = path.join(await tempDir(), 'db');
    const first = createDatabaseClient({ pgliteDataDir: dataDir });
    await first.db.skillCategory.create({ data: { slug: 'fundraising', name: 'Fundraising', description: 'Money' } });
    await first.close();

    const second = createDatabaseClient({ pgliteDataDir: dataDir });
    const categories = await second.db.skillCategory.findMany({ select: { slug: true } });
    const migrations = await second.db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "_prisma_migrations"`;
    await second.close();

    expect(categories).toEqual([{ slug: 'fundraising' }]);
    expect(Number(migrations[0]!.n)).toBeGreaterThan(0);
  });

  it('refuses to open a data directory another live process holds', async () => {
    const dataDir = path.join(await tempDir(), 'db');
    const holder = spawn('sleep', ['30']);
    try {
      await writeFile(`${dataDir}.lock`, String(holder.pid));
      expect(() => openEmbeddedDatabase(dataDir)).toThrow(EmbeddedDatabaseBusyError);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left behind by a process that has exited', async () => {
    const dataDir = path.join(await tempDir(), 'db');
    const gone = spawn('true');
    await new Promise((resolve) => gone.on('exit', resolve));
    await writeFile(`${dataDir}.lock`, String(gone.pid));

    const pglite = openEmbeddedDatabase(dataDir);
    const rows = await pglite.query<{ one: number }>('SELECT 1 AS one');
    await closeEmbeddedDatabase(pglite, dataDir);

    expect(rows.rows).toEqual([{ one: 1 }]);
  });
});
