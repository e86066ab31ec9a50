// Who is signed in. next-auth writes a database session and a cookie when a magic link is used; we
// read that session row directly (one indexed query), so an admin deleting sessions ends them at once.
import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { db } from '@/lib/db';

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  timeZone: true,
  onboardedAt: true,
  volunteerProfile: { select: { id: true, pausedAt: true } },
  memberships: {
    select: { organisationId: true, role: true, organisation: { select: { name: true, status: true } } },
    orderBy: { createdAt: 'asc' },
  },
} as const;

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

/** The user behind a session token, or null when there is no such session or it has expired. */
export async function findSessionUser(sessionToken: string, now = new Date()) {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: sessionUserSelect } },
  });
  if (!session || session.expires <= now) return null;
  return session.user;
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

/** The signed-in user for this request (looked up once per request). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await currentSessionToken();
  return token ? findSessionUser(token) : null;
});

/** Ends every session a user has, on every device. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
