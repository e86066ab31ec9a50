// For server actions and pages: an actor refused by lib/ sees a missing page, which reveals nothing
// about what exists (a guessed id of someone else's record looks the same as no record).
import 'server-only';
import { notFound } from 'next/navigation';
import { AccessDenied } from './actor';

export async function orNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccessDenied) notFound();
    throw error;
  }
}
