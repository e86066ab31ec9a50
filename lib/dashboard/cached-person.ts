// Who a cached dashboard belongs to (docs/decisions/0015): the person its key names.
import 'server-only';
import { cache } from 'react';
import { authSecret } from '@/lib/auth/secret';
import { findUserAsSignedIn, type SessionUser } from '@/lib/auth/session';
import { readDashboardPageKey } from './page-key';

/**
 * The person a cached dashboard's key names, read as a session would read them (once per render, however many
 * parts ask: the header and the page); null for a key that is not ours or a person who may not see it now.
 */
export const personForDashboardKey = cache(async (key: string): Promise<SessionUser | null> => {
  const person = readDashboardPageKey(authSecret(), key);
  if (!person) return null;
  const user = await findUserAsSignedIn(person.userId);
  return user && user.status === 'ACTIVE' && user.onboardedAt ? user : null;
});
