// Fixed-window rate limits kept in PostgreSQL, so every app server counts together and parallel
// requests cannot race past a limit: each hit is one atomic INSERT ... ON CONFLICT ... RETURNING.
import 'server-only';
import { db } from '@/lib/db';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** How long until the window resets; meaningful when not allowed. */
  retryAfterMs: number;
}

export async function consumeRateLimit(key: string, rule: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "updatedAt")
    VALUES (${key}, ${windowStart}, 1, now())
    ON CONFLICT ("key", "windowStart")
    DO UPDATE SET "count" = "RateLimitBucket"."count" + 1, "updatedAt" = now()
    RETURNING "count"`;
  const count = Number(row?.count ?? rule.limit + 1);
  return { allowed: count <= rule.limit, retryAfterMs: windowStart.getTime() + rule.windowMs - now.getTime() };
}

/** "1 minute", "12 minutes": rounded up, never zero. */
export function minutesUntil(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
