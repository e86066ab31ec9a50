// Admins verify the organisations that sign up, so only real charities and social enterprises
// publish asks. Every function checks the actor is an admin, here where the data is read or written.
import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { queueEmail } from '@/lib/email/outbox';
import { askContacts, organisationOwners, type Recipient } from '@/lib/email/recipients';
import type { Prisma } from '@/lib/generated/prisma/client';
import { appUrl } from '@/lib/env';
import { formValues, parseForm, type FormResult } from '@/lib/forms';

export async function listOrganisationsAwaitingVerification(actor: Actor) {
  assertAdmin(actor);
  return db.organisation.findMany({
    where: { status: 'PENDING_VERIFICATION' },
    select: {
      id: true,
      name: true,
      type: true,
      registrationNumber: true,
      region: true,
      website: true,
      description: true,
      createdAt: true,
      memberships: { where: { role: 'OWNER' }, select: { user: { select: { name: true, email: true } } }, take: 1 },
    },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
}

/**
 * Verifies an organisation waiting for it, publishing its approved asks. With `vouch` (lib/moderation/vouching.ts),
 * an admin vouches for a community group with no registration number: who, why and when are kept with it.
 */
export async function verifyOrganisation(actor: Actor, organisationId: string, vouch?: { note: string }): Promise<boolean> {
  assertAdmin(actor);
  const verified = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.organisation.updateMany({
      where: { id: organisationId, status: 'PENDING_VERIFICATION', ...(vouch ? { registrationNumber: null } : {}) },
      data: {
        status: 'VERIFIED',
        verifiedAt: now,
        verifiedById: actor.id,
        statusNote: null,
        ...(vouch ? { vouchedById: actor.id, vouchNote: vouch.note, vouchedAt: now } : {}),
      },
    });
    if (count === 1) {
      // Asks approved while the organisation was waiting are published now, as new.
      // One conditional statement publishes exactly the asks it lists: one withdrawn a moment ago is neither.
      const waiting = (
        await tx.ask.updateManyAndReturn({
          where: { organisationId, status: 'OPEN', publishedAt: null },
          data: { publishedAt: now },
          select: { id: true, title: true, moderatedAt: true },
        })
      ).sort((a, b) => (a.moderatedAt?.getTime() ?? 0) - (b.moderatedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: vouch ? 'organisation.vouch' : 'organisation.verify',
        target: { type: 'Organisation', id: organisationId },
        before: { status: 'PENDING_VERIFICATION' },
        after: vouch ? { status: 'VERIFIED', vouchNote: vouch.note } : { status: 'VERIFIED' },
        data: waiting.length > 0 ? { asksPublished: waiting.map((ask) => ask.id) } : undefined,
      });
      const { name } = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } });
      for (const person of await verificationRecipients(tx, organisationId, waiting)) {
        await queueEmail(tx, {
          to: person.email,
          userId: person.id,
          message: {
            kind: 'organisation-verified',
            data: {
              organisationName: name,
              // The button says "Post an ask": it leads to the ask form, not the organisation's page.
              url: `${appUrl()}/my-asks/new`,
              publishedAsks: person.asks.map((ask) => ({ title: ask.title, url: `${appUrl()}/asks/${ask.id}` })),
            },
          },
        });
      }
    }
    return count === 1;
  });
  // Its approved asks are published: the lists, the home page (and its count of organisations), their pages.
  return verified;
}

/**
 * Who hears of a verification, each once: the owners, and the contacts of the asks it published (their
 * "your ask is live" email, which approval could not send). Each person's list holds the published asks
 * they are a contact for; an owner hears of every one.
 */
async function verificationRecipients(
  tx: Prisma.TransactionClient,
  organisationId: string,
  published: Array<{ id: string; title: string }>,
): Promise<Array<Recipient & { asks: Array<{ id: string; title: string }> }>> {
  const people = new Map<string, Recipient & { asks: Array<{ id: string; title: string }> }>();
  for (const owner of await organisationOwners(tx, organisationId)) people.set(owner.id, { ...owner, asks: [...published] });
  const contacts = await askContacts(
    tx,
    published.map((ask) => ask.id),
  );
  for (const ask of published) {
    for (const contact of contacts.get(ask.id) ?? []) {
      const person = people.get(contact.id);
      if (!person) people.set(contact.id, { id: contact.id, email: contact.email, timeZone: contact.timeZone, asks: [ask] });
      else if (!person.asks.includes(ask)) person.asks.push(ask);
    }
  }
  return [...people.values()];
}

const rejectSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(10, 'Give the organisation a reason they can act on (10 characters or more).')
    .max(500, 'Keep the reason to 500 characters or fewer.'),
});

export async function rejectOrganisation(
  actor: Actor,
  organisationId: string,
  input: FormData | Record<string, unknown>,
): Promise<FormResult> {
  assertAdmin(actor);
  const values = formValues(input);
  const parsed = parseForm(rejectSchema, values);
  if (!parsed.ok) return parsed.result;
  await db.$transaction(async (tx) => {
    const { count } = await tx.organisation.updateMany({
      where: { id: organisationId, status: 'PENDING_VERIFICATION' },
      data: { status: 'REJECTED', statusNote: parsed.data.reason },
    });
    if (count === 1) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'organisation.reject',
        target: { type: 'Organisation', id: organisationId },
        before: { status: 'PENDING_VERIFICATION' },
        after: { status: 'REJECTED' },
        data: { reason: parsed.data.reason },
      });
      const { name } = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } });
      for (const owner of await organisationOwners(tx, organisationId)) {
        await queueEmail(tx, {
          to: owner.email,
          userId: owner.id,
          message: {
            kind: 'organisation-rejected',
            data: { organisationName: name, reason: parsed.data.reason, url: `${appUrl()}/organisations/${organisationId}/edit` },
          },
        });
      }
    }
  });
  return { ok: true, data: undefined };
}
