// Gives a fault spec a demo database of its own: recreated, migrated and seeded by demo-database.ts in a
// tsx process (the app's own code, run as `npm start --fresh-demo` runs it).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

export async function prepareDemoDatabase(databaseUrl: string): Promise<void> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  await promisify(execFile)(process.execPath, [tsx, 'tests/faults/support/demo-database.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`Preparing ${databaseUrl} failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
}
