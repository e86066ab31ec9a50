// What counts as a listed ask (open for offers right now), said once for each way the app reads asks: as a Prisma
// `where` and as SQL over the ask `a`. Open, published, deadline not yet passed (an overdue ask disappears before the
// expiry sweep closes it), from a verified organisation, not hidden after a report
// (lib/reports). tests/integration/listed-asks.test.ts proves the two agree.
// No database client here, so the sweeps and the matching SQL can use it too.
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The `where` for asks that are open for offers right now. `organisationVerified` is the ask's copy of its
 * organisation's status being VERIFIED, kept by a trigger (migration 20261123164618_ask_listing_columns), so
 * neither form joins Organisation to decide what is listed.
 */
export function openAskWhere(now: Date): Prisma.AskWhereInput {
  return { status: 'OPEN', publishedAt: { not: null }, deadline: { gt: now }, organisationVerified: true, hiddenAt: null };
}

/** openAskWhere in SQL, for the statements written by hand (browse, matching, the dashboard). Expects the ask as `a`. */
export function listedAskSql(now: Date): Prisma.Sql {
  return Prisma.sql`a.status = 'OPEN' AND a."publishedAt" IS NOT NULL AND a.deadline > ${now}::timestamptz
    AND a."organisationVerified" AND a."hiddenAt" IS NULL`;
}
