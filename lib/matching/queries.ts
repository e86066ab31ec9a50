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

/** How long the dashboard's "asks that fit you" may be reused while nothing it depends on changes. */
export const FITTING_ASKS_CACHE_MS = 60_000;

/** The open asks that fit the actor as a volunteer, best first; [] when they have no volunteer profile. */
export async function fittingAsksForVolunteer(actor: Actor, options: { limit?: number; now?: Date } = {}): Promise<FittingAsk[]> {
  assertActive(actor);
  // Kept for a minute unless something it depends on changes (see asksThatFit's cacheFor); a given `now` is a
  // question about that moment, answered afresh.
  return asksThatFit(db, actor.id, options.now ? options : { ...options, cacheFor: FITTING_ASKS_CACHE_MS });
}
