// Twelve weeks (and two before them) of marketplace history before the seed's "today", so the admin's health page (/admin/health) has
// something real to chart: asks posted, approved, matched and held, offers and how fast they came, cancellations
// (some late) and no-shows, ratings and "put into practice" answers. The demand leans on a few skills that few
// volunteers hold (legacy giving, employment law, GDPR, payroll, CRM databases): the skills gap the page shows.
//
// Deterministic: a seeded generator and dates counted from the seed's today, so the same day gives the same rows.
// Everything here is finished business: no ask is still open and no session is still to come, so the demo's
// lists, dashboards and counts of what is open or upcoming are the ones the other seed files describe. It is
// given by twelve volunteers and posted by six organisations that no demo story or test depends on.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { MeetingParty, PracticeOutcome } from '@/lib/generated/prisma/enums';
import { coachAsk } from '@/lib/asks/coach';
import { DAY_MS } from '@/lib/dates';
import { defaultAvailability } from './asks';
import { organisations } from './organisations';

const HOUR = 3_600_000;
/** Asks approved each week, oldest week first: a marketplace that is growing. Two weeks more than the page
 * shows, so its first weeks have the sessions and answers of asks approved before them, as real ones would. */
const APPROVED_PER_WEEK = [4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11];
const WEEKS = APPROVED_PER_WEEK.length;

/** Volunteers who do not meet by video. */
const PHONE_ONLY = new Set(['bernadette-murphy', 'chris-evans', 'gareth-jones']);

// Not Canal Arts: one of the volunteers below chose not to see it (prisma/seed/blocks.ts).
const ORGANISATIONS = ['org-harbour', 'org-kinship', 'org-riverside', 'org-opendoor', 'org-secondchapter', 'org-safesteps'];

/** The volunteers of the history and their skills (as in prisma/seed/volunteers.ts). */
const HELPERS: Record<string, string[]> = {
  'mohammed-iqbal': ['contracts-leases', 'employment-law', 'hr-policies'],
  'catherine-wells': ['health-and-safety', 'safeguarding-policy', 'supervision'],
  'lucy-tran': ['design-basics', 'email-newsletters', 'phone-video', 'social-media', 'storytelling'],
  'bernadette-murphy': ['fundraising-strategy', 'gift-aid', 'individual-giving', 'legacy-giving'],
  'meera-patel': ['partnerships', 'project-management', 'tender-writing'],
  'stephen-mcallister': ['funder-reporting', 'partnerships', 'tender-writing'],
  'ian-marshall': ['business-planning', 'fundraising-strategy', 'partnerships', 'trustee-recruitment'],
  'chris-evans': ['contracts-leases', 'premises'],
  'victoria-hale': ['crowdfunding', 'phone-video', 'social-media'],
  'george-barker': ['board-meetings', 'trustee-recruitment', 'trustee-roles'],
  'niamh-kelly': ['recruitment', 'volunteer-management', 'wellbeing'],
  'gareth-jones': ['health-and-safety', 'premises', 'risk-registers'],
};

interface Template {
  skills: string[];
  title: string;
  question: string;
  outcome: string;
}

/** Asked for far more often than volunteers hold them. */
const SHORT_SUPPLY: Template[] = [
  {
    skills: ['legacy-giving'],
    title: 'Start talking about gifts in wills without sounding morbid',
    question:
      'Supporters have asked how to leave us something in their will. What should a first legacy leaflet say, and who should we send it to?',
    outcome: 'An outline for a one-page legacy leaflet and a list of who gets it first.',
  },
  {
    skills: ['legacy-giving', 'individual-giving'],
    title: 'Thank a family for a legacy gift and keep in touch',
    question: 'We were left £12,000 in a will. How should we thank the family, and is it appropriate to mention it in our newsletter?',
    outcome: 'A thank-you letter we are comfortable sending and a yes or no on the newsletter.',
  },
  {
    skills: ['employment-law'],
    title: 'Check our first employment contract for a part-time coordinator',
    question: 'We are hiring our first paid coordinator, 16 hours a week. Is our contract template missing anything the law requires?',
    outcome: 'A list of what to add or change before we send the offer.',
  },
  {
    skills: ['employment-law', 'hr-policies'],
    title: 'Handle a sickness absence fairly in a team of three',
    question:
      'A staff member has been off sick for six weeks. What are we required to do, and what should we say at a return-to-work meeting?',
    outcome: 'The steps we must take and a script for the meeting.',
  },
  {
    skills: ['gdpr'],
    title: 'Write a privacy notice for our referral form',
    question: 'Partners refer families to us with a paper form. What must our privacy notice say, and how long can we keep the forms?',
    outcome: 'A privacy notice in plain English and a retention period we can defend.',
  },
  {
    skills: ['gdpr', 'crm-databases'],
    title: 'Clean up a supporter spreadsheet nobody has consent for',
    question: 'We have 900 names from old events with no record of consent. Can we email them at all, and what do we do with the list?',
    outcome: 'A decision on the old list and a consent line for new sign-ups.',
  },
  {
    skills: ['payroll-basics'],
    title: 'Run payroll for two sessional workers',
    question: 'We pay two sessional workers by the hour. Do we need to run payroll ourselves, and what does HMRC need from us each month?',
    outcome: 'A monthly payroll routine and whether a bureau is worth it.',
  },
  {
    skills: ['crm-databases'],
    title: 'Choose a simple database for 400 supporters',
    question: 'Our supporters live in three spreadsheets. Which low-cost CRM suits a charity our size, and what should we move first?',
    outcome: 'A shortlist of two systems and a first month’s plan for moving.',
  },
];

/** Skills the history's volunteers hold. */
const WELL_SUPPLIED: Template[] = [
  {
    skills: ['social-media'],
    title: 'Plan a month of posts for our winter appeal',
    question: 'We post when we remember. What should a month of Instagram and Facebook posts look like for a winter appeal?',
    outcome: 'A simple calendar of twelve posts with what each one asks people to do.',
  },
  {
    skills: ['design-basics', 'storytelling'],
    title: 'Make our annual review look less like a council report',
    question: 'Our annual review is eight pages of text. How can we lay it out in Canva so people read it, with the photos we have?',
    outcome: 'A page layout we can reuse and which stories to lead with.',
  },
  {
    skills: ['email-newsletters'],
    title: 'Get more people to open our monthly newsletter',
    question: 'Only 18% of our list opens our newsletter. What should we change first: subject lines, timing or what goes in it?',
    outcome: 'Three changes to try over the next three issues.',
  },
  {
    skills: ['crowdfunding', 'social-media'],
    title: 'Plan a crowdfunder for a new minibus',
    question: 'We need £8,000 towards a minibus. Is crowdfunding realistic for us, and how long should the campaign run?',
    outcome: 'A go or no-go and a four-week campaign plan.',
  },
  {
    skills: ['health-and-safety', 'premises'],
    title: 'Risk-assess our hall before we open on Saturdays',
    question: 'We are opening our hall on Saturdays with volunteers only. What should our risk assessment cover, and who signs it off?',
    outcome: 'A risk assessment template filled in for one Saturday.',
  },
  {
    skills: ['risk-registers'],
    title: 'Turn our trustees’ worries into a risk register',
    question: 'Trustees keep raising the same worries at every meeting. How do we put them in a short risk register we actually review?',
    outcome: 'A register of our top ten risks with an owner for each.',
  },
  {
    skills: ['volunteer-management', 'recruitment'],
    title: 'Find volunteers for weekday mornings',
    question: 'Our volunteers all want evenings. Where do we find people free on weekday mornings, and what do we offer them?',
    outcome: 'Three places to advertise and a role description that appeals.',
  },
  {
    skills: ['wellbeing', 'supervision'],
    title: 'Support staff after a difficult case',
    question: 'Our two caseworkers had a very hard month. What simple supervision or debrief can a small team put in place?',
    outcome: 'A monthly debrief format and when to get outside help.',
  },
  {
    skills: ['trustee-recruitment'],
    title: 'Recruit a treasurer to our board',
    question:
      'Our treasurer steps down in the spring. Where do small charities find a trustee with finance skills, and what do we ask them?',
    outcome: 'A role description and three places to advertise.',
  },
  {
    skills: ['trustee-roles', 'board-meetings'],
    title: 'Make our board meetings shorter and more useful',
    question: 'Board meetings run to three hours and decide little. How should we change the agenda and papers?',
    outcome: 'A new agenda template and a rule for papers.',
  },
  {
    skills: ['partnerships'],
    title: 'Agree a partnership with the local housing association',
    question: 'The housing association wants to refer tenants to us. What should a simple partnership agreement cover before we say yes?',
    outcome: 'The five points to agree and who signs.',
  },
  {
    skills: ['tender-writing', 'funder-reporting'],
    title: 'Decide whether to bid for a council contract',
    question: 'The council has put our advice service out to tender. Should a charity our size bid, and what will they score us on?',
    outcome: 'A bid or no-bid decision and the sections to start on.',
  },
  {
    skills: ['business-planning', 'fundraising-strategy'],
    title: 'Write a one-page plan for next year',
    question:
      'We have no written plan. How do we get our aims, activities and income for next year onto one page that trustees will sign off?',
    outcome: 'A one-page plan draft.',
  },
  {
    skills: ['contracts-leases', 'premises'],
    title: 'Read the lease on our new shop unit',
    question:
      'We have been offered a five-year lease on a shop unit. Which clauses should worry us, and what can we ask the landlord to change?',
    outcome: 'A list of clauses to query with the landlord.',
  },
  {
    skills: ['gift-aid', 'fundraising-strategy'],
    title: 'Start claiming Gift Aid on our collection tins',
    question: 'We have never claimed Gift Aid. Can we claim on tins and events, and what records do we need from now on?',
    outcome: 'A yes or no on tins and the records to keep.',
  },
  {
    skills: ['phone-video'],
    title: 'Run our drop-in advice sessions by video',
    question: 'Some clients cannot get to us. How do we offer advice by video safely, and what do we need beyond a laptop?',
    outcome: 'A simple set-up and a checklist for each call.',
  },
];

const THANKS = [
  'Thank you: we came away with a plan we can start on Monday.',
  'So clear and practical. The trustees were impressed.',
  'Exactly what we needed, and in half an hour.',
  'Really helpful. We have already changed how we do it.',
  'Thank you for being so patient with our questions.',
];
const CANCEL_REASONS = [
  'Our coordinator is off sick this week.',
  'A work deadline moved; sorry to let you down.',
  'We had to close the hall for repairs.',
];

/** mulberry32: a small seeded generator, so every seed run draws the same numbers. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface HistoryHelpers {
  /** The start of the seed's today (UTC midnight), in milliseconds. */
  base: number;
  adminId: string;
  userIdFor(email: string): string;
}

export interface HistoryCounts {
  asks: number;
  offers: number;
  meetings: number;
  feedback: number;
}

/** Writes the fourteen weeks before the week of the seed's today. */
export async function seedHistory(tx: Prisma.TransactionClient, { base, adminId, userIdFor }: HistoryHelpers): Promise<HistoryCounts> {
  const random = generator(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const latest = base - HOUR; // nothing here happens later than an hour before today
  const thisMonday = base - ((new Date(base).getUTCDay() + 6) % 7) * DAY_MS;
  const staffOf = new Map(organisations.map((org) => [org.id, org.staff[0]![1]]));
  const busy = new Map<string, Array<[number, number]>>(); // each volunteer's sessions, so none overlap

  const asks: Prisma.AskCreateManyInput[] = [];
  const askSkills: Prisma.AskSkillCreateManyInput[] = [];
  const offers: Prisma.OfferCreateManyInput[] = [];
  const offerTimes: Prisma.OfferTimeCreateManyInput[] = [];
  const meetings: Prisma.MeetingCreateManyInput[] = [];
  const feedback: Prisma.FeedbackCreateManyInput[] = [];
  const followUps: Prisma.FollowUpCreateManyInput[] = [];
  const volunteerNoShows = new Map<string, number>();
  let number = 0;
  const medium = (volunteer: string) => (PHONE_ONLY.has(volunteer) ? ('PHONE' as const) : ('VIDEO' as const));
  for (const meeting of await tx.meeting.findMany({
    where: { volunteerId: { in: Object.keys(HELPERS).map((key) => userIdFor(`${key}@volunteers.example`)) }, status: { not: 'CANCELLED' } },
    select: { volunteerId: true, startsAt: true, endsAt: true },
  })) {
    const key = meeting.volunteerId.replace(/^user-/, '').replace(/-volunteers$/, '');
    busy.set(key, [...(busy.get(key) ?? []), [meeting.startsAt.getTime(), meeting.endsAt.getTime()]]);
  }

  const freeSlot = (volunteer: string, earliest: number, minutes: number): number | null => {
    // Weekday afternoons, 15:00 to 17:00 UTC: after the demo stories' sessions (10:00 to 14:30), so they never meet.
    for (let day = Math.ceil((earliest - base) / DAY_MS); ; day += 1) {
      const dayStart = base + day * DAY_MS;
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const hour of [15, 16, 17]) {
        const start = dayStart + hour * HOUR;
        const end = start + minutes * 60_000;
        if (start < earliest) continue;
        if (end > latest) return null;
        const taken = busy.get(volunteer) ?? [];
        if (taken.some(([from, to]) => start < to && from < end)) continue;
        return start;
      }
    }
  };

  for (let week = 0; week < WEEKS; week += 1) {
    const weekStart = thisMonday - (WEEKS - week) * 7 * DAY_MS;
    const approvals = APPROVED_PER_WEEK[week]!;
    // One ask in two weeks is turned down: posted, never approved.
    const rejections = week % 2 === 1 ? 1 : 0;
    for (let index = 0; index < approvals + rejections; index += 1) {
      number += 1;
      const id = `ask-history-${String(number).padStart(3, '0')}`;
      const rejected = index >= approvals;
      const short = chance(0.42);
      const template = pick(short ? SHORT_SUPPLY : WELL_SUPPLIED);
      const org = pick(ORGANISATIONS);
      const by = userIdFor(staffOf.get(org)!);
      const moderatedAt = weekStart + Math.floor(random() * 5) * DAY_MS + (9 + Math.floor(random() * 8)) * HOUR;
      const submittedAt = moderatedAt - (3 + Math.floor(random() * 40)) * HOUR;
      const createdAt = submittedAt - HOUR;
      const duration = pick([30, 30, 30, 45, 60]);
      const deadline = moderatedAt + 21 * DAY_MS;

      const ask: Prisma.AskCreateManyInput = {
        id,
        organisationId: org,
        createdById: by,
        title: template.title,
        question: template.question,
        outcome: template.outcome,
        durationMinutes: duration,
        media: ['VIDEO', 'PHONE'],
        availability: defaultAvailability,
        deadline: new Date(deadline),
        status: 'REJECTED',
        qualityScore: coachAsk({ ...template, skillSlugs: template.skills, durationMinutes: duration }).score,
        submittedAt: new Date(submittedAt),
        moderatedById: adminId,
        moderatedAt: new Date(moderatedAt),
        moderationNote: rejected ? 'This is a job for a paid adviser rather than a half-hour session; try your local CVS.' : null,
        closedAt: rejected ? new Date(moderatedAt) : null,
        createdAt: new Date(createdAt),
      };
      asks.push(ask);
      askSkills.push(...template.skills.map((slug) => ({ askId: id, skillId: `skill-${slug}`, createdAt: new Date(createdAt) })));
      if (rejected) continue;
      ask.publishedAt = new Date(moderatedAt);

      // Who offers: volunteers holding one of its skills. Short-supply asks rarely get one.
      const holders = Object.keys(HELPERS).filter((key) => HELPERS[key]!.some((slug) => template.skills.includes(slug)));
      const offered = holders.length > 0 && chance(short ? 0.45 : 0.9);
      const offerers = offered ? holders.filter((_, i) => i === 0 || chance(0.35)) : [];
      if (offerers.length > 1) offerers.push(offerers.splice(Math.floor(random() * offerers.length), 1)[0]!); // the one booked is last
      // Faster in later weeks: the team started nudging volunteers about new asks.
      let offerAt = moderatedAt + (short ? 40 + random() * 90 : 4 + random() * (48 - week * 2.5)) * HOUR;
      const madeOffers = offerers.flatMap((volunteer) => {
        if (offerAt > latest) return [];
        const at = offerAt;
        offerAt += (2 + random() * 20) * HOUR;
        return [{ volunteer, at }];
      });

      const booking = madeOffers.length > 0 && chance(short ? 0.7 : 0.82) ? madeOffers[madeOffers.length - 1]! : null;
      const bookedAt = booking ? booking.at + (6 + random() * 42) * HOUR : null;
      const start =
        booking && bookedAt !== null && bookedAt < latest
          ? freeSlot(booking.volunteer, bookedAt + (1 + Math.floor(random() * 4)) * DAY_MS, duration)
          : null;
      const meetingId = `meeting-history-${String(number).padStart(3, '0')}`;
      const outcome = start === null ? null : random();
      const status = outcome === null ? null : outcome < 0.84 ? 'HELD' : outcome < 0.94 ? 'CANCELLED' : 'NO_SHOW';
      const end = start === null ? null : start + duration * 60_000;

      // The ask's end: completed by a held session; otherwise expired at its deadline, or withdrawn by staff if that is still to come.
      const closedUnmatched = deadline <= latest ? { status: 'EXPIRED' as const, closedAt: deadline } : null;
      if (status === 'HELD') {
        Object.assign(ask, { status: 'COMPLETED', matchedAt: new Date(bookedAt!), closedAt: new Date(end!) });
      } else {
        const lastEvent = Math.max(moderatedAt, ...madeOffers.map((offer) => offer.at), start ?? 0) + 2 * DAY_MS;
        Object.assign(ask, {
          status: closedUnmatched?.status ?? 'WITHDRAWN',
          matchedAt: start !== null ? new Date(bookedAt!) : null,
          closedAt: new Date(closedUnmatched?.closedAt ?? Math.min(lastEvent, latest)),
        });
      }
      const closedAt = (ask.closedAt as Date).getTime();

      const cancelledBy: MeetingParty = chance(0.5) ? 'VOLUNTEER' : 'CHARITY';
      for (const offer of madeOffers) {
        const offerId = `offer-history-${String(number).padStart(3, '0')}-${offer.volunteer}`;
        const isBooked = offer === booking && start !== null;
        const answer = isBooked
          ? status === 'CANCELLED'
            ? cancelledBy === 'VOLUNTEER'
              ? { status: 'WITHDRAWN' as const, withdrawnBecause: 'BY_VOLUNTEER' as const, respondedAt: new Date(bookedAt!) }
              : { status: 'DECLINED' as const, declineReason: 'OTHER' as const, respondedAt: new Date(bookedAt!) }
            : { status: 'ACCEPTED' as const, respondedAt: new Date(bookedAt!) }
          : start !== null
            ? { status: 'DECLINED' as const, declineReason: 'CHOSE_ANOTHER_OFFER' as const, respondedAt: new Date(bookedAt!) }
            : { status: 'DECLINED' as const, declineReason: 'ASK_CLOSED' as const, respondedAt: new Date(Math.max(closedAt, offer.at)) };
        offers.push({
          id: offerId,
          askId: id,
          volunteerId: userIdFor(`${offer.volunteer}@volunteers.example`),
          message: 'I have helped several charities with exactly this. Happy to talk it through.',
          medium: medium(offer.volunteer),
          createdAt: new Date(offer.at),
          ...answer,
        });
        const firstTime = isBooked ? start! : offer.at + 3 * DAY_MS;
        for (const [slot, startsAt] of [firstTime, firstTime + DAY_MS].entries()) {
          offerTimes.push({
            id: `${offerId}-time-${slot + 1}`,
            offerId,
            startsAt: new Date(startsAt),
            endsAt: new Date(startsAt + duration * 60_000),
            createdAt: new Date(offer.at),
          });
        }
      }

      if (!booking || start === null || end === null || !status) continue;
      const volunteerId = userIdFor(`${booking.volunteer}@volunteers.example`);
      const lateCancel = status === 'CANCELLED' && chance(0.4);
      const cancelledAt = status === 'CANCELLED' ? Math.max(bookedAt! + HOUR, start - (lateCancel ? 5 : 72) * HOUR) : null;
      // A volunteer misses at most one: three in 90 days would pause them (lib/meetings).
      let noShowParty: MeetingParty | null = null;
      if (status === 'NO_SHOW') {
        noShowParty = (volunteerNoShows.get(volunteerId) ?? 0) === 0 && chance(0.5) ? 'VOLUNTEER' : 'CHARITY';
        if (noShowParty === 'VOLUNTEER') volunteerNoShows.set(volunteerId, 1);
      }
      if (status !== 'CANCELLED') busy.set(booking.volunteer, [...(busy.get(booking.volunteer) ?? []), [start, end]]);
      meetings.push({
        id: meetingId,
        askId: id,
        offerId: `offer-history-${String(number).padStart(3, '0')}-${booking.volunteer}`,
        organisationId: org,
        volunteerId,
        startsAt: new Date(start),
        endsAt: new Date(end),
        medium: medium(booking.volunteer),
        joinDetails: medium(booking.volunteer) === 'VIDEO' ? 'https://meet.example/halfhour-history' : '0113 496 0000',
        status,
        bookedById: by,
        noShowParty,
        charityHeldAt: status === 'HELD' ? new Date(end) : null,
        volunteerHeldAt: status === 'HELD' ? new Date(end) : null,
        cancelledAt: cancelledAt === null ? null : new Date(cancelledAt),
        cancelledById: cancelledAt === null ? null : cancelledBy === 'VOLUNTEER' ? volunteerId : by,
        cancelReason: cancelledAt === null ? null : pick(CANCEL_REASONS),
        cancelledLate: cancelledAt !== null && start - cancelledAt < 24 * HOUR,
        reminderSentAt: status === 'CANCELLED' && cancelledAt! < start - 24 * HOUR ? null : new Date(start - 24 * HOUR),
        createdAt: new Date(bookedAt!),
      });
      if (status !== 'HELD') continue;

      const rating = pick([5, 5, 5, 5, 4, 4, 4, 3, 5, 4, 2]);
      const feedbackAt = new Date(Math.min(end + 3 * HOUR, latest));
      feedback.push(
        { id: `${meetingId}-charity`, meetingId, authorId: by, party: 'CHARITY', rating, thanks: pick(THANKS), createdAt: feedbackAt },
        {
          id: `${meetingId}-volunteer`,
          meetingId,
          authorId: volunteerId,
          party: 'VOLUNTEER',
          wellScoped: chance(0.8),
          createdAt: feedbackAt,
        },
      );
      const dueAt = end + 14 * DAY_MS;
      if (dueAt + DAY_MS <= latest) {
        const answer: PracticeOutcome = pick(['YES', 'YES', 'YES', 'PARTLY', 'PARTLY', 'NOT_YET']);
        followUps.push({
          id: `${meetingId}-practice-check`,
          meetingId,
          kind: 'PRACTICE_CHECK',
          dueAt: new Date(dueAt),
          status: 'DONE',
          practiceOutcome: answer,
          response: answer === 'NOT_YET' ? 'We have not had time yet; it is on the list for next month.' : null,
          respondedAt: new Date(dueAt + DAY_MS),
          createdAt: new Date(dueAt),
        });
      }
    }
  }

  await tx.ask.createMany({ data: asks });
  await tx.askSkill.createMany({ data: askSkills });
  await tx.offer.createMany({ data: offers });
  await tx.offerTime.createMany({ data: offerTimes });
  await tx.meeting.createMany({ data: meetings });
  await tx.feedback.createMany({ data: feedback });
  await tx.followUp.createMany({ data: followUps });
  for (const [userId, missed] of volunteerNoShows) {
    await tx.volunteerProfile.update({ where: { userId }, data: { noShowCount: { increment: missed } } });
  }
  return { asks: asks.length, offers: offers.length, meetings: meetings.length, feedback: feedback.length };
}
