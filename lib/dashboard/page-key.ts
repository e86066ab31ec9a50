// The key a signed-in person's cached dashboard is kept under (docs/decisions/0015): their user id, their
// dashboard's version (from the DashboardChange rows the database wrote for them) and a signature, so the
// page can trust the id it is handed. Only proxy.ts makes keys, after reading the session; it removes any
// key a client sends, so a key never comes from outside. Pure: no I/O.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface DashboardPerson {
  userId: string;
  /**
   * `newest-count`: their newest DashboardChange id (0 when none) and how many rows they have, so that a
   * change committed after a later one still makes a new version (lib/dashboard/versions.ts).
   */
  version: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const VERSION = /^\d{1,19}-\d{1,19}$/;

function signature(secret: string, userId: string, version: string): string {
  return createHmac('sha256', secret).update(`dashboard:${userId}.${version}`).digest('base64url');
}

/** `userId.version.signature`: characters a path segment and a header carry as they are. */
export function dashboardPageKey(secret: string, person: DashboardPerson): string {
  if (!ID.test(person.userId) || !VERSION.test(person.version)) throw new Error('dashboardPageKey: malformed user id or version');
  return `${person.userId}.${person.version}.${signature(secret, person.userId, person.version)}`;
}

/** The person a key names, or null when it is malformed or its signature is not ours. */
export function readDashboardPageKey(secret: string, key: string): DashboardPerson | null {
  const [userId, version, signed, ...rest] = key.split('.');
  if (rest.length > 0 || !userId || !version || !signed || !ID.test(userId) || !VERSION.test(version)) return null;
  const expected = Buffer.from(signature(secret, userId, version));
  const given = Buffer.from(signed);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, version } : null;
}
