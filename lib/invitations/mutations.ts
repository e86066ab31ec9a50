// Writing invitations: staff of an ask's organisation invite a suggested volunteer with a line of their
// own; the volunteer declines with a reason, or accepts by making an offer (lib/offers/mutations.ts marks
// the invitation ACCEPTED in the offer's transaction). Races are settled by the database: the volunteer's
// profile row lock keeps pending invitations within their spare capacity, the ask's share lock keeps an
// invitation off an ask being matched, and the unique (askId, volunteerId) index allows one per ask.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertAskStaff } from '@/lib/asks/policy';
import { blocksBetween, isBlocked } from '@/lib/blocks/policy';
import { isUniqueViolation } from '@/lib/database/errors';
import { db } from '@/lib/db';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import type { AskStatus } from '@/lib/generated/prisma/client';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import { volunteerLoad } from '@/lib/offers/capacity';
import { ALREADY_INVITED, assertOwnInvitation, invitationRefusal } from './policy';
import { declineInvitationSchema, inviteSchema } from './schema';

type Input = FormData | Record<string, unknown>;

const displayName = (name: string | null | undefined, fallback: string) => name?.trim() || fallback;

/**
 * Staff invite a volunteer to help with their open ask. Refused, with a reason for staff, when the ask
 * is not open, or the volunteer is paused, suspended, at capacity (counting pending offers and
 * invitations), a member of the ask's organisation, or has already offered or been invited. The
 * volunteer is emailed once, with a link that opens the offer form.
 */
export async function inviteVolunteer(actor: Actor, askId: string, input: Input, now = new Date()): Promise<FormResult<{ id: string }>> {
  const ask = await assertAskStaff(actor, askId);
  const values = formValues(input);
  const parsed = parseForm(inviteSchema, values);
  if (!parsed.ok) return parsed.result;
  const { volunteerId, message, score } = parsed.data;

  const [volunteer, inviter, details] = await Promise.all([
    db.user.findUnique({
      where: { id: volunteerId },
      select: { id: true, name: true, email: true, status: true, volunteerProfile: { select: { id: true } } },
    }),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } }),
    db.ask.findUniqueOrThrow({ where: { id: askId }, select: { title: true, organisation: { select: { name: true } } } }),
  ]);
  const volunteerName = displayName(volunteer?.name, 'This volunteer');

  try {
    return await db.$transaction(async (tx) => {
      // A share lock on the ask: accepting an offer (FOR UPDATE), withdrawing or expiring it waits for
      // this transaction, so no invitation is left waiting on an ask that closed meanwhile.
      const [current] = await tx.$queryRaw<
        Array<{ status: AskStatus; deadline: Date; publishedAt: Date | null; organisationVerified: boolean }>
      >`SELECT "status"::text AS "status", "deadline", "publishedAt", "organisationVerified" FROM "Ask" WHERE "id" = ${askId} FOR SHARE`;
      // The profile row lock makes this volunteer's capacity one-at-a-time, shared with making an offer:
      // two invitations (or an invitation and an offer) at once cannot both squeeze under the limit.
      if (volunteer?.volunteerProfile) {
        await tx.$queryRaw`SELECT "id" FROM "VolunteerProfile" WHERE "userId" = ${volunteerId} FOR UPDATE`;
      }
      const membership = await tx.membership.findFirst({
        where: { userId: volunteerId, organisationId: ask.organisationId },
        select: { id: true },
      });
      const offer = await tx.offer.findUnique({ where: { askId_volunteerId: { askId, volunteerId } }, select: { id: true } });
      const existing = await tx.invitation.findUnique({ where: { askId_volunteerId: { askId, volunteerId } }, select: { id: true } });
      // Read under the profile lock that placing a block takes too (lib/blocks/mutations.ts).
      const blocked = isBlocked(await blocksBetween(tx, ask.organisationId, volunteerId));
      const load = await volunteerLoad(tx, volunteerId, now);
      // The rule suggestions use (lib/matching/volunteers-for-ask.ts): a medium in common and a skill the ask needs,
      // or one in its areas. The volunteer's id comes back from the browser, so it is checked, not trusted.
      const [row] = await tx.$queryRaw<Array<{ fits: boolean }>>`
        SELECT EXISTS (
          SELECT 1 FROM "VolunteerProfile" p, "Ask" a
           WHERE p."userId" = ${volunteerId} AND a."id" = ${askId} AND p."media" && a."media"
             AND EXISTS (SELECT 1 FROM "VolunteerSkill" vs JOIN "Skill" s ON s."id" = vs."skillId"
                          WHERE vs."volunteerProfileId" = p."id"
                            AND (vs."skillId" = ANY(a."skillIds") OR s."categoryId" = ANY(a."skillCategoryIds")))
        ) AS "fits"`;
      const refusal = invitationRefusal({
        fits: row?.fits === true,
        ask: current!,
        volunteer: volunteer ? { name: volunteerName, status: volunteer.status, hasProfile: volunteer.volunteerProfile !== null } : null,
        blocked,
        ownOrganisation: membership !== null,
        alreadyOffered: offer !== null,
        alreadyInvited: existing !== null,
        load,
        now,
      });
      if (refusal) return invalid(values, {}, refusal);

      const invitation = await tx.invitation.create({
        data: { askId, volunteerId, invitedById: actor.id, message, score },
        select: { id: true },
      });
      await queueEmail(tx, {
        to: volunteer!.email,
        userId: volunteerId,
        dedupeKey: `invitation:${invitation.id}`,
        message: {
          kind: 'invitation-to-help',
          data: {
            askTitle: details.title,
            organisationName: details.organisation.name,
            inviterName: displayName(inviter.name, details.organisation.name),
            message,
            url: `${appUrl()}/asks/${askId}/offer?invitation=${invitation.id}`,
          },
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'invitation.send',
        target: { type: 'Invitation', id: invitation.id },
        data: { askId, volunteerId, score },
      });
      return {
        ok: true as const,
        data: { id: invitation.id },
        message: `${volunteerName} has been invited and emailed. Their answer will show here.`,
      };
    });
  } catch (error) {
    // Two colleagues inviting the same volunteer at once: the unique (askId, volunteerId) index lets one through.
    if (isUniqueViolation(error)) return invalid(values, {}, ALREADY_INVITED(volunteerName));
    throw error;
  }
}

/** The invited volunteer says no, with a reason the charity sees (and matching can learn from). */
export async function declineInvitation(
  actor: Actor,
  invitationId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ askId: string }>> {
  const invitation = await assertOwnInvitation(actor, invitationId);
  const values = formValues(input);
  const parsed = parseForm(declineInvitationSchema, values);
  if (!parsed.ok) return parsed.result;
  return db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, volunteerId: actor.id, status: 'PENDING' },
      data: { status: 'DECLINED', declineReason: parsed.data.reason, respondedAt: now },
    });
    if (count === 0) {
      const current = await tx.invitation.findUnique({ where: { id: invitationId }, select: { status: true } });
      return invalid(
        values,
        {},
        current?.status === 'ACCEPTED'
          ? 'You have already answered this invitation with an offer. To step back, withdraw your offer from the ask’s page.'
          : 'This invitation is no longer waiting for an answer: the ask may have closed or been matched.',
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'invitation.decline',
      target: { type: 'Invitation', id: invitationId },
      data: { askId: invitation.askId },
    });
    return { ok: true as const, data: { askId: invitation.askId }, message: 'Thank you for letting them know.' };
  });
}
