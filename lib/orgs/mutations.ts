// Changes to organisations and who belongs to them. Every function takes the acting user and checks
// their role here, where the data is written; ids sent in forms are never trusted on their own.
import 'server-only';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { normaliseEmail } from '@/lib/auth/email-address';
import { consumeRateLimit, minutesUntil } from '@/lib/auth/rate-limit';
import { authSecret } from '@/lib/auth/secret';
import { DAY_MS } from '@/lib/dates';
import { db } from '@/lib/db';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import { OrganisationType } from '@/lib/generated/prisma/enums';
import { createOnce, recordSubmission, submissionOf, type Submission } from '@/lib/form-submissions';
import { formValues, invalid, parseForm, single, type FormResult } from '@/lib/forms';
import { assertOrgRole } from './policy';
import { checkRegistrationNumber } from './registration-number';
import { inviteSchema, ORGANISATION_FORM_COLUMNS, organisationSchema, type OrganisationInput } from './schema';

export const INVITE_DAYS = 7;
const INVITE_LIMIT = { limit: 30, windowMs: 24 * 60 * 60_000 };

/** A new organisation, owned by its creator and waiting for an admin to verify it. */
export async function createOrganisation(actor: Actor, input: FormData | Record<string, unknown>): Promise<FormResult<{ id: string }>> {
  assertActive(actor);
  const values = formValues(input);
  const parsed = parseForm(organisationSchema, values);
  if (!parsed.ok) return withRegistrationNumberError(parsed.result);
  // Only the fields the schema names are written: status, ownership and ids come from here, never the form.
  const submission = submissionOf(actor.id, 'organisation', values);
  const organisation = await createOnce(
    submission,
    () =>
      db.$transaction(async (tx) => {
        const created = await tx.organisation.create({
          data: { ...parsed.data, status: 'PENDING_VERIFICATION', memberships: { create: { userId: actor.id, role: 'OWNER' } } },
          select: { id: true },
        });
        await recordAudit(tx, { actorId: actor.id, action: 'organisation.create', target: { type: 'Organisation', id: created.id } });
        await recordSubmission(tx, submission, created.id);
        return created;
      }),
    async (id) => ({ id }),
  );
  return { ok: true, data: organisation };
}

/**
 * What makes an organisation the one an admin verified: changing any of these sends a verified organisation
 * back to be checked again, so a verified badge never stands for a name or register entry nobody checked.
 */
export const IDENTITY_FIELDS = ['name', 'type', 'registrationNumber'] as const satisfies ReadonlyArray<keyof OrganisationInput>;

export const SUSPENDED_EDIT_MESSAGE = 'This organisation is suspended, so its details cannot be changed.';

/** What saving an organisation's details did: `resubmitted` when it went back to the admins to verify. */
export type OrganisationUpdate = { id: string; resubmitted: boolean };

/**
 * An owner corrects the organisation's details, every field checked at once as when creating it. A rejected
 * organisation goes back to the admins' queue; a verified one stays verified unless its name, type or
 * registration number changes (IDENTITY_FIELDS), when it is checked again and its asks wait, hidden, until it
 * is. A suspended organisation cannot be edited.
 */
export async function updateOrganisation(
  actor: Actor,
  organisationId: string,
  input: FormData | Record<string, unknown>,
): Promise<FormResult<OrganisationUpdate>> {
  await assertOrgRole(actor, organisationId, 'OWNER');
  const values = formValues(input);
  const parsed = parseForm(organisationSchema, values);
  if (!parsed.ok) return withRegistrationNumberError(parsed.result);
  const saved = await db.$transaction(async (tx) => {
    // Lock the row: an admin's verify, reject or suspend waits for this edit (or this edit for it), so the
    // status decided on below is the one written over, and a decision made meanwhile is never undone.
    await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
    // Still an owner under the lock (leaving takes the same lock): one who left a moment ago cannot save.
    const ownership = await tx.membership.count({ where: { organisationId, userId: actor.id, role: 'OWNER' } });
    if (ownership === 0) throw new AccessDenied();
    const current = await tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { status: true, ...ORGANISATION_FORM_COLUMNS },
    });
    if (current.status === 'SUSPENDED') return null;
    const changed = (Object.keys(parsed.data) as Array<keyof OrganisationInput>).filter(
      (field) => !sameValue(parsed.data[field], current[field]),
    );
    const resubmitted =
      current.status === 'REJECTED' ||
      (current.status === 'VERIFIED' && changed.some((field) => (IDENTITY_FIELDS as readonly string[]).includes(field)));
    const { count } = await tx.organisation.updateMany({
      where: { id: organisationId, status: current.status },
      data: { ...parsed.data, ...(resubmitted ? { status: 'PENDING_VERIFICATION', statusNote: null } : {}) },
    });
    if (count !== 1) throw new Error(`Organisation ${organisationId} changed status under its row lock`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: resubmitted ? 'organisation.resubmit' : 'organisation.update',
      target: { type: 'Organisation', id: organisationId },
      data: { from: current.status, changed },
    });
    return { resubmitted, wasVerified: current.status === 'VERIFIED' };
  });
  if (!saved) return invalid(values, {}, SUSPENDED_EDIT_MESSAGE);
  // Only a verified organisation's asks are public: their pages show its details, or now hide them.
  return { ok: true, data: { id: organisationId, resubmitted: saved.resubmitted } };
}

/** Cause areas are a set: the same ones in another order are no change. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join() === [...b].sort().join();
  return a === b;
}

/**
 * Zod checks the registration number against the type only once the other fields are valid; check it
 * anyway so the person sees every problem in one go.
 */
function withRegistrationNumberError(result: FormResult<never>): FormResult<never> {
  if (result.ok || result.fieldErrors.registrationNumber) return result;
  const type = single(result.values, 'type');
  if (!type || !Object.hasOwn(OrganisationType, type)) return result;
  const checked = checkRegistrationNumber(type as OrganisationType, single(result.values, 'registrationNumber'));
  return checked.ok ? result : { ...result, fieldErrors: { ...result.fieldErrors, registrationNumber: [checked.message] } };
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function inviteUrl(token: string): string {
  return `${appUrl()}/invites/${token}`;
}

/**
 * A single-use link that adds whoever opens it (signed in) to the organisation. Owners only. When an
 * email address is given the link is also emailed; the owner always sees it to copy.
 */
export async function createInvite(
  actor: Actor,
  organisationId: string,
  input: FormData | Record<string, unknown>,
): Promise<FormResult<{ url: string; expiresAt: Date; emailed: boolean }>> {
  await assertOrgRole(actor, organisationId, 'OWNER');
  const values = formValues(input);
  const parsed = parseForm(inviteSchema, values);
  if (!parsed.ok) return parsed.result;
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { status: true } });
  if (organisation.status === 'REJECTED' || organisation.status === 'SUSPENDED') {
    return invalid(values, {}, 'This organisation cannot invite people while it is not verified or is suspended.');
  }
  // Invitations send email on our name: limit them, so an account cannot be used to spam.
  const limit = await consumeRateLimit(`invite:organisation:${organisationId}`, INVITE_LIMIT);
  if (!limit.allowed) {
    return invalid(values, {}, `You have created a lot of invitations today. Please try again in ${minutesUntil(limit.retryAfterMs)}.`);
  }
  let email: string | undefined;
  if (parsed.data.email) {
    const checked = normaliseEmail(parsed.data.email);
    if (!checked.ok) return invalid(values, { email: [checked.message] });
    email = checked.email;
  }

  // A second post of the same form shows the first one's link: so its token is made from the form's one-time id
  // and our secret (nobody else can make it), and only its hash is kept, as for any invitation.
  const submission = submissionOf(actor.id, 'organisation-invite', values);
  const token = submission
    ? createHmac('sha256', authSecret()).update(`organisation-invite:${submission.userId}:${submission.token}`).digest('base64url')
    : randomBytes(24).toString('base64url');
  const url = inviteUrl(token);
  // The invitation and its email commit together; the queue delivers it, retrying if mail is down.
  const invite = await createOnce(
    submission,
    () => createInviteRow(actor, organisationId, { email, url, tokenHash: hashInviteToken(token) }, submission),
    (id) => db.orgInvite.findUnique({ where: { id }, select: { expiresAt: true, email: true } }),
  );
  if (!invite)
    return invalid(values, {}, 'This invitation was sent once and has been withdrawn since. Open the page again to make a new one.');
  return {
    ok: true,
    data: { url, expiresAt: invite.expiresAt, emailed: Boolean(invite.email) },
    message: invite.email
      ? `Invitation on its way to ${invite.email}. You can also copy the link below.`
      : 'Invitation link created. Copy it and send it to your colleague.',
  };
}

/** Writes one invitation (and queues its email) with the submission that asked for it. */
async function createInviteRow(
  actor: Actor,
  organisationId: string,
  { email, url, tokenHash }: { email: string | undefined; url: string; tokenHash: string },
  submission: Submission | null,
): Promise<{ expiresAt: Date; email: string | null }> {
  const expiresAt = new Date(Date.now() + INVITE_DAYS * DAY_MS);
  return db.$transaction(async (tx) => {
    const invite = await tx.orgInvite.create({
      data: { organisationId, invitedById: actor.id, email, tokenHash, expiresAt },
      select: { id: true, organisation: { select: { name: true } }, invitedBy: { select: { name: true, email: true } } },
    });
    await recordSubmission(tx, submission, invite.id);
    if (!email) return { expiresAt, email: null };
    const invitee = await tx.user.findUnique({ where: { email }, select: { id: true } });
    await queueEmail(tx, {
      to: email,
      userId: invitee?.id ?? null,
      message: {
        kind: 'organisation-invite',
        data: {
          organisationName: invite.organisation.name,
          inviterName: invite.invitedBy.name ?? invite.invitedBy.email,
          url,
          expiresAt: expiresAt.toISOString(),
        },
      },
    });
    return { expiresAt, email };
  });
}

export async function revokeInvite(actor: Actor, organisationId: string, inviteId: string): Promise<void> {
  await assertOrgRole(actor, organisationId, 'OWNER');
  await db.orgInvite.deleteMany({ where: { id: inviteId, organisationId, usedAt: null } });
}

export type InviteAcceptance = { ok: true; organisationId: string; alreadyMember: boolean } | { ok: false; reason: 'invalid' };

/**
 * Uses an invitation. The conditional update is the lock: of two people opening the same link at
 * once, exactly one gets it.
 */
export async function acceptInvite(actor: Actor, token: string): Promise<InviteAcceptance> {
  assertActive(actor);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const invite = await tx.orgInvite.findUnique({
      where: { tokenHash: hashInviteToken(token) },
      select: { id: true, organisationId: true },
    });
    if (!invite) return { ok: false, reason: 'invalid' } as const;
    // Lock the organisation: joining waits for anyone leaving or deleting it, and two invitations
    // to the same person cannot both create a membership.
    const [organisation] = await tx.$queryRaw<Array<{ status: string }>>`
      SELECT status FROM "Organisation" WHERE id = ${invite.organisationId} FOR UPDATE`;
    if (!organisation || organisation.status === 'REJECTED' || organisation.status === 'SUSPENDED') {
      return { ok: false, reason: 'invalid' } as const;
    }
    const isMember = async () => (await tx.membership.count({ where: { userId: actor.id, organisationId: invite.organisationId } })) > 0;
    if (await isMember()) return { ok: true, organisationId: invite.organisationId, alreadyMember: true } as const;
    const { count } = await tx.orgInvite.updateMany({
      where: { id: invite.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedById: actor.id },
    });
    if (count === 0) return { ok: false, reason: 'invalid' } as const;
    await tx.membership.create({ data: { userId: actor.id, organisationId: invite.organisationId, role: 'MEMBER' } });
    await tx.user.updateMany({ where: { id: actor.id, onboardedAt: null }, data: { onboardedAt: now } });
    await recordAudit(tx, { actorId: actor.id, action: 'organisation.join', target: { type: 'Organisation', id: invite.organisationId } });
    return { ok: true, organisationId: invite.organisationId, alreadyMember: false } as const;
  });
}

/** Leaves an organisation. The last owner cannot: someone must always be able to manage it. */
export async function leaveOrganisation(actor: Actor, organisationId: string): Promise<FormResult> {
  await assertOrgRole(actor, organisationId);
  return db.$transaction(async (tx) => {
    // Serialise leaving per organisation, so two owners leaving at once cannot both go.
    await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
    const me = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: actor.id, organisationId } },
      select: { id: true, role: true },
    });
    if (!me) throw new AccessDenied();
    if (me.role === 'OWNER') {
      const otherOwners = await tx.membership.count({ where: { organisationId, role: 'OWNER', userId: { not: actor.id } } });
      if (otherOwners === 0) {
        return invalid({}, {}, 'You are the only owner. Make another member an owner before you leave.');
      }
    }
    await tx.membership.delete({ where: { id: me.id } });
    await recordAudit(tx, { actorId: actor.id, action: 'organisation.leave', target: { type: 'Organisation', id: organisationId } });
    return { ok: true as const, data: undefined };
  });
}

/** An owner makes another member an owner too. */
export async function makeOwner(actor: Actor, organisationId: string, memberUserId: string): Promise<void> {
  await assertOrgRole(actor, organisationId, 'OWNER');
  // The change and its audit row commit together.
  await db.$transaction(async (tx) => {
    const { count } = await tx.membership.updateMany({
      where: { organisationId, userId: memberUserId },
      data: { role: 'OWNER' },
    });
    if (count === 0) throw new AccessDenied('Not a member of this organisation');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'organisation.make_owner',
      target: { type: 'Organisation', id: organisationId },
      after: { role: 'OWNER' },
      data: { userId: memberUserId },
    });
  });
}
