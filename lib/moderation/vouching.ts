// Admins vouch for community groups that have no registration number (a residents' association, a mutual-aid
// group): the group is verified as any other (lib/moderation/organisations.ts verifyOrganisation), and who vouched
// and why is kept with it, shown to admins. Everyone else sees a "Vouched" badge beside "Verified".
import 'server-only';
import { z } from 'zod';
import { assertAdmin, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import { verifyOrganisation } from './organisations';

export const VOUCH_NOTE_MAX = 1000;

export const vouchSchema = z.object({
  note: z
    .string({ error: 'Say how you know this group is real: who you spoke to, what you saw.' })
    .trim()
    .min(20, 'Say how you know this group is real: who you spoke to, what you saw (20 characters or more).')
    .max(VOUCH_NOTE_MAX, `Keep the note to ${VOUCH_NOTE_MAX} characters or fewer.`),
});

/**
 * An admin vouches for a group waiting for verification with no registration number, with a note of why.
 * Refused (a form error) when it has a number (verify it against its register instead) or is not waiting.
 */
export async function vouchForOrganisation(
  actor: Actor,
  organisationId: string,
  input: FormData | Record<string, unknown>,
): Promise<FormResult> {
  assertAdmin(actor);
  const values = formValues(input);
  const parsed = parseForm(vouchSchema, values);
  if (!parsed.ok) return parsed.result;
  const vouched = await verifyOrganisation(actor, organisationId, { note: parsed.data.note });
  if (!vouched) {
    return invalid(
      values,
      {},
      'Only a group waiting for verification with no registration number can be vouched for. Check one with a number against its register.',
    );
  }
  return { ok: true, data: undefined, message: 'Vouched for and verified.' };
}

/** Organisations an admin vouched for, newest first, with who vouched and why: for admins only. */
export async function listVouchedOrganisations(actor: Actor) {
  assertAdmin(actor);
  return db.organisation.findMany({
    where: { vouchedAt: { not: null } },
    select: {
      id: true,
      name: true,
      type: true,
      region: true,
      vouchNote: true,
      vouchedAt: true,
      vouchedBy: { select: { name: true, email: true } },
    },
    orderBy: [{ vouchedAt: 'desc' }, { id: 'desc' }],
    take: 50,
  });
}
