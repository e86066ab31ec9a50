// Nightly housekeeping for sign-in: sessions and sign-in links past their expiry, and rate-limit
// windows too old to count, are deleted. Each is one conditional DELETE, so a second run finds nothing.
import type { PrismaClient } from '@/lib/generated/prisma/client';

/** The longest rate-limit window is a day (invitations): a window that started a day ago is over. */
const RATE_LIMIT_KEEP_MS = 86_400_000;

export async function clearExpiredAuthRows(
  db: PrismaClient,
  now = new Date(),
): Promise<{ sessions: number; verificationTokens: number; rateLimitBuckets: number }> {
  const sessions = await db.session.deleteMany({ where: { expires: { lt: now } } });
  const verificationTokens = await db.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  const rateLimitBuckets = await db.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - RATE_LIMIT_KEEP_MS) } },
  });
  return { sessions: sessions.count, verificationTokens: verificationTokens.count, rateLimitBuckets: rateLimitBuckets.count };
}
