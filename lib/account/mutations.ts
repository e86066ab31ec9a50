// Changes a person makes to their own account.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { safeReturnPath } from '@/lib/auth/redirects';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import { withdrawPendingOffers } from '@/lib/offers/withdrawals';
import { accountSchema, deleteAccountSchema, onboardingSchema } from './schema';

/** First sign-in: a name and what brings them here. Returns where to go next. */
export async function completeOnboarding(actor: Actor, input: FormData | Record<string, unknown>): Promise<FormResult<{ next: string }>> {
  assertActive(actor);
  const values = formValues(input);
  const parsed = parseForm(onboardingSchema, values);
  if (!parsed.ok) return parsed.result;
  const { name, charity, volunteer, next } = parsed.data;

  const user = await db.user.update({
    where: { id: actor.id },
    data: { name, onboardedAt: new Date() },
    select: { memberships: { select: { organisationId: true } }, volunteerProfile: { select: { id: true } } },
  });

  // The default landing pages are not a destination of their own: the choices above decide.
  const requested = next ? safeReturnPath(next, appUrl(), '') : '';
  const returnTo = ['/welcome', '/dashboard'].includes(requested) ? '' : requested;
  let destination = returnTo || '/dashboard';
  if (!returnTo) {
    if (charity && user.memberships.length === 0) destination = volunteer ? '/organisations/new?then=volunteer' : '/organisations/new';
    else if (volunteer && !user.volunteerProfile) destination = '/volunteer/profile?first=1';
  }
  return { ok: true, data: { next: destination } };
}

export async function updateAccount(actor: Actor, input: FormData | Record<string, unknown>): Promise<FormResult> {
  assertActive(actor);
  const values = formValues(input);
  const parsed = parseForm(accountSchema, values);
  if (!parsed.ok) return parsed.result;
  await db.user.update({ where: { id: actor.id }, data: parsed.data });
  return { ok: true, data: undefined, message: 'Your account details are saved.' };
}

/**
 * Deletes the account. Feedback they wrote stays, without their name (it is part of someone else's
 * record of a session); organisations where they are the only member go with them. Refused while
 * they are the last owner of an organisation that has other members.
 */
export async function deleteAccount(actor: Actor, input: FormData | Record<string, unknown>): Promise<FormResult> {
  const values = formValues(input);
  const parsed = parseForm(deleteAccountSchema, values);
  if (!parsed.ok) return parsed.result;

  const result = await db.$transaction(async (tx) => {
    // Lock every organisation they belong to first, then read roles inside the lock, so a colleague
    // leaving or being promoted at the same moment cannot leave an organisation without an owner.
    const organisationIds = (await tx.membership.findMany({ where: { userId: actor.id }, select: { organisationId: true } })).map(
      (m) => m.organisationId,
    );
    if (organisationIds.length > 0) {
      await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ANY(${organisationIds}) ORDER BY id FOR UPDATE`;
    }
    const memberships = await tx.membership.findMany({
      where: { userId: actor.id },
      select: { organisationId: true, role: true, organisation: { select: { name: true } } },
    });
    const soleMemberOf: string[] = [];
    for (const membership of memberships) {
      const others = await tx.membership.groupBy({
        by: ['role'],
        where: { organisationId: membership.organisationId, userId: { not: actor.id } },
        _count: true,
      });
      const otherMembers = others.reduce((sum, row) => sum + row._count, 0);
      const otherOwners = others.find((row) => row.role === 'OWNER')?._count ?? 0;
      if (otherMembers === 0) soleMemberOf.push(membership.organisationId);
      else if (membership.role === 'OWNER' && otherOwners === 0) {
        return invalid(
          values,
          {},
          `You are the only owner of ${membership.organisation.name}. Make another member an owner before deleting your account.`,
        );
      }
    }
    // Booked sessions would vanish with the account (and with an organisation only they belong to) without
    // anyone being told: they cancel them first, from each session's page, so the other side hears.
    const booked = await tx.meeting.count({
      where: {
        status: 'SCHEDULED',
        endsAt: { gt: new Date() },
        OR: [{ volunteerId: actor.id }, { organisationId: { in: soleMemberOf } }],
      },
    });
    if (booked > 0) {
      return invalid(
        values,
        {},
        `You have ${booked === 1 ? 'a session' : `${booked} sessions`} booked. Cancel ${booked === 1 ? 'it' : 'them'} first from your dashboard, so the other side is told, then delete your account.`,
      );
    }
    // The charities their waiting offers went to are told before the offers go with the account.
    await withdrawPendingOffers(tx, actor.id, 'deleted');
    await tx.organisation.deleteMany({ where: { id: { in: soleMemberOf } } });
    // deleteMany: a second submission of the same form finds nothing to delete, and that is fine.
    const { count } = await tx.user.deleteMany({ where: { id: actor.id } });
    // The audit rows they wrote stay as they were (the log is append-only): their id now leads to no name or email,
    // which the audit log shows as a deleted account, the tombstone (docs/decisions/0025-one-audit-log.md).
    if (count === 1) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.delete',
        target: { type: 'User', id: actor.id },
        data: { organisationsDeleted: soleMemberOf },
      });
    }
    return { ok: true as const, data: undefined };
  });
  return result;
}
