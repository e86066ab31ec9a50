// Builders for group clinics (issue 22): a published clinic by a volunteer, written directly (the booking is what
// the tests race), and a charity with staff ready to book. They build on tests/support/factories.ts.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { createVolunteer } from './factories';
import { createCharity } from './meeting-factories';

type Db = PrismaClient | Prisma.TransactionClient;
const HOUR = 3_600_000;

/** A published clinic `seats` wide, starting `startsInHours` from now, for 60 minutes by video. */
export async function createPublishedClinic(
  db: Db,
  volunteerId: string,
  { seats = 5, startsInHours = 72, ...data }: Partial<Prisma.ClinicUncheckedCreateInput> & { startsInHours?: number } = {},
) {
  const startsAt = new Date(Date.now() + startsInHours * HOUR);
  return db.clinic.create({
    data: {
      volunteerId,
      topic: 'Gift Aid basics for small charities',
      description: 'What Gift Aid is, who can claim it, and how to make a first claim without fear.',
      bring: 'One question about your own Gift Aid claims.',
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR),
      timeZone: 'Europe/London',
      medium: 'VIDEO',
      joinDetails: 'https://meet.example/gift-aid-clinic',
      seats,
      status: 'PUBLISHED',
      publishedAt: new Date(),
      ...data,
    },
  });
}

/** A volunteer with a profile in London, able to take `capacity` sessions a month. */
export async function createClinicVolunteer(db: Db, capacity = 4) {
  return createVolunteer(db, {
    name: 'Ruth Clinic',
    volunteerProfile: {
      create: {
        headline: 'Charity accountant',
        bio: 'Runs Gift Aid clinics.',
        media: ['VIDEO'],
        monthlyCapacity: capacity,
        timeZone: 'Europe/London',
      },
    },
  });
}

/** A verified charity (unless told otherwise) and its owner, who books. */
export async function createBookingCharity(db: Db, options: Parameters<typeof createCharity>[1] = {}) {
  return createCharity(db, options);
}
