// The background writer of npm run bench:load -- --writes=N: approves asks waiting for review and makes offers
// by plain SQL through pg, as a hand-typed statement would: no app code and no hand-placed cache invalidation,
// so a cached page stays fresh only if the database itself tells the app servers what changed. Each write is
// one statement holding what the app's own mutation writes (approveAsk in lib/moderation/asks.ts, makeOffer in
// lib/offers/mutations.ts), less the emails they queue.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';

export interface WriteSupply {
  adminId: string;
  /** Asks waiting for review, from verified organisations, deadline weeks ahead: each approval takes the next. */
  pendingAskIds: string[];
  /** Open, listed asks to offer on, with the medium an offer uses (one of the ask's) and the session length. */
  openAsks: { id: string; medium: string; durationMinutes: number }[];
  /** Active, unpaused volunteers without a pending offer: each offer takes the next, so none goes over capacity. */
  volunteerIds: string[];
}

/**
 * Adds `approvals` asks waiting for review (copies of open asks of verified organisations, ids ask-pending-N;
 * the row triggers fill their search and listing columns) and, when the fill has too few volunteers free to
 * offer, volunteers vw-N; returns what the writer draws on.
 */
export async function fillWrites(
  client: pg.Client,
  { approvals, offers, adminId }: { approvals: number; offers: number; adminId: string },
): Promise<WriteSupply> {
  const source = `SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Ask"
     WHERE status = 'OPEN' AND "organisationVerified" AND "projectId" IS NULL AND id ~ '^ask-[0-9]+$' ORDER BY id LIMIT $1`;
  const newId = `'ask-pending-' || lpad(s.n::text, 6, '0')`;
  await client.query(
    `INSERT INTO "Ask" (id, "organisationId", title, question, outcome, "durationMinutes", media, deadline, status,
                        "submittedAt", "createdAt", "updatedAt")
     SELECT ${newId}, a."organisationId", a.title, a.question, a.outcome, a."durationMinutes", a.media,
            now() + interval '40 days', 'PENDING_REVIEW', now() - interval '1 day', now() - interval '2 days', now()
       FROM (${source}) s JOIN "Ask" a ON a.id = s.id`,
    [approvals],
  );
  await client.query(
    `INSERT INTO "AskSkill" ("askId", "skillId", "updatedAt")
     SELECT ${newId}, k."skillId", now() FROM (${source}) s JOIN "AskSkill" k ON k."askId" = s.id`,
    [approvals],
  );
  const pendingAskIds = (await client.query<{ id: string }>(`SELECT id FROM "Ask" WHERE id LIKE 'ask-pending-%' ORDER BY id`)).rows.map(
    (row) => row.id,
  );

  const freeVolunteers = () =>
    client.query<{ id: string }>(
      `SELECT u.id FROM "User" u JOIN "VolunteerProfile" p ON p."userId" = u.id
        WHERE (u.id LIKE 'vu-%' OR u.id LIKE 'vw-%') AND u.status = 'ACTIVE' AND (p."pausedAt" IS NULL OR p."pausedUntil" <= now())
          AND NOT EXISTS (SELECT 1 FROM "Offer" o WHERE o."volunteerId" = u.id AND o.status = 'PENDING')
          AND NOT EXISTS (SELECT 1 FROM "Invitation" i WHERE i."volunteerId" = u.id)
        ORDER BY u.id LIMIT $1`,
      [offers],
    );
  let volunteerIds = (await freeVolunteers()).rows.map((row) => row.id);
  if (volunteerIds.length < offers) {
    const missing = offers - volunteerIds.length;
    await client.query(
      `INSERT INTO "User" (id, email, name, status, "onboardedAt", "updatedAt")
       SELECT 'vw-' || g, 'writer' || g || '@bench.example', 'Writer ' || g, 'ACTIVE', now(), now() FROM generate_series(1, $1) g`,
      [missing],
    );
    await client.query(
      `INSERT INTO "VolunteerProfile" (id, "userId", headline, bio, media, "timeZone", "monthlyCapacity", "updatedAt")
       SELECT 'vpw-' || g, 'vw-' || g, 'Writer ' || g || ', happy to help', 'Made up for the benchmark.',
              ARRAY['VIDEO', 'PHONE', 'EMAIL', 'IN_PERSON']::"Medium"[], 'Europe/London', 4, now()
         FROM generate_series(1, $1) g`,
      [missing],
    );
    volunteerIds = (await freeVolunteers()).rows.map((row) => row.id);
  }

  // Asks that will still take offers for the whole run (a week ahead at least), in a shuffled order.
  const openAsks = (
    await client.query<{ id: string; medium: string; durationMinutes: number }>(
      `SELECT id, media[1]::text AS medium, "durationMinutes" FROM "Ask"
        WHERE status = 'OPEN' AND "publishedAt" IS NOT NULL AND "organisationVerified" AND deadline > now() + interval '7 days'
          AND id ~ '^ask-[0-9]+$'
        ORDER BY md5(id) LIMIT $1`,
      [Math.max(offers, 1)],
    )
  ).rows;
  return { adminId, pendingAskIds, openAsks, volunteerIds };
}

export interface WriteCounts {
  approvals: number;
  offers: number;
  /** Statements that wrote nothing: the ask was no longer pending (approval) or open, or already offered on. */
  refused: number;
  /** Statements that failed (an error from the database); the first few messages are kept. */
  failed: number;
  /** Writes not made because the supply of pending asks or free volunteers ran out. */
  ranOut: number;
  errors: string[];
}

const id = (prefix: string) => `${prefix}${randomBytes(10).toString('hex')}`;

/** Publishes one pending ask as approveAsk does: OPEN, moderated by the admin, published now, and an audit row. */
async function approve(pool: pg.Pool, adminId: string, askId: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `WITH approved AS (
       UPDATE "Ask" a SET status = 'OPEN', "moderatedById" = $2, "moderatedAt" = now(), "moderationNote" = NULL,
              "publishedAt" = CASE WHEN o.status = 'VERIFIED' THEN now() ELSE a."publishedAt" END, "updatedAt" = now()
         FROM "Organisation" o
        WHERE a.id = $1 AND a.status = 'PENDING_REVIEW' AND a.deadline > now() AND o.id = a."organisationId"
        RETURNING a.id)
     INSERT INTO "AuditLog" (id, "actorId", action, "entityType", "entityId", after)
     SELECT $3, $2, 'ask.approve', 'Ask', approved.id, '{"status":"OPEN"}'::jsonb FROM approved`,
    [askId, adminId, id('bench-audit-')],
  );
  return rowCount === 1;
}

/** One offer as makeOffer writes it: pending, one of the ask's media, two proposed times, and an audit row. */
async function offer(pool: pg.Pool, ask: WriteSupply['openAsks'][number], volunteerId: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `WITH made AS (
       INSERT INTO "Offer" (id, "askId", "volunteerId", message, medium, "updatedAt")
       SELECT $1, a.id, $3, 'Happy to help: I have done this for two other charities.', $4::"Medium", now() FROM "Ask" a
        WHERE a.id = $2 AND a.status = 'OPEN' AND a."publishedAt" IS NOT NULL AND a."organisationVerified" AND a.deadline > now()
       ON CONFLICT ("askId", "volunteerId") DO NOTHING
       RETURNING id, "askId"),
     times AS (
       INSERT INTO "OfferTime" (id, "offerId", "startsAt", "endsAt", "updatedAt")
       SELECT made.id || '-' || k, made.id, date_trunc('hour', now()) + k * interval '1 day',
              date_trunc('hour', now()) + k * interval '1 day' + $5 * interval '1 minute', now()
         FROM made CROSS JOIN generate_series(2, 3) k)
     INSERT INTO "AuditLog" (id, "actorId", action, "entityType", "entityId", data)
     SELECT $6, $3, 'offer.make', 'Offer', made.id, json_build_object('askId', made."askId") FROM made`,
    [id('bench-offer-'), ask.id, volunteerId, ask.medium, ask.durationMinutes, id('bench-audit-')],
  );
  return rowCount === 1;
}

export interface Writer {
  counts: WriteCounts;
  /** Stops making writes and waits for those under way. */
  stop(): Promise<WriteCounts>;
}

/**
 * Writes `perSecond` times a second, approvals and offers in turn, each without waiting for the last. An
 * approval goes through `probe` (which can look at the pages before and after it) when one is given and the
 * last probe has finished; a write that fails is counted, never thrown.
 */
export function startWriter(
  pool: pg.Pool,
  supply: WriteSupply,
  { perSecond, probe }: { perSecond: number; probe?: (askId: string, approve: () => Promise<boolean>) => Promise<void> },
): Writer {
  const counts: WriteCounts = { approvals: 0, offers: 0, refused: 0, failed: 0, ranOut: 0, errors: [] };
  const underWay = new Set<Promise<unknown>>();
  let probing = false;
  let nextAsk = 0;
  let nextOffer = 0;
  let tick = 0;

  const counted = (kind: 'approvals' | 'offers', write: () => Promise<boolean>) => async () => {
    try {
      const wrote = await write();
      if (wrote) counts[kind]++;
      else counts.refused++;
      return wrote;
    } catch (error) {
      counts.failed++;
      if (counts.errors.length < 5) counts.errors.push(error instanceof Error ? error.message : String(error));
      return false;
    }
  };
  const track = (work: Promise<unknown>) => {
    underWay.add(work);
    void work.finally(() => underWay.delete(work));
  };

  const timer = setInterval(() => {
    const approving = tick++ % 2 === 0;
    if (approving) {
      const askId = supply.pendingAskIds[nextAsk++];
      if (askId === undefined) return void counts.ranOut++;
      const write = counted('approvals', () => approve(pool, supply.adminId, askId));
      if (probe && !probing) {
        probing = true;
        track(
          probe(askId, write)
            .catch((error: unknown) => {
              if (counts.errors.length < 5)
                counts.errors.push(`freshness probe: ${error instanceof Error ? error.message : String(error)}`);
            })
            .finally(() => (probing = false)),
        );
      } else track(write());
    } else {
      const volunteerId = supply.volunteerIds[nextOffer];
      const ask = supply.openAsks[nextOffer++ % supply.openAsks.length];
      if (volunteerId === undefined || ask === undefined) return void counts.ranOut++;
      track(counted('offers', () => offer(pool, ask, volunteerId))());
    }
  }, 1000 / perSecond);
  timer.unref(); // a bench that fails mid-run still exits

  return {
    counts,
    async stop() {
      clearInterval(timer);
      await Promise.all([...underWay]);
      return counts;
    },
  };
}
