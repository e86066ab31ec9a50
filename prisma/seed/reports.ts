// Reports for the demo's admin (/admin/reports): two open ones, oldest first. One asks about photos in a
// newsletter ask; the other is about Aisha Bello's profile, and Aisha has three strikes in 90 days (two
// earlier reports resolved with a warning, and the catch-up she missed), so she is also at the top of the page
// under "Needs review" with a suspension suggested. Snapshots are written from the rows as seeded.
import type { Prisma } from '@/lib/generated/prisma/client';
import { snapshotOf } from '@/lib/reports/snapshot';

interface ReportHelpers {
  at: (day: number, hour?: number) => Date;
  adminId: string;
  volunteerId: (key: string) => string;
  userIdFor: (email: string) => string;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

export async function seedReports(tx: Prisma.TransactionClient, { at, adminId, volunteerId, userIdFor }: ReportHelpers): Promise<number> {
  const newsletter = await tx.ask.findUniqueOrThrow({
    where: { id: 'ask-shed-family-newsletter' },
    select: { title: true, question: true, outcome: true, context: true, createdById: true, organisation: { select: { name: true } } },
  });
  const aisha = volunteerId('aisha-bello');
  const profile = await tx.volunteerProfile.findUniqueOrThrow({
    where: { userId: aisha },
    select: { headline: true, bio: true, user: { select: { name: true } } },
  });
  const aboutAisha = json(snapshotOf.profile(profile));
  const warned = {
    targetType: 'USER' as const,
    targetId: aisha,
    subjectUserId: aisha,
    status: 'RESOLVED' as const,
    resolutionKind: 'WARN' as const,
    resolvedById: adminId,
    snapshot: aboutAisha,
  };
  await tx.report.createMany({
    data: [
      {
        ...warned,
        id: 'report-aisha-paid-course',
        reporterId: userIdFor('tom@riversidegarden.example.org'),
        reason: 'MISLEADING',
        details: 'After the session she emailed us an offer of her paid evaluation course. We thought HalfHour help was free.',
        resolvedAt: at(-60, 11),
        resolution: 'Please do not offer paid services to charities you meet through HalfHour. Sessions are always free.',
        createdAt: at(-61, 16),
      },
      {
        ...warned,
        id: 'report-aisha-follow-up-fee',
        reporterId: userIdFor('margaret@harbourfoodbank.example.org'),
        reason: 'SPAM',
        details: 'She asked for a fee to look at our survey again. We did not expect that.',
        resolvedAt: at(-24, 10),
        resolution: 'A second report of asking a charity for money. Please stop, or we will have to suspend your account.',
        createdAt: at(-25, 9),
      },
      {
        id: 'report-newsletter-photos',
        reporterId: volunteerId('david-chen'),
        targetType: 'ASK',
        targetId: 'ask-shed-family-newsletter',
        subjectUserId: newsletter.createdById,
        reason: 'OTHER',
        details: 'The ask mentions photos of members; worth checking the shed has consent before anyone helps set this up.',
        snapshot: json(snapshotOf.ask(newsletter)),
        createdAt: at(-1, 15),
      },
      {
        id: 'report-aisha-profile',
        reporterId: userIdFor('dan@brightside-youth.example.org'),
        targetType: 'USER',
        targetId: aisha,
        subjectUserId: aisha,
        reason: 'MISLEADING',
        details: 'Her profile now says sessions lead on to her paid course. Is that allowed?',
        snapshot: aboutAisha,
        createdAt: at(0, 8),
      },
    ],
  });
  await tx.auditLog.createMany({
    data: [
      ...[
        ['report-aisha-paid-course', at(-60, 11)],
        ['report-aisha-follow-up-fee', at(-24, 10)],
      ].map(([reportId, createdAt], index) => ({
        id: `audit-warn-aisha-${index + 1}`,
        actorId: adminId,
        action: 'user.warn',
        entityType: 'User',
        entityId: aisha,
        data: { reportId: reportId as string },
        createdAt: createdAt as Date,
      })),
    ],
  });
  return 4;
}
