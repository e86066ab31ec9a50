// What the clinic form starts with for a new clinic (/clinics/new), and the zone its date and time are read in:
// the volunteer's profile's, as lib/clinics/mutations.ts reads them. Editing starts from clinicForEdit (./queries.ts).
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { FormValues } from '@/lib/forms';
import { DEFAULT_CLINIC_DURATION, DEFAULT_CLINIC_SEATS } from './limits';

export const NEW_CLINIC_DEFAULTS: FormValues = {
  durationMinutes: String(DEFAULT_CLINIC_DURATION),
  medium: 'VIDEO',
  seats: String(DEFAULT_CLINIC_SEATS),
};

/** The zone the volunteer's clinic form is read in: their profile's (null without one). */
export async function clinicFormZone(actor: Actor): Promise<string | null> {
  const profile = await db.volunteerProfile.findUnique({ where: { userId: actor.id }, select: { timeZone: true } });
  return profile?.timeZone ?? null;
}
