// Matching for a signed-in person: suggestions for an ask's staff. It checks who is asking, then reads through
// ./volunteers-for-ask.ts. The asks that fit a volunteer come with their dashboard (lib/dashboard/volunteer.ts) and with the
// best-fit sort of /asks (lib/asks/browse.ts).
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { assertAskStaff } from '@/lib/asks/policy';
import { db } from '@/lib/db';
import { suggestVolunteers, type SuggestedVolunteer } from './volunteers-for-ask';

/** The volunteers to suggest for an ask, best first. AccessDenied (a 404) unless the actor is staff of its organisation. */
export async function suggestionsForStaff(actor: Actor, askId: string, options: { limit?: number } = {}): Promise<SuggestedVolunteer[]> {
  const ask = await assertAskStaff(actor, askId);
  return suggestVolunteers(db, ask.id, { limit: options.limit });
}
