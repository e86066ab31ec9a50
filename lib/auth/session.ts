// Who is signed in. next-auth writes a database session and a cookie when a magic link is used; we
// read that session row directly, so an admin deleting sessions ends them at once.
import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { PREPARED } from '@/lib/database/statement-names';
import type { MembershipRole, OrganisationStatus, UserRole, UserStatus } from '@/lib/generated/prisma/enums';

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/** The signed-in user as pages and guards read it: who they are, and the organisations and profile they have. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  status: UserStatus;
  timeZone: string;
  onboardedAt: Date | null;
  volunteerProfile: { id: string; pausedAt: Date | null } | null;
  /** Oldest first. */
  memberships: Array<{ organisationId: string; role: MembershipRole; organisation: { name: string; status: OrganisationStatus } }>;
}

interface SessionRow {
  expires: Date;
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  status: UserStatus;
  timeZone: string;
  onboardedAt: Date | null;
  profileId: string | null;
  pausedAt: Date | null;
  memberships: SessionUser['memberships'];
}

/** The columns of a SessionUser row: the user `u`, their profile `p` and their memberships as one JSON array. */
const sessionUserColumns = Prisma.sql`u.id, u.email, u.name, u.role::text AS role, u.status::text AS status, u."timeZone", u."onboardedAt",
           p.id AS "profileId", p."pausedAt",
           coalesce((SELECT json_agg(json_build_object('organisationId', m."organisationId", 'role', m.role,
                                                       'organisation', json_build_object('name', o.name, 'status', o.status))
                                     ORDER BY m."createdAt")
                       FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId"
                      WHERE m."userId" = u.id), '[]') AS memberships`;

function toSessionUser(row: Omit<SessionRow, 'expires'>): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    timeZone: row.timeZone,
    onboardedAt: row.onboardedAt,
    volunteerProfile: row.profileId ? { id: row.profileId, pausedAt: row.pausedAt } : null,
    memberships: row.memberships,
  };
}

/**
 * The user behind a session token, or null when there is no such session or it has expired. Every page
 * reads this, so it is one statement (Session's unique token, then primary and unique keys) rather than the
 * five a nested Prisma select issues; the memberships come back as one JSON array.
 */
export async function findSessionUser(sessionToken: string, now = new Date()): Promise<SessionUser | null> {
  // Every page reads the session: prepared once per connection.
  const [row] = await db.$queryRaw<SessionRow[]>(Prisma.sql`${PREPARED}
    SELECT s.expires, ${sessionUserColumns}
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "VolunteerProfile" p ON p."userId" = u.id
     WHERE s."sessionToken" = ${sessionToken}`);
  if (!row || row.expires <= now) return null;
  return toSessionUser(row);
}

/**
 * The same user as findSessionUser reads, by id: for the cached dashboard (docs/decisions/0015), whose key
 * proxy.ts made from the session. Null when there is no such user.
 */
export async function findUserAsSignedIn(userId: string): Promise<SessionUser | null> {
  const [row] = await db.$queryRaw<Array<Omit<SessionRow, 'expires'>>>(Prisma.sql`${PREPARED}
    SELECT ${sessionUserColumns}
      FROM "User" u
      LEFT JOIN "VolunteerProfile" p ON p."userId" = u.id
     WHERE u.id = ${userId}`);
  return row ? toSessionUser(row) : null;
}

/** The session token from this request's cookies, if any. */
export async function currentSessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return undefined;
}

/** The signed-in user for this request (looked up once per request, however many components ask). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await currentSessionToken();
  return token ? findSessionUser(token) : null;
});

/** Ends every session a user has, on every device. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
