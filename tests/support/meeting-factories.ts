// Builders for the charity side of a booked session: an organisation with its owner, asks its owner
// wrote, meetings and feedback. They build on tests/support/factories.ts.
import type { MeetingParty, Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { createAsk, createMeeting, createOrganisation, createUser } from './factories';

type Db = PrismaClient | Prisma.TransactionClient;

/** An organisation (verified unless told otherwise) and its owner. */
export async function createCharity(
  db: Db,
  options: { organisation?: Partial<Prisma.OrganisationCreateInput>; owner?: Partial<Prisma.UserCreateInput> } = {},
) {
  const organisation = await createOrganisation(db, options.organisation);
  const owner = await createUser(db, { name: 'Charity Owner', ...options.owner });
  await db.membership.create({ data: { organisationId: organisation.id, userId: owner.id, role: 'OWNER' } });
  return { organisation, owner };
}

/** Adds someone to the organisation. */
export async function addMember(
  db: Db,
  organisationId: string,
  data: Partial<Prisma.UserCreateInput> = {},
  role: 'OWNER' | 'MEMBER' = 'MEMBER',
) {
  const user = await createUser(db, data);
  await db.membership.create({ data: { organisationId, userId: user.id, role } });
  return user;
}

/** An open, published ask written by `createdById`, needing the skills `needsSkills`. */
export async function createAskBy(
  db: Db,
  organisationId: string,
  createdById: string | null,
  data: Omit<Partial<Prisma.AskUncheckedCreateInput>, 'skills' | 'skillIds'> & { needsSkills?: string[] } = {},
) {
  const { needsSkills = [], ...rest } = data;
  return createAsk(db, organisationId, {
    createdById,
    ...rest,
    // Ask.skillIds is the trigger's copy of these rows.
    ...(needsSkills.length > 0 ? { skills: { create: needsSkills.map((skillId) => ({ skillId })) } } : {}),
  });
}

/** A meeting of `minutes` from `startsAt`, booked at `bookedAt`. */
export async function createBookedMeeting(
  db: Db,
  ask: { id: string; organisationId: string },
  volunteerId: string,
  startsAt: Date,
  bookedAt: Date,
  data: Partial<Prisma.MeetingUncheckedCreateInput> = {},
) {
  return createMeeting(db, ask, volunteerId, startsAt, 30, { createdAt: bookedAt, joinDetails: 'https://meet.example/halfhour', ...data });
}

export async function giveFeedback(db: Db, meetingId: string, authorId: string, party: MeetingParty) {
  return db.feedback.create({ data: { meetingId, authorId, party, rating: 5, comment: 'Really useful.' } });
}
