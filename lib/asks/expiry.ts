// The expiry sweep: open asks past their deadline are closed, and offers still waiting on them expire.
// Listing never shows them in the meantime (lib/asks/policy.ts checks the deadline itself); the sweep
// makes the status match. Idempotent: a second run, or two at once, finds nothing left to do.
// It takes its client rather than importing lib/db so `npm start` (outside Next) can run it too.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { nextAskStatus } from './transitions';

export async function expireOverdueAsks(db: PrismaClient, now = new Date()): Promise<{ expired: string[] }> {
  return db.$transaction(async (tx) => {
    // FOR UPDATE SKIP LOCKED: two sweeps at once split the work instead of waiting on each other.
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Ask"
       WHERE status = 'OPEN' AND deadline <= ${now}
       ORDER BY deadline
       LIMIT 1000
       FOR UPDATE SKIP LOCKED`;
    const ids = due.map((row) => row.id); // OPEN is the only status the table lets expire
    if (ids.length === 0) return { expired: [] };
    await tx.ask.updateMany({
      where: { id: { in: ids }, status: 'OPEN' },
      data: { status: nextAskStatus('OPEN', 'expire', 'system')!, closedAt: now },
    });
    await tx.offer.updateMany({ where: { askId: { in: ids }, status: 'PENDING' }, data: { status: 'EXPIRED', respondedAt: now } });
    await tx.auditLog.createMany({
      data: ids.map((id) => ({ actorId: null, action: 'ask.expire', entityType: 'Ask', entityId: id })),
    });
    return { expired: ids };
  });
}
