// The secret next-auth signs with and that sign-in tokens are hashed with. From AUTH_SECRET when set;
// otherwise generated once per checkout and kept in .data/auth-secret, so the demo needs no setup and
// links stay valid across restarts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  try {
    cached = readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    cached = randomBytes(32).toString('hex');
    try {
      writeFileSync(/*turbopackIgnore: true*/ file, cached, { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process wrote it first: use theirs so both agree.
      cached = readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim();
    }
  }
  return cached;
}
