// Matching for a signed-in person: suggestions for an ask's staff, and the asks that fit a volunteer. Each checks who
// is asking, then reads through ./candidates.ts.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { assertAskStaff } from '@/lib/asks/policy';
import { db } from '@/lib/db';
import { asksThatFit, type FittingAsk, suggestVolunteers, type SuggestedVolunteer } from './candidates';

/** The volunteers to suggest for an ask, best first. AccessDenied (a 404) unless the actor is staff of its organisation. */
export async function suggestionsForStaff(actor: Actor, askId: string, options: { limit?: number } = {}): Promise<SuggestedVolunteer[]> {
  const ask = await assertAskStaff(actor, askId);
  return suggestVolunteers(db, ask.id, { limit: options.limit });
}

/** The open asks that fit the actor as a volunteer, best first; [] when they have no volunteer profile. */
export async function fittingAsksForVolunteer(actor: Actor, options: { limit?: number; now?: Date } = {}): Promise<FittingAsk[]> {
  assertActive(actor);
  return asksThatFit(db, actor.id, options);
}
