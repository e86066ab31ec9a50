// The marketplace loop as a newcomer sees it from the two demo logins: Brightside Youth Club (charity@)
// and Alex Morgan (volunteer@). Each story below follows the rules of docs/decisions/0011: a booking that
// was moved and then cancelled late, a rebooking, a session held but not yet reviewed, a volunteer who
// missed a catch-up, a catch-up waiting on a proposed move, and an invitation to Alex from another charity.
// Meetings fall on weekdays inside the asks' windows (10:00-14:30 UTC is inside 09:30-16:00 in London in
// summer and in winter), counted in weekdays from the seed's today so any day of the week gives the same story.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SeedAsk } from './asks';

const CHARITY_EMAIL = 'charity@halfhour.example';
const MINUTE = 60_000;

/** The asks of these stories. Their offers and meetings are written by seedMarketplace, after the asks. */
export const marketplaceAsks: SeedAsk[] = [
  {
    id: 'ask-brightside-saturday-budget',
    org: 'org-brightside',
    by: CHARITY_EMAIL,
    title: 'Check the budget for our Saturday sessions before it goes in a bid',
    question:
      'We have costed Saturday opening at £19,800 a year: two youth workers, the hall, food and a share of our insurance. Have we missed anything a funder will expect, and are our full cost recovery figures believable?',
    outcome: 'A budget we can put in front of a funder, with the gaps filled and the overheads explained in a sentence.',
    context: 'The budget is one Excel sheet; I will send it with our last year’s accounts.',
    skills: ['bid-budgets', 'budgeting-cash-flow'],
    media: ['VIDEO', 'PHONE'],
    duration: 30,
    status: 'MATCHED',
    created: -16,
    deadlineIn: 10,
  },
  {
    id: 'ask-brightside-running-costs-trusts',
    org: 'org-brightside',
    by: CHARITY_EMAIL,
    title: 'Which trusts will fund a youth club’s running costs?',
    question:
      'Most funders we find only pay for new projects. Which trusts give unrestricted or core funding to small youth clubs in Yorkshire, and how do we stand out to them?',
    outcome: 'A shortlist of five trusts to approach this year and what each cares about.',
    skills: ['trusts-and-foundations'],
    media: ['VIDEO', 'PHONE'],
    duration: 30,
    status: 'COMPLETED',
    created: -30,
  },
  {
    id: 'ask-brightside-homework-outcomes',
    org: 'org-brightside',
    by: 'dan@brightside-youth.example.org',
    title: 'Choose three outcomes to track for our homework club',
    question:
      'Funders ask what difference the homework club makes. We count attendance and nothing else. Which three outcomes could we track with a ten-minute form each term?',
    outcome: 'Three outcomes, a question for each, and when to ask them.',
    skills: ['impact-measurement', 'outcomes-frameworks'],
    media: ['VIDEO', 'PHONE'],
    duration: 45,
    status: 'COMPLETED',
    created: -45,
  },
];

export interface MarketplaceHelpers {
  at(day: number, hour?: number): Date;
  /** The day offset of the nth weekday after (n > 0) or before (n < 0) the seed's today. */
  weekday(n: number): number;
  volunteerId(key: string): string;
  userIdFor(email: string): string;
}

export interface MarketplaceCounts {
  offers: number;
  meetings: number;
  feedback: number;
}

/** Writes the offers, meetings, moves, feedback and follow-ups of the stories above. */
export async function seedMarketplace(tx: Prisma.TransactionClient, helpers: MarketplaceHelpers): Promise<MarketplaceCounts> {
  const { at, weekday, volunteerId, userIdFor } = helpers;
  const on = (n: number, hour: number, minutes = 0) => new Date(at(weekday(n), hour).getTime() + minutes * MINUTE);
  const plus = (date: Date, minutes: number) => new Date(date.getTime() + minutes * MINUTE);
  const charity = userIdFor(CHARITY_EMAIL);
  const dan = userIdFor('dan@brightside-youth.example.org');
  const alex = volunteerId('alex-morgan');
  const graham = volunteerId('graham-fletcher');
  const aisha = volunteerId('aisha-bello');

  // ---- 1. The Saturday budget: Graham's booking was moved once, then he cancelled the evening before. The
  // ask reopened, Alex offered, and Brightside booked him: the demo pair's upcoming meeting.
  const budget = 'ask-brightside-saturday-budget';
  const grahamStart = on(-2, 13);
  const grahamFirstStart = on(-4, 13);
  const grahamCancelled = plus(grahamStart, -19 * 60); // the evening before: within 24 hours, so late
  const alexOffered = at(-1, 8);
  const alexBooked = at(-1, 11);
  const alexStart = on(2, 13);
  await tx.offer.createMany({
    data: [
      {
        id: 'offer-brightside-saturday-budget-graham-fletcher',
        askId: budget,
        volunteerId: graham,
        message: 'I have costed youth provision for two funders’ panels. A phone call with the sheet in front of us works well.',
        medium: 'PHONE',
        joinDetails: 'Phone: 0191 496 0742',
        status: 'WITHDRAWN', // he cancelled the booked meeting
        withdrawnBecause: 'BY_VOLUNTEER',
        respondedAt: at(-14, 12),
        createdAt: at(-15, 12),
      },
      {
        id: 'offer-brightside-saturday-budget-alex-morgan',
        askId: budget,
        volunteerId: alex,
        message: 'I saw Graham had to cancel. Bid budgets are half my work; we can go line by line and fix the overheads together.',
        medium: 'VIDEO',
        joinDetails: 'Video call: https://meet.example.org/alex-morgan',
        status: 'ACCEPTED',
        respondedAt: alexBooked,
        createdAt: alexOffered,
      },
    ],
  });
  await tx.offerTime.createMany({
    data: [
      {
        id: 'offer-time-brightside-saturday-budget-graham-fletcher-1',
        offerId: 'offer-brightside-saturday-budget-graham-fletcher',
        startsAt: grahamFirstStart,
        endsAt: plus(grahamFirstStart, 30),
        createdAt: at(-15, 12),
      },
      {
        id: 'offer-time-brightside-saturday-budget-alex-morgan-1',
        offerId: 'offer-brightside-saturday-budget-alex-morgan',
        startsAt: alexStart,
        endsAt: plus(alexStart, 30),
        createdAt: alexOffered,
      },
      {
        id: 'offer-time-brightside-saturday-budget-alex-morgan-2',
        offerId: 'offer-brightside-saturday-budget-alex-morgan',
        startsAt: on(3, 11),
        endsAt: on(3, 11, 30),
        createdAt: alexOffered,
      },
    ],
  });
  await tx.meeting.createMany({
    data: [
      {
        id: 'meeting-brightside-saturday-budget-cancelled',
        askId: budget,
        offerId: 'offer-brightside-saturday-budget-graham-fletcher',
        organisationId: 'org-brightside',
        volunteerId: graham,
        startsAt: grahamStart,
        endsAt: plus(grahamStart, 30),
        medium: 'PHONE',
        joinDetails: 'Graham will ring the club office on 0113 496 0518',
        status: 'CANCELLED',
        sequence: 2, // moved once, then cancelled
        bookedById: charity,
        cancelledAt: grahamCancelled,
        cancelledById: graham,
        cancelReason: 'I am so sorry: my mother has been taken into hospital and I will be with her tomorrow.',
        cancelledLate: true,
        createdAt: at(-14, 12),
      },
      {
        id: 'meeting-brightside-saturday-budget',
        askId: budget,
        offerId: 'offer-brightside-saturday-budget-alex-morgan',
        organisationId: 'org-brightside',
        volunteerId: alex,
        startsAt: alexStart,
        endsAt: plus(alexStart, 30),
        medium: 'VIDEO',
        joinDetails: 'Video call: https://meet.example.org/alex-morgan',
        status: 'SCHEDULED',
        bookedById: charity,
        createdAt: alexBooked,
      },
    ],
  });
  await tx.meetingReschedule.create({
    data: {
      id: 'move-brightside-saturday-budget-1',
      meetingId: 'meeting-brightside-saturday-budget-cancelled',
      proposedById: charity,
      proposedByParty: 'CHARITY',
      startsAt: grahamStart,
      endsAt: plus(grahamStart, 30),
      previousStartsAt: grahamFirstStart,
      note: 'Our treasurer can only join later in the week. Could we move to the same time two days on?',
      status: 'ACCEPTED',
      respondedById: graham,
      respondedAt: at(-8, 16),
      createdAt: at(-8, 10),
    },
  });
  await tx.ask.update({ where: { id: budget }, data: { matchedAt: alexBooked } });

  // ---- 2. Running costs: held with Alex on the last weekday, and neither side has given feedback yet.
  const trusts = 'ask-brightside-running-costs-trusts';
  const trustsStart = on(-1, 10);
  const trustsEnd = plus(trustsStart, 30);
  await tx.offer.create({
    data: {
      id: 'offer-brightside-running-costs-trusts-alex-morgan',
      askId: trusts,
      volunteerId: alex,
      message: 'Core funders exist, they are just quieter. I will bring the shortlist I give my own clients in Yorkshire.',
      medium: 'VIDEO',
      joinDetails: 'Video call: https://meet.example.org/alex-morgan',
      status: 'ACCEPTED',
      respondedAt: at(-28, 12),
      createdAt: at(-29, 12),
      times: {
        create: [
          { id: 'offer-time-brightside-running-costs-trusts-alex-morgan-1', startsAt: trustsStart, endsAt: trustsEnd },
          { id: 'offer-time-brightside-running-costs-trusts-alex-morgan-2', startsAt: on(-2, 11), endsAt: on(-2, 11, 30) },
        ],
      },
    },
  });
  await tx.meeting.create({
    data: {
      id: 'meeting-brightside-running-costs-trusts',
      askId: trusts,
      offerId: 'offer-brightside-running-costs-trusts-alex-morgan',
      organisationId: 'org-brightside',
      volunteerId: alex,
      startsAt: trustsStart,
      endsAt: trustsEnd,
      medium: 'VIDEO',
      joinDetails: 'Video call: https://meet.example.org/alex-morgan',
      status: 'HELD',
      bookedById: charity,
      charityHeldAt: plus(trustsEnd, 60),
      reminderSentAt: plus(trustsStart, -24 * 60),
      createdAt: at(-28, 12),
    },
  });
  await tx.ask.update({ where: { id: trusts }, data: { matchedAt: at(-28, 12), closedAt: plus(trustsEnd, 60) } });

  // ---- 3. Homework club outcomes: held with Aisha (rated), then a catch-up she missed.
  const homework = 'ask-brightside-homework-outcomes';
  const homeworkStart = on(-20, 13);
  const homeworkEnd = plus(homeworkStart, 45);
  const missedStart = on(-10, 13);
  await tx.offer.create({
    data: {
      id: 'offer-brightside-homework-outcomes-aisha-bello',
      askId: homework,
      volunteerId: aisha,
      message: 'Three outcomes and a short form is exactly the right size. I will bring validated questions for young people.',
      medium: 'VIDEO',
      joinDetails: 'Zoom link from Aisha',
      status: 'ACCEPTED',
      respondedAt: at(-43, 12),
      createdAt: at(-44, 12),
      times: {
        create: [{ id: 'offer-time-brightside-homework-outcomes-aisha-bello-1', startsAt: homeworkStart, endsAt: homeworkEnd }],
      },
    },
  });
  await tx.meeting.createMany({
    data: [
      {
        id: 'meeting-brightside-homework-outcomes',
        askId: homework,
        offerId: 'offer-brightside-homework-outcomes-aisha-bello',
        organisationId: 'org-brightside',
        volunteerId: aisha,
        startsAt: homeworkStart,
        endsAt: homeworkEnd,
        medium: 'VIDEO',
        joinDetails: 'Zoom link from Aisha',
        status: 'HELD',
        bookedById: dan,
        charityHeldAt: homeworkEnd,
        volunteerHeldAt: homeworkEnd,
        reminderSentAt: plus(homeworkStart, -24 * 60),
        createdAt: at(-43, 12),
      },
      {
        id: 'meeting-brightside-homework-outcomes-catch-up',
        askId: homework,
        offerId: null, // booked again from the held meeting
        organisationId: 'org-brightside',
        volunteerId: aisha,
        startsAt: missedStart,
        endsAt: plus(missedStart, 30),
        medium: 'VIDEO',
        joinDetails: 'Zoom link from Aisha',
        status: 'NO_SHOW',
        noShowParty: 'VOLUNTEER',
        bookedById: dan,
        reminderSentAt: plus(missedStart, -24 * 60),
        createdAt: plus(homeworkEnd, 24 * 60),
      },
    ],
  });
  await tx.followUp.createMany({
    data: [
      {
        id: 'meeting-brightside-homework-outcomes-catch-up-follow-up',
        meetingId: 'meeting-brightside-homework-outcomes',
        kind: 'CATCH_UP',
        requestedById: dan,
        status: 'DONE',
        dueAt: missedStart,
        note: 'To look at the first term’s answers together.',
        nextMeetingId: 'meeting-brightside-homework-outcomes-catch-up',
        respondedAt: plus(homeworkEnd, 24 * 60),
        createdAt: plus(homeworkEnd, 24 * 60),
      },
      {
        id: 'meeting-brightside-homework-outcomes-practice-check',
        meetingId: 'meeting-brightside-homework-outcomes',
        kind: 'PRACTICE_CHECK',
        status: 'PENDING', // waiting for Brightside's answer
        dueAt: plus(homeworkEnd, 14 * 24 * 60),
        createdAt: plus(homeworkEnd, 14 * 24 * 60),
      },
    ],
  });
  await tx.feedback.createMany({
    data: [
      {
        id: 'meeting-brightside-homework-outcomes-charity',
        meetingId: 'meeting-brightside-homework-outcomes',
        authorId: dan,
        party: 'CHARITY',
        rating: 4,
        changes: 'We ask three questions at the start and end of each term instead of counting heads.',
        thanks: 'Aisha, you made evaluation feel doable for a club run by volunteers. Thank you.',
        createdAt: plus(homeworkEnd, 3 * 60),
      },
      {
        id: 'meeting-brightside-homework-outcomes-volunteer',
        meetingId: 'meeting-brightside-homework-outcomes',
        authorId: aisha,
        party: 'VOLUNTEER',
        rating: null, // the volunteer's rating is optional
        wellScoped: false,
        comment: 'Good people, but the question was really two asks: outcomes and a data system. Worth splitting next time.',
        createdAt: plus(homeworkEnd, 5 * 60),
      },
    ],
  });
  await tx.volunteerProfile.update({ where: { userId: aisha }, data: { noShowCount: 1 } });
  await tx.ask.update({ where: { id: homework }, data: { matchedAt: at(-43, 12), closedAt: homeworkEnd } });

  // ---- 4. Book again: Brightside booked a catch-up with Alex after the lottery decision, and Alex has
  // asked to move it (the move waits for Brightside's answer).
  const catchUpStart = on(4, 10);
  const catchUpBooked = at(-2, 10);
  await tx.meeting.create({
    data: {
      id: 'meeting-lottery-should-we-apply-catch-up',
      askId: 'ask-lottery-should-we-apply',
      offerId: null,
      organisationId: 'org-brightside',
      volunteerId: alex,
      startsAt: catchUpStart,
      endsAt: plus(catchUpStart, 30),
      medium: 'VIDEO',
      joinDetails: 'Video call: https://meet.example.org/alex-morgan',
      status: 'SCHEDULED',
      bookedById: charity,
      createdAt: catchUpBooked,
    },
  });
  await tx.followUp.create({
    data: {
      id: 'meeting-lottery-should-we-apply-catch-up-follow-up',
      meetingId: 'meeting-lottery-should-we-apply',
      kind: 'CATCH_UP',
      requestedById: charity,
      status: 'DONE',
      dueAt: catchUpStart,
      note: 'Section one is done: a second look before we submit.',
      nextMeetingId: 'meeting-lottery-should-we-apply-catch-up',
      respondedAt: catchUpBooked,
      createdAt: catchUpBooked,
    },
  });
  const movedTo = on(5, 11);
  await tx.meetingReschedule.create({
    data: {
      id: 'move-lottery-should-we-apply-catch-up-1',
      meetingId: 'meeting-lottery-should-we-apply-catch-up',
      proposedById: alex,
      proposedByParty: 'VOLUNTEER',
      startsAt: movedTo,
      endsAt: plus(movedTo, 30),
      previousStartsAt: catchUpStart,
      note: 'Sorry, a funder’s panel has landed on that morning. Could we do the next weekday instead?',
      status: 'PENDING',
      createdAt: at(-1, 19),
    },
  });

  // ---- 6. An invitation waiting for Alex: the East Belfast shed's treasurer saw him among the suggested
  // volunteers for its small grants question and invited him with a line of his own. It holds one of Alex's
  // places this month, like an offer; offering on the ask (from the dashboard's link) accepts it.
  const shedInvitedAt = at(-1, 10);
  await tx.invitation.create({
    data: {
      id: 'invitation-shed-small-grants-alex-morgan',
      askId: 'ask-shed-small-grants',
      volunteerId: alex,
      invitedById: userIdFor('billy@eastbelfastshed.example.org'),
      message:
        'Your grant applications record is just what we need. Our members would love to hear how to pitch new tools to a funder, and a phone call suits us best.',
      status: 'PENDING',
      createdAt: shedInvitedAt,
    },
  });

  // The demo's audit trail for these changes, as the app writes it.
  await tx.auditLog.createMany({
    data: [
      {
        id: 'audit-invitation-send-shed-small-grants-alex-morgan',
        actorId: userIdFor('billy@eastbelfastshed.example.org'),
        action: 'invitation.send',
        entityType: 'Invitation',
        entityId: 'invitation-shed-small-grants-alex-morgan',
        createdAt: shedInvitedAt,
        data: { askId: 'ask-shed-small-grants', volunteerId: alex },
      },
      {
        id: 'audit-meeting-cancel-brightside-saturday-budget',
        actorId: graham,
        action: 'meeting.cancel',
        entityType: 'Meeting',
        entityId: 'meeting-brightside-saturday-budget-cancelled',
        createdAt: grahamCancelled,
        data: { late: true },
      },
      {
        id: 'audit-meeting-no-show-brightside-homework',
        actorId: dan,
        action: 'meeting.no_show',
        entityType: 'Meeting',
        entityId: 'meeting-brightside-homework-outcomes-catch-up',
        createdAt: plus(missedStart, 2 * 60),
        data: { party: 'VOLUNTEER' },
      },
    ],
  });

  return { offers: 4, meetings: 6, feedback: 2 };
}
