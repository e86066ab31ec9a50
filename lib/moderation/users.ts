// Admins suspend people who break the rules, and reinstate them. Suspending signs them out everywhere and
// withdraws their waiting offers (each charity is told) in one transaction; every function checks the admin.
import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { AccessDenied, assertAdmin, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import type { Prisma } from '@/lib/generated/prisma/client';
import { cancelSessionsOfUnavailableVolunteer } from '@/lib/meetings/release';
import { withdrawPendingOffers } from '@/lib/offers/withdrawals';

export const USERS_PER_PAGE = 25;

const listQuery = z.object({
  q: z
    .string()
    .catch('')
    .transform((value) => value.trim().slice(0, 200)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type UserListQuery = z.output<typeof listQuery>;

/** The admin list's query from the address: bad values fall back to the first page of everyone. */
export function parseUserListQuery(params: Record<string, string | string[] | undefined>): UserListQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return listQuery.parse({ q: first(params.q) ?? '', page: first(params.page) ?? '1' });
}

/** One page of people, searched by email or name, newest first. */
export async function listUsers(admin: Actor, query: UserListQuery) {
  assertAdmin(admin);
  const where: Prisma.UserWhereInput = query.q
    ? { OR: [{ email: { contains: query.q.toLowerCase() } }, { name: { contains: query.q, mode: 'insensitive' } }] }
    : {};
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        status: true,
        suspendedAt: true,
        suspendedWhy: true,
        createdAt: true,
        volunteerProfile: { select: { id: true, pausedReason: true } },
        memberships: { select: { organisation: { select: { name: true } } }, orderBy: { createdAt: 'asc' }, take: 3 },
        _count: { select: { offers: { where: { status: 'PENDING' } } } },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
    }),
  ]);
  return { users, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
}

export type AdminUserRow = Awaited<ReturnType<typeof listUsers>>['users'][number];

const suspendSchema = z.object({
  reason: z
    .string({ error: 'Say why this account is suspended.' })
    .trim()
    .min(10, 'Say why this account is suspended (10 characters or more): it is kept on the record.')
    .max(500, 'Keep the reason to 500 characters.'),
});

/** What changed: false when the account was already in that state (another admin got there first). */
export interface ModerationOutcome {
  changed: boolean;
}

/**
 * ACTIVE -> SUSPENDED as a conditional update, so two admins at once suspend once: one audit row and one
 * 'offer-withdrawn' email per charity contact. Their sessions end and their pending offers are withdrawn
 * in the same transaction.
 */
export async function suspendUser(
  admin: Actor,
  userId: string,
  input: FormData | Record<string, unknown>,
  now = new Date(),
): Promise<FormResult<ModerationOutcome>> {
  assertAdmin(admin);
  const values = formValues(input);
  if (userId === admin.id) return invalid(values, {}, 'You cannot suspend your own account. Ask another admin.');
  const parsed = parseForm(suspendSchema, values);
  if (!parsed.ok) return parsed.result;
  const { reason } = parsed.data;

  const changed = await db.$transaction((tx) => suspendUserIn(tx, admin, userId, reason, now));
  return { ok: true, data: { changed } };
}

/**
 * The suspension itself, inside the caller's transaction (a report resolved by suspending its subject uses it
 * too, lib/reports/mutations.ts): false when they were already suspended. The caller checks the admin.
 */
export async function suspendUserIn(
  tx: Prisma.TransactionClient,
  admin: Actor,
  userId: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  assertAdmin(admin);
  if (userId === admin.id) throw new AccessDenied('Admins cannot suspend themselves');
  const { count } = await tx.user.updateMany({
    where: { id: userId, status: 'ACTIVE' },
    data: { status: 'SUSPENDED', suspendedAt: now, suspendedWhy: reason },
  });
  if (count === 0) {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AccessDenied('No such user');
    return false;
  }
  // Signed out on every device at once (the session guard would also refuse them on their next request).
  await tx.session.deleteMany({ where: { userId } });
  const withdrawn = await withdrawPendingOffers(tx, userId, 'suspended', now);
  // Their booked sessions cannot go ahead: each is cancelled and the charity told (the ask goes back on the list).
  const cancelledAsks = await cancelSessionsOfUnavailableVolunteer(tx, userId, admin.id, now);
  await recordAudit(tx, {
    actorId: admin.id,
    action: 'user.suspend',
    target: { type: 'User', id: userId },
    before: { status: 'ACTIVE' },
    after: { status: 'SUSPENDED' },
    data: { reason, offersWithdrawn: withdrawn, sessionsCancelledOnAsks: cancelledAsks },
  });
  return true;
}

/** SUSPENDED -> ACTIVE. Offers withdrawn by the suspension stay withdrawn: the person offers again if they wish. */
export async function reinstateUser(admin: Actor, userId: string): Promise<ModerationOutcome> {
  assertAdmin(admin);
  if (userId === admin.id) throw new AccessDenied('Admins cannot reinstate themselves');
  const outcome = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, status: 'SUSPENDED' },
      data: { status: 'ACTIVE', suspendedAt: null, suspendedWhy: null },
    });
    if (count === 0) {
      if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AccessDenied('No such user');
      return { changed: false };
    }
    await recordAudit(tx, {
      actorId: admin.id,
      action: 'user.reinstate',
      target: { type: 'User', id: userId },
      before: { status: 'SUSPENDED' },
      after: { status: 'ACTIVE' },
    });
    return { changed: true };
  });
  return outcome;
}

/**
 * Lifts a pause HalfHour made (three missed sessions), after an admin has talked it through with the
 * volunteer: they are active again and can offer. A pause the volunteer chose is theirs to end.
 */
export async function liftVolunteerPause(admin: Actor, userId: string): Promise<ModerationOutcome> {
  assertAdmin(admin);
  const outcome = await db.$transaction(async (tx) => {
    const { count } = await tx.volunteerProfile.updateMany({
      where: { userId, pausedReason: { not: null } },
      data: { pausedAt: null, pausedUntil: null, pausedReason: null },
    });
    if (count === 0) {
      if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AccessDenied('No such user');
      return { changed: false };
    }
    await recordAudit(tx, { actorId: admin.id, action: 'volunteer.unpause', target: { type: 'User', id: userId } });
    return { changed: true };
  });
  return outcome;
}
