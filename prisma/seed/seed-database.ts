// Fills an empty database with the demo marketplace. Deterministic: the same "today" gives the same
// rows with the same ids, so tests and the README can point at them.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { SkillLevel } from '@/lib/generated/prisma/enums';
import { coachAsk } from '@/lib/asks/coach';
import { countVolunteerSupply } from '@/lib/health/supply';
import { asks, defaultAvailability, projects, type SeedAsk, type SeedOffer } from './asks';
import { seedBlocks } from './blocks';
import { seedClinics } from './clinics';
import { demoEmails } from './emails';
import { seedHistory } from './history';
import { marketplaceAsks, seedMarketplace } from './marketplace';
import { organisations } from './organisations';
import { seedReports } from './reports';
import { skillCategories } from './skills';
import { volunteers } from './volunteers';

export const DEMO_ACCOUNTS = {
  charity: 'charity@halfhour.example',
  volunteer: 'volunteer@halfhour.example',
  admin: 'admin@halfhour.example',
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LEVELS: Record<string, SkillLevel> = { w: 'WORKING', e: 'EXPERIENCED', x: 'EXPERT' };
const PUBLISHED: ReadonlySet<string> = new Set(['OPEN', 'MATCHED', 'COMPLETED', 'EXPIRED', 'WITHDRAWN']);

export function userIdFor(email: string): string {
  return `user-${email.split('@')[0]!.replace(/[^a-z0-9]+/g, '-')}-${email.split('@')[1]!.split('.')[0]}`;
}

export interface SeedSummary {
  users: number;
  organisations: number;
  volunteers: number;
  skills: number;
  asks: number;
  offers: number;
  meetings: number;
  feedback: number;
  clinics: number;
  clinicSeats: number;
}

/** Seeds the demo data. `today` defaults to now; everything is placed relative to the start of that UTC day. */
export async function seedDatabase(db: PrismaClient, today: Date = new Date()): Promise<SeedSummary> {
  const base = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const at = (day: number, hour = 0) => new Date(base + day * DAY + hour * HOUR);
  const notAfterBase = (date: Date) => new Date(Math.min(date.getTime(), base - HOUR));
  /** The day offset of the nth weekday (Monday to Friday) after (n > 0) or before (n < 0) today. */
  const weekday = (n: number) => {
    let day = 0;
    for (let left = Math.abs(n); left > 0;) {
      day += Math.sign(n);
      const dayOfWeek = new Date(base + day * DAY).getUTCDay();
      if (dayOfWeek !== 0 && dayOfWeek !== 6) left -= 1;
    }
    return day;
  };

  const adminId = userIdFor(DEMO_ACCOUNTS.admin);
  const users = new Map<string, Prisma.UserCreateManyInput>();
  const addUser = (email: string, name: string, joined: number, extra: Partial<Prisma.UserCreateManyInput> = {}) => {
    if (users.has(email)) return;
    users.set(email, {
      id: userIdFor(email),
      email,
      name,
      emailVerified: at(joined, 8),
      onboardedAt: at(joined, 8),
      createdAt: at(joined, 8),
      ...extra,
    });
  };
  addUser(DEMO_ACCOUNTS.admin, 'Jo Admin', -120, { role: 'ADMIN' });
  organisations.forEach((org, index) => org.staff.forEach(([name, email]) => addUser(email, name, -100 + index)));
  volunteers.forEach((volunteer, index) =>
    addUser(volunteer.email, volunteer.name, -90 + index, { timeZone: volunteer.timeZone ?? 'Europe/London' }),
  );
  // The demo volunteer has opted in to the weekly digest, so the digest sweep has someone to write to.
  users.get(DEMO_ACCOUNTS.volunteer)!.emailDigest = true;
  const volunteerUserId = new Map(volunteers.map((volunteer) => [volunteer.key, userIdFor(volunteer.email)]));
  const volunteerId = (key: string) => {
    const id = volunteerUserId.get(key);
    if (!id) throw new Error(`Seed refers to unknown volunteer ${key}`);
    return id;
  };

  const counts = { offers: 0, meetings: 0, feedback: 0, historyAsks: 0, clinics: 0, clinicSeats: 0 };

  await db.$transaction(
    async (tx) => {
      await tx.user.createMany({ data: [...users.values()] });

      await tx.organisation.createMany({
        data: organisations.map((org, index) => ({
          id: org.id,
          name: org.name,
          type: org.type,
          registrationNumber: org.registrationNumber,
          causeAreas: org.causeAreas,
          region: org.region,
          sizeBand: org.sizeBand,
          website: org.website,
          description: org.description,
          status: org.status,
          verifiedAt: org.status === 'VERIFIED' ? at(-99 + index, 10) : null,
          verifiedById: org.status === 'VERIFIED' ? adminId : null,
          createdAt: at(-100 + index, 9),
        })),
      });
      await tx.membership.createMany({
        data: organisations.flatMap((org) =>
          org.staff.map(([, email], index) => ({
            id: `membership-${org.id}-${index + 1}`,
            userId: userIdFor(email),
            organisationId: org.id,
            role: index === 0 ? ('OWNER' as const) : ('MEMBER' as const),
          })),
        ),
      });

      await tx.skillCategory.createMany({
        data: skillCategories.map((category, index) => ({
          id: `category-${category.slug}`,
          slug: category.slug,
          name: category.name,
          description: category.description,
          sortOrder: index,
        })),
      });
      await tx.skill.createMany({
        data: skillCategories.flatMap((category) =>
          category.skills.map((skill) => ({
            id: `skill-${skill.slug}`,
            slug: skill.slug,
            name: skill.name,
            description: skill.description ?? null,
            keywords: skill.keywords,
            categoryId: `category-${category.slug}`,
          })),
        ),
      });

      await tx.volunteerProfile.createMany({
        data: volunteers.map((volunteer, index) => ({
          id: `volunteer-${volunteer.key}`,
          userId: volunteerId(volunteer.key),
          headline: volunteer.headline,
          bio: volunteer.bio,
          media: volunteer.media,
          region: volunteer.region,
          timeZone: volunteer.timeZone ?? 'Europe/London',
          monthlyCapacity: volunteer.capacity,
          pausedAt: volunteer.paused ? at(-3, 12) : null,
          pausedUntil: volunteer.paused ? at(14) : null,
          isPublic: !volunteer.hidden,
          createdAt: at(-90 + index, 9),
        })),
      });
      await tx.volunteerSkill.createMany({
        data: volunteers.flatMap((volunteer) =>
          volunteer.skills.map((entry) => {
            const [slug, level] = entry.split(':');
            const skillLevel = level ? LEVELS[level] : undefined;
            if (!slug || !skillLevel) throw new Error(`Bad skill "${entry}" for ${volunteer.key}`);
            return { volunteerProfileId: `volunteer-${volunteer.key}`, skillId: `skill-${slug}`, level: skillLevel };
          }),
        ),
      });

      await tx.project.createMany({
        data: projects.map((project) => ({
          id: project.id,
          organisationId: project.org,
          createdById: userIdFor(project.by),
          title: project.title,
          description: project.description,
          createdAt: at(-36, 9),
        })),
      });

      const verified = new Set(organisations.filter((org) => org.status === 'VERIFIED').map((org) => org.id));
      for (const ask of [...asks, ...marketplaceAsks]) {
        const written = await seedAsk(tx, ask, { at, weekday, notAfterBase, adminId, volunteerId, verified });
        counts.offers += written.offers;
        counts.meetings += written.meetings;
        counts.feedback += written.feedback;
      }
      const loop = await seedMarketplace(tx, { at, weekday, volunteerId, userIdFor });
      counts.offers += loop.offers;
      counts.meetings += loop.meetings;
      counts.feedback += loop.feedback;
      const history = await seedHistory(tx, { base, adminId, userIdFor });
      counts.historyAsks = history.asks;
      counts.offers += history.offers;
      counts.meetings += history.meetings;
      counts.feedback += history.feedback;

      await seedReports(tx, { at, adminId, volunteerId, userIdFor });
      await seedBlocks(tx, { at, adminId, volunteerId, charityOwnerId: userIdFor(DEMO_ACCOUNTS.charity) });
      const clinics = await seedClinics(tx, { at, weekday, adminId, volunteerId, userIdFor });
      counts.clinics = clinics.clinics;
      counts.clinicSeats = clinics.seats;
      await tx.auditLog.createMany({
        data: organisations
          .filter((org) => org.status === 'VERIFIED')
          .map((org, index) => ({
            id: `audit-verify-${org.id}`,
            actorId: adminId,
            action: 'organisation.verify',
            entityType: 'Organisation',
            entityId: org.id,
            before: { status: 'PENDING_VERIFICATION' },
            after: { status: 'VERIFIED' },
            createdAt: at(-99 + index, 10),
          })),
      });

      await tx.emailOutbox.createMany({
        data: demoEmails(at, {
          charity: { id: userIdFor(DEMO_ACCOUNTS.charity), email: DEMO_ACCOUNTS.charity },
          volunteer: { id: userIdFor(DEMO_ACCOUNTS.volunteer), email: DEMO_ACCOUNTS.volunteer },
        }),
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // The health page's count of available volunteers, as its schedule would have made it.
  await countVolunteerSupply(db, today);

  return {
    users: users.size,
    organisations: organisations.length,
    volunteers: volunteers.length,
    skills: skillCategories.reduce((sum, category) => sum + category.skills.length, 0),
    asks: asks.length + marketplaceAsks.length + counts.historyAsks,
    offers: counts.offers,
    meetings: counts.meetings,
    feedback: counts.feedback,
    clinics: counts.clinics,
    clinicSeats: counts.clinicSeats,
  };
}

interface AskHelpers {
  /** Organisations whose approved asks are published; others wait for verification. */
  verified: ReadonlySet<string>;
  at(day: number, hour?: number): Date;
  weekday(n: number): number;
  notAfterBase(date: Date): Date;
  adminId: string;
  volunteerId(key: string): string;
}

async function seedAsk(tx: Prisma.TransactionClient, ask: SeedAsk, helpers: AskHelpers) {
  const { at, weekday, notAfterBase, adminId, volunteerId, verified } = helpers;
  const createdAt = at(ask.created - 1, 9);
  // A broad ask split into stages was withdrawn while still a draft: never submitted or moderated.
  const splitDraft = Boolean(ask.project && ask.project.stage === undefined);
  const submittedAt = ask.status === 'DRAFT' || splitDraft ? null : new Date(createdAt.getTime() + 20 * 60_000);
  const moderatedAt = ask.status === 'DRAFT' || ask.status === 'PENDING_REVIEW' || splitDraft ? null : notAfterBase(at(ask.created, 10));
  const publishedAt = PUBLISHED.has(ask.status) && verified.has(ask.org) ? moderatedAt : null;
  const meetingOffer = ask.offers?.find((offer) => offer.status === 'ACCEPTED');
  const offerTime = (offer: SeedOffer, [day, hour]: [number, number]) => at(offer.onWeekdays ? weekday(day) : day, hour);
  const meetingStart = meetingOffer && ask.meeting ? offerTime(meetingOffer, meetingOffer.times[ask.meeting.time]!) : null;
  const meetingEnd = meetingStart ? new Date(meetingStart.getTime() + ask.duration * 60_000) : null;
  // When staff accepted the offer: the ask's matchedAt and its meeting's createdAt, as the app writes them.
  const bookedAt = meetingStart && moderatedAt ? notAfterBase(new Date(moderatedAt.getTime() + 2 * 86_400_000)) : null;

  await tx.ask.create({
    data: {
      id: ask.id,
      organisationId: ask.org,
      createdById: userIdFor(ask.by),
      projectId: ask.project?.id,
      stage: ask.project?.stage,
      title: ask.title,
      question: ask.question,
      outcome: ask.outcome,
      context: ask.context,
      durationMinutes: ask.duration,
      media: ask.media,
      location: ask.location,
      availability: defaultAvailability,
      deadline: at(ask.deadlineIn ?? ask.created + 21, 17), // the form's default: three weeks
      status: ask.status,
      // The coach's own score, as if the ask had been written in the form today.
      qualityScore: coachAsk({
        title: ask.title,
        question: ask.question,
        outcome: ask.outcome,
        context: ask.context,
        skillSlugs: ask.skills,
        durationMinutes: ask.duration,
      }).score,
      submittedAt,
      moderatedAt,
      moderatedById: moderatedAt ? adminId : null,
      moderationNote: ask.moderationNote,
      publishedAt,
      matchedAt: bookedAt,
      closedAt:
        ask.status === 'COMPLETED' && meetingEnd
          ? meetingEnd
          : ask.status === 'EXPIRED' && ask.deadlineIn !== undefined
            ? at(ask.deadlineIn, 17)
            : ask.status === 'WITHDRAWN'
              ? at(ask.created + 5, 12)
              : null,
      createdAt,
      skills: { create: ask.skills.map((slug) => ({ skillId: `skill-${slug}` })) },
    },
  });

  await tx.auditLog.createMany({
    data: [
      { id: `audit-create-${ask.id}`, actorId: userIdFor(ask.by), action: 'ask.create', entityType: 'Ask', entityId: ask.id, createdAt },
      ...(submittedAt
        ? [
            {
              id: `audit-submit-${ask.id}`,
              actorId: userIdFor(ask.by),
              action: 'ask.submit',
              entityType: 'Ask',
              entityId: ask.id,
              createdAt: submittedAt,
            },
          ]
        : []),
    ],
  });
  if (splitDraft && ask.project) {
    await tx.auditLog.create({
      data: {
        id: `audit-split-${ask.id}`,
        actorId: userIdFor(ask.by),
        action: 'ask.split',
        entityType: 'Ask',
        entityId: ask.id,
        createdAt: new Date(createdAt.getTime() + 3_600_000),
        data: { projectId: ask.project.id },
      },
    });
  }

  if (moderatedAt) {
    const action = { CHANGES_REQUESTED: 'ask.request_changes', REJECTED: 'ask.reject' }[ask.status as string] ?? 'ask.approve';
    await tx.auditLog.create({
      data: {
        id: `audit-moderate-${ask.id}`,
        actorId: adminId,
        action,
        entityType: 'Ask',
        entityId: ask.id,
        createdAt: moderatedAt,
        // As the app records a decision (lib/moderation/asks.ts): the status it moved the ask to.
        after: { status: { 'ask.request_changes': 'CHANGES_REQUESTED', 'ask.reject': 'REJECTED' }[action] ?? 'OPEN' },
        data: ask.moderationNote ? { note: ask.moderationNote } : undefined,
      },
    });
  }

  let offers = 0;
  for (const offer of ask.offers ?? []) {
    const offerCreated = notAfterBase(new Date((publishedAt ?? createdAt).getTime() + 26 * 3_600_000));
    await tx.offer.create({
      data: {
        id: `offer-${ask.id.replace(/^ask-/, '')}-${offer.volunteer}`,
        askId: ask.id,
        volunteerId: volunteerId(offer.volunteer),
        message: offer.message,
        medium: offer.medium ?? ask.media[0] ?? 'VIDEO',
        joinDetails: offer.joinDetails,
        status: offer.status,
        declineNote: offer.declineNote,
        declineReason: offer.status === 'DECLINED' ? (offer.declineReason ?? (meetingOffer ? 'CHOSE_ANOTHER_OFFER' : 'OTHER')) : null,
        withdrawnBecause: offer.status === 'WITHDRAWN' ? (offer.withdrawnBecause ?? 'BY_VOLUNTEER') : null,
        respondedAt:
          offer.status === 'ACCEPTED' || offer.status === 'DECLINED' ? notAfterBase(new Date(offerCreated.getTime() + 86_400_000)) : null,
        createdAt: offerCreated,
        times: {
          create: offer.times.map((time, index) => ({
            id: `offer-time-${ask.id.replace(/^ask-/, '')}-${offer.volunteer}-${index + 1}`,
            startsAt: offerTime(offer, time),
            endsAt: new Date(offerTime(offer, time).getTime() + ask.duration * 60_000),
          })),
        },
      },
    });
    offers += 1;
  }

  if (!ask.meeting || !meetingOffer || !meetingStart || !meetingEnd) return { offers, meetings: 0, feedback: 0 };

  const meetingId = `meeting-${ask.id.replace(/^ask-/, '')}`;
  const held = ask.meeting.status === 'HELD';
  const volunteerUser = volunteerId(meetingOffer.volunteer);
  await tx.meeting.create({
    data: {
      id: meetingId,
      askId: ask.id,
      offerId: `offer-${ask.id.replace(/^ask-/, '')}-${meetingOffer.volunteer}`,
      organisationId: ask.org,
      volunteerId: volunteerUser,
      startsAt: meetingStart,
      endsAt: meetingEnd,
      medium: ask.meeting.medium,
      joinDetails: ask.meeting.joinDetails,
      status: ask.meeting.status,
      bookedById: userIdFor(ask.by), // the staff member who accepted the offer
      charityHeldAt: held ? meetingEnd : null,
      volunteerHeldAt: held ? meetingEnd : null,
      reminderSentAt: held ? new Date(meetingStart.getTime() - 86_400_000) : null,
      ...(bookedAt ? { createdAt: bookedAt } : {}),
    },
  });

  let feedback = 0;
  const feedbackAt = new Date(meetingEnd.getTime() + 3 * 3_600_000);
  if (ask.meeting.charityFeedback) {
    await tx.feedback.create({
      data: {
        id: `${meetingId}-charity`,
        meetingId,
        authorId: userIdFor(ask.by),
        party: 'CHARITY',
        ...ask.meeting.charityFeedback,
        createdAt: feedbackAt,
      },
    });
    feedback += 1;
  }
  if (ask.meeting.volunteerFeedback) {
    await tx.feedback.create({
      data: {
        id: `${meetingId}-volunteer`,
        meetingId,
        authorId: volunteerUser,
        party: 'VOLUNTEER',
        ...ask.meeting.volunteerFeedback,
        createdAt: feedbackAt,
      },
    });
    feedback += 1;
  }
  const check = ask.meeting.practiceCheck;
  if (check) {
    const dueAt = new Date(meetingEnd.getTime() + 14 * 86_400_000);
    await tx.followUp.create({
      data: {
        id: `${meetingId}-practice-check`,
        meetingId,
        kind: 'PRACTICE_CHECK',
        dueAt,
        status: check === 'pending' ? 'PENDING' : 'DONE',
        practiceOutcome: check === 'pending' ? null : check.outcome,
        response: check === 'pending' ? null : check.response,
        respondedAt: check === 'pending' ? null : notAfterBase(new Date(dueAt.getTime() + 86_400_000)),
        requestedById: null,
      },
    });
  }
  return { offers, meetings: 1, feedback };
}
