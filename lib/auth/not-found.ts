// For server actions and pages: an actor refused by lib/ sees a missing page, which reveals nothing
// about what exists (a guessed id of someone else's record looks the same as no record).
import 'server-only';
import { notFound } from 'next/navigation';
import { postgresErrorCode } from '@/lib/database/errors';
import { AccessDenied } from './actor';

/**
 * PostgreSQL's "invalid byte sequence" (22021): an id with a NUL in it (`%00` in an address) cannot name any
 * row, as PostgreSQL stores no NUL, so the lookup fails instead of finding nothing. It is the same 404.
 */
const NAMES_NO_ROW = '22021';

export async function orNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccessDenied || postgresErrorCode(error) === NAMES_NO_ROW) notFound();
    throw error;
  }
}
