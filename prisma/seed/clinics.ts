// Group clinics for the demo (issue 22): one volunteer, several charities, one short session.
// - Mary Oduya's "Gift Aid basics" is published and upcoming with two of its four seats left, so the demo
//   charity (Brightside, charity@) can book one from /clinics.
// - Ruth Adeyemi's "Your first cashbook" is full, with two charities on its waiting list in order.
// - Aisha Bello's "Writing a theory of change" was held last week: Brightside and two others attended (two of
//   them have given feedback, Brightside's with a thank-you), one charity did not come.
// - Samuel Okoro's in-person safeguarding clinic waits for review, so the admin's queue (/admin/asks) has one.
// Times are whole UTC hours counted in weekdays from the seed's today, as in prisma/seed/marketplace.ts, and
// each volunteer stays within their monthly capacity (a clinic counts as one session). No seat is held by an
// organisation that has blocked the volunteer, or that the volunteer has blocked (prisma/seed/blocks.ts).
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Medium } from '@/lib/generated/prisma/enums';

const MINUTE = 60_000;

export const SEED_CLINICS = {
  /** Upcoming, published, two of four seats left. */
  seatsLeft: 'clinic-gift-aid-basics',
  /** Upcoming, published, every seat taken and two charities waiting. */
  full: 'clinic-first-cashbook',
  /** Held last week: attendance marked, feedback given. */
  past: 'clinic-theory-of-change',
  /** Waiting for an admin's review. */
  pending: 'clinic-safeguarding-first-volunteers',
} as const;

interface ClinicHelpers {
  at(day: number, hour?: number): Date;
  weekday(n: number): number;
  adminId: string;
  volunteerId(key: string): string;
  userIdFor(email: string): string;
}

interface SeedSeat {
  org: string;
  by: string;
  question: string;
  status: 'BOOKED' | 'WAITING';
  /** Days after the clinic was published that the seat was booked or the place taken. */
  after: number;
  attended?: boolean;
  feedback?: { rating: number; changes: string; thanks?: string };
}

interface SeedClinic {
  id: string;
  volunteer: string;
  topic: string;
  description: string;
  bring: string;
  skills: string[];
  /** [weekday offset, UTC hour]. */
  starts: [number, number];
  minutes: 30 | 45 | 60;
  medium: Extract<Medium, 'VIDEO' | 'IN_PERSON'>;
  joinDetails: string;
  seats: number;
  status: 'PUBLISHED' | 'PENDING_REVIEW';
  /** Day offset (from today) it was submitted. */
  submitted: number;
  seatRows: SeedSeat[];
}

export const clinics: SeedClinic[] = [
  {
    id: SEED_CLINICS.seatsLeft,
    volunteer: 'mary-oduya',
    topic: 'Gift Aid basics for small charities',
    description:
      'What Gift Aid is, who can make a declaration, what records HMRC expects, and how to make your first claim online. We will also cover the small donations scheme for cash in collection tins and buckets.',
    bring: 'One question about Gift Aid at your charity: a declaration form you are unsure about, a kind of donation, or your first claim.',
    skills: ['gift-aid', 'individual-giving'],
    starts: [4, 13],
    minutes: 60,
    medium: 'VIDEO',
    joinDetails: 'Zoom: https://zoom.example/j/81234567890 (passcode sent the day before)',
    seats: 4,
    status: 'PUBLISHED',
    submitted: -5,
    seatRows: [
      {
        org: 'org-opendoor',
        by: 'yusuf@opendoorcardiff.example.org',
        question: 'Most of our donors give £5 a month by standing order. Can one declaration cover all of their past and future gifts?',
        status: 'BOOKED',
        after: 1,
      },
      {
        org: 'org-riverside',
        by: 'tom@riversidegarden.example.org',
        question: 'We sell plants at our open days and some people add a bit extra. Is any of that a donation we can claim Gift Aid on?',
        status: 'BOOKED',
        after: 2,
      },
    ],
  },
  {
    id: SEED_CLINICS.full,
    volunteer: 'ruth-adeyemi',
    topic: 'Your first cashbook',
    description:
      'Setting up a simple cashbook in Excel or Google Sheets: columns that match your accounts, keeping restricted money apart, and reconciling with the bank statement each month so your treasurer and examiner can follow it.',
    bring:
      'One question about keeping your charity’s money records, and if you can, a rough idea of how many payments go in and out each month.',
    skills: ['cashbook-excel', 'charity-accounts', 'restricted-funds'],
    starts: [7, 18],
    minutes: 45,
    medium: 'VIDEO',
    joinDetails: 'Microsoft Teams link from Ruth: https://teams.example/l/ruth-adeyemi-cashbook',
    seats: 3,
    status: 'PUBLISHED',
    submitted: -9,
    seatRows: [
      {
        org: 'org-harbour',
        by: 'margaret@harbourfoodbank.example.org',
        question: 'We take cash at the community larder and pay suppliers by card. Should these be one cashbook or two?',
        status: 'BOOKED',
        after: 0,
      },
      {
        org: 'org-mensshed',
        by: 'billy@eastbelfastshed.example.org',
        question: 'Our treasurer keeps everything in a paper book. What is the least painful way to move a year of it into a spreadsheet?',
        status: 'BOOKED',
        after: 1,
      },
      {
        org: 'org-canalarts',
        by: 'grace@canalarts.example.org',
        question: 'We have an Arts Council grant that must be spent on workshops only. How do we show that in the cashbook?',
        status: 'BOOKED',
        after: 2,
      },
      {
        org: 'org-secondchapter',
        by: 'hannah@secondchapterbooks.example.org',
        question: 'Our bookshop till and our donations both go into one bank account. How do we keep them apart on paper?',
        status: 'WAITING',
        after: 3,
      },
      {
        org: 'org-dementiacafe',
        by: 'eileen@northtynedementia.example.org',
        question: 'How often should a small café charity reconcile its cashbook with the bank, and who should check it?',
        status: 'WAITING',
        after: 4,
      },
    ],
  },
  {
    id: SEED_CLINICS.past,
    volunteer: 'aisha-bello',
    topic: 'Writing a theory of change',
    description:
      'A theory of change on one page: start from the difference you want to make, work back to what you do, and name the assumptions in between. You will leave with a first draft you can show your trustees and funders.',
    bring: 'One question about the change your charity is trying to make, or a funder’s request for a theory of change that has you stuck.',
    skills: ['theory-of-change', 'impact-measurement', 'outcomes-frameworks'],
    starts: [-4, 10],
    minutes: 60,
    medium: 'VIDEO',
    joinDetails: 'Zoom link from Aisha: https://zoom.example/j/86420135790',
    seats: 6,
    status: 'PUBLISHED',
    submitted: -16,
    seatRows: [
      {
        org: 'org-brightside',
        by: 'charity@halfhour.example',
        question: 'A funder wants a theory of change for our youth club. Where do we start when we do five different activities?',
        status: 'BOOKED',
        after: 1,
        attended: true,
        feedback: {
          rating: 5,
          changes:
            'Start from what changes for the young people, then fit our activities under it, instead of listing the activities first.',
          thanks: 'Aisha, thank you. Hearing the other charities’ questions helped as much as the answer to ours.',
        },
      },
      {
        org: 'org-kinship',
        by: 'fiona@kinshipcarers.example.org',
        question: 'How do we show change for carers when the children are the ones whose lives improve?',
        status: 'BOOKED',
        after: 2,
        attended: true,
        feedback: { rating: 4, changes: 'Draw two pathways, one for carers and one for the children, joined at the outcomes they share.' },
      },
      {
        org: 'org-safesteps',
        by: 'claire@safesteps.example.org',
        question: 'Can a theory of change include outcomes we cannot measure for safety reasons?',
        status: 'BOOKED',
        after: 3,
        attended: true,
      },
      {
        org: 'org-secondchapter',
        by: 'hannah@secondchapterbooks.example.org',
        question: 'Is a theory of change worth doing for a charity with one part-time member of staff?',
        status: 'BOOKED',
        after: 4,
        attended: false,
      },
    ],
  },
  {
    id: SEED_CLINICS.pending,
    volunteer: 'samuel-okoro',
    topic: 'Safeguarding when you take on your first volunteers',
    description:
      'What a small charity needs in place before volunteers start: a short policy, DBS checks and when they apply, supervision, and who people talk to when they are worried.',
    bring:
      'One question about your volunteers and safeguarding: a role you are unsure needs a DBS check, or what to put in your first policy.',
    skills: ['safeguarding-policy', 'volunteer-management', 'supervision'],
    starts: [9, 12],
    minutes: 60,
    medium: 'IN_PERSON',
    joinDetails: 'Meeting room 2, Chapeltown Community Centre, Leeds (step-free entrance on the side street)',
    seats: 8,
    status: 'PENDING_REVIEW',
    submitted: -1,
    seatRows: [],
  },
];

export interface ClinicCounts {
  clinics: number;
  seats: number;
}

/** Writes the clinics above, their skills and seats, and the audit rows the app would have written for them. */
export async function seedClinics(tx: Prisma.TransactionClient, helpers: ClinicHelpers): Promise<ClinicCounts> {
  const { at, weekday, adminId, volunteerId, userIdFor } = helpers;
  let seats = 0;
  for (const clinic of clinics) {
    const startsAt = at(weekday(clinic.starts[0]), clinic.starts[1]);
    const endsAt = new Date(startsAt.getTime() + clinic.minutes * MINUTE);
    const submittedAt = at(clinic.submitted, 16);
    const published = clinic.status === 'PUBLISHED';
    // Approved the morning after it was sent in, as an admin working through the queue would.
    const publishedAt = published ? at(clinic.submitted + 1, 10) : null;
    const volunteer = volunteerId(clinic.volunteer);
    await tx.clinic.create({
      data: {
        id: clinic.id,
        volunteerId: volunteer,
        topic: clinic.topic,
        description: clinic.description,
        bring: clinic.bring,
        startsAt,
        endsAt,
        timeZone: 'Europe/London', // each of these volunteers' zone (prisma/seed/volunteers.ts)
        medium: clinic.medium,
        joinDetails: clinic.joinDetails,
        seats: clinic.seats,
        status: clinic.status,
        submittedAt,
        moderatedById: published ? adminId : null,
        moderatedAt: publishedAt,
        publishedAt,
        createdAt: submittedAt,
        skills: { create: clinic.skills.map((slug) => ({ skillId: `skill-${slug}`, createdAt: submittedAt })) },
      },
    });
    await tx.auditLog.createMany({
      data: [
        {
          id: `audit-offer-${clinic.id}`,
          actorId: volunteer,
          action: 'clinic.offer',
          entityType: 'Clinic',
          entityId: clinic.id,
          createdAt: submittedAt,
        },
        ...(publishedAt
          ? [
              {
                id: `audit-approve-${clinic.id}`,
                actorId: adminId,
                action: 'clinic.approve',
                entityType: 'Clinic',
                entityId: clinic.id,
                before: { status: 'PENDING_REVIEW' },
                after: { status: 'PUBLISHED' },
                createdAt: publishedAt,
              },
            ]
          : []),
      ],
    });

    for (const [index, seat] of clinic.seatRows.entries()) {
      if (!publishedAt) throw new Error(`Seed: ${clinic.id} has seats but was never published.`);
      const createdAt = new Date(publishedAt.getTime() + seat.after * 86_400_000 + (index + 1) * 37 * MINUTE);
      if (createdAt >= startsAt) throw new Error(`Seed: a seat on ${clinic.id} was booked after it started.`);
      const marked = seat.attended === undefined ? null : new Date(endsAt.getTime() + 20 * MINUTE);
      const feedbackAt = seat.feedback ? new Date(endsAt.getTime() + 26 * 3_600_000) : null;
      const seatId = `seat-${clinic.id.replace(/^clinic-/, '')}-${seat.org.replace(/^org-/, '')}`;
      await tx.clinicSeat.create({
        data: {
          id: seatId,
          clinicId: clinic.id,
          organisationId: seat.org,
          bookedById: userIdFor(seat.by),
          question: seat.question,
          status: seat.status,
          attendance: seat.attended === undefined ? null : seat.attended ? 'ATTENDED' : 'NO_SHOW',
          attendanceAt: marked,
          rating: seat.feedback?.rating ?? null,
          changes: seat.feedback?.changes ?? null,
          thanks: seat.feedback?.thanks ?? null,
          feedbackAt,
          createdAt,
        },
      });
      // As lib/clinics/seats.ts and after.ts record them: the booking or place, who came, the feedback.
      const audit = { entityType: 'ClinicSeat', entityId: seatId };
      await tx.auditLog.createMany({
        data: [
          {
            ...audit,
            id: `audit-${seat.status === 'BOOKED' ? 'book' : 'wait'}-${seatId}`,
            actorId: userIdFor(seat.by),
            action: seat.status === 'BOOKED' ? 'clinic.seat.book' : 'clinic.seat.wait',
            data: { clinicId: clinic.id, organisationId: seat.org },
            createdAt,
          },
          ...(marked
            ? [
                {
                  ...audit,
                  id: `audit-attendance-${seatId}`,
                  actorId: volunteer,
                  action: 'clinic.seat.attendance',
                  before: { attendance: null },
                  after: { attendance: seat.attended ? 'ATTENDED' : 'NO_SHOW' },
                  createdAt: marked,
                },
              ]
            : []),
          ...(seat.feedback
            ? [
                {
                  ...audit,
                  id: `audit-feedback-${seatId}`,
                  actorId: userIdFor(seat.by),
                  action: 'clinic.seat.feedback',
                  data: { rating: seat.feedback.rating, thanks: Boolean(seat.feedback.thanks) },
                  createdAt: feedbackAt!,
                },
              ]
            : []),
        ],
      });
      seats += 1;
    }
  }
  return { clinics: clinics.length, seats };
}
