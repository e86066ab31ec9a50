// Small builders for the rows tests need, with sensible defaults and unique values.
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;
const unique = () => randomUUID().slice(0, 8);

export async function createUser(db: Db, data: Partial<Prisma.UserCreateInput> = {}) {
  return db.user.create({ data: { email: `user-${unique()}@test.example`, name: 'Test User', ...data } });
}

export async function createOrganisation(db: Db, data: Partial<Prisma.OrganisationCreateInput> = {}) {
  return db.organisation.create({
    data: {
      name: `Test Charity ${unique()}`,
      type: 'REGISTERED_CHARITY',
      registrationNumber: '1123456',
      region: 'LONDON',
      sizeBand: 'SMALL',
      description: 'A charity made up for a test.',
      status: 'VERIFIED',
      ...data,
    },
  });
}

export async function createVolunteer(db: Db, data: Partial<Prisma.UserCreateInput> = {}) {
  return createUser(db, {
    name: 'Test Volunteer',
    volunteerProfile: { create: { headline: 'Tester', bio: 'Helps in tests.', media: ['VIDEO'] } },
    ...data,
  });
}

export async function createSkill(db: Db, slug = `skill-${unique()}`, categorySlug = `category-${unique()}`) {
  return db.skill.create({
    data: {
      slug,
      name: slug,
      category: {
        connectOrCreate: {
          where: { slug: categorySlug },
          create: { slug: categorySlug, name: categorySlug, description: 'Test category' },
        },
      },
    },
  });
}

export async function createAsk(db: Db, organisationId: string, data: Partial<Prisma.AskUncheckedCreateInput> = {}) {
  return db.ask.create({
    data: {
      organisationId,
      title: 'Check our cashbook',
      question: 'Is our Excel cashbook set up correctly for restricted funds?',
      outcome: 'A cashbook we trust.',
      media: ['VIDEO'],
      status: 'OPEN',
      publishedAt: new Date(),
      deadline: new Date(Date.now() + 21 * 86_400_000),
      ...data,
    },
  });
}

export async function createOffer(db: Db, askId: string, volunteerId: string, data: Partial<Prisma.OfferUncheckedCreateInput> = {}) {
  return db.offer.create({ data: { askId, volunteerId, message: 'Happy to help.', medium: 'VIDEO', ...data } });
}

export async function createMeeting(
  db: Db,
  ask: { id: string; organisationId: string },
  volunteerId: string,
  startsAt: Date,
  minutes = 30,
  data: Partial<Prisma.MeetingUncheckedCreateInput> = {},
) {
  return db.meeting.create({
    data: {
      askId: ask.id,
      organisationId: ask.organisationId,
      volunteerId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      medium: 'VIDEO',
      ...data,
    },
  });
}
