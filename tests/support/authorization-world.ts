// A small world of someone else's data for the authorization map (tests/security/authorization-map.test.ts):
// one charity with an owner, a member and a suspended member, its asks in every state the endpoints act on,
// a waiting offer, booked/started/held meetings, a practice check, an invitation to help, invitations to join,
// a dead-letter email, an open report of its ask, seats at group clinics; and the people who try their luck with it. Built through the same lib functions the
// app uses where they exist (offers, invitations), so the rows are the shape the app makes.
import { db } from '@/lib/db';
import { findUserAsSignedIn, type SessionUser } from '@/lib/auth/session';
import { inviteVolunteer } from '@/lib/invitations/mutations';
import { makeOffer } from '@/lib/offers/mutations';
import { createInvite, hashInviteToken } from '@/lib/orgs/mutations';
import { addDays, dateInZone } from '@/lib/time-zones';
import { createOffer, createOrganisation, createSkill, createUser } from './factories';
import { createPublishedClinic } from './clinic-factories';
import { addMember, createAskBy, createBookedMeeting, createCharity } from './meeting-factories';

export const LONDON = 'Europe/London';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const fromNow = (ms: number) => new Date(Date.now() + ms);

/** A date `days` from today in London, as forms send it. */
export const inDays = (days: number) => addDays(dateInZone(new Date(), LONDON), days);

type User = Awaited<ReturnType<typeof createUser>>;

async function volunteerWith(skillId: string, data: Parameters<typeof createUser>[1] = {}, profile: Record<string, unknown> = {}) {
  return createUser(db, {
    name: 'Priya Volunteer',
    onboardedAt: new Date(),
    volunteerProfile: {
      create: {
        headline: 'Charity finance lead',
        bio: 'Twenty years in charity finance.',
        media: ['VIDEO'],
        timeZone: LONDON,
        monthlyCapacity: 10,
        skills: { create: [{ skillId, level: 'EXPERT' }] },
        ...profile,
      },
    },
    ...data,
  });
}

export async function buildWorld() {
  // Independent rows are written side by side: a world is built for every cell that changes something.
  const onboarded = { onboardedAt: new Date() };
  const [skill, charity, other, pendingOrganisation, admin, newcomer] = await Promise.all([
    createSkill(db),
    // The charity whose data everyone else tries to reach.
    createCharity(db, { owner: { name: 'Olu Owner', ...onboarded } }),
    // Everyone else.
    createCharity(db, { owner: { name: 'Another Charity Owner', ...onboarded } }),
    createOrganisation(db, { status: 'PENDING_VERIFICATION' }),
    createUser(db, { name: 'Ada Admin', role: 'ADMIN', ...onboarded }),
    createUser(db, { name: null }),
  ]);
  const { organisation, owner } = charity;
  const otherStaff = other.owner;

  const askData = { media: ['VIDEO' as const], timeZone: LONDON, durationMinutes: 30, needsSkills: [skill.id] };
  const [member, suspended, volunteer, helper, invited, candidate, paused, openAsk, draftAsk, pendingAsk, matchedAsk] = await Promise.all([
    addMember(db, organisation.id, { name: 'Cat Member', ...onboarded }),
    addMember(db, organisation.id, { name: 'Sam Suspended', ...onboarded, status: 'SUSPENDED', suspendedAt: new Date() }),
    volunteerWith(skill.id, { name: 'Vic Unrelated Volunteer' }),
    // The volunteers with a part in the charity's data.
    volunteerWith(skill.id, { name: 'Hana Helper' }),
    volunteerWith(skill.id, { name: 'Ivo Invited' }),
    volunteerWith(skill.id, { name: 'Cara Candidate' }),
    volunteerWith(skill.id, { name: 'Pat Paused' }, { pausedAt: new Date(), pausedReason: 'Three missed sessions.' }),
    createAskBy(db, organisation.id, owner.id, { ...askData, title: 'Check our cashbook' }),
    createAskBy(db, organisation.id, owner.id, {
      ...askData,
      title: 'Help us write our funding application',
      status: 'DRAFT',
      publishedAt: null,
    }),
    createAskBy(db, organisation.id, owner.id, {
      ...askData,
      title: 'Review our reserves policy',
      status: 'PENDING_REVIEW',
      publishedAt: null,
      submittedAt: new Date(),
    }),
    createAskBy(db, organisation.id, owner.id, { ...askData, title: 'Plan our summer fair', status: 'MATCHED' }),
  ]);
  await db.membership.createMany({
    data: [
      { organisationId: pendingOrganisation.id, userId: owner.id, role: 'OWNER' },
      { organisationId: pendingOrganisation.id, userId: member.id, role: 'MEMBER' },
    ],
  });

  // Blocks (lib/blocks): the charity blocked Bo; Bea blocked the charity. And a community group with no
  // registration number waiting for an admin to vouch for it (lib/moderation/vouching.ts).
  const [blocked, blocker, communityGroup] = await Promise.all([
    volunteerWith(skill.id, { name: 'Bo Blocked' }),
    volunteerWith(skill.id, { name: 'Bea Blocker' }),
    createOrganisation(db, {
      name: 'Elm Street Residents',
      type: 'COMMUNITY_GROUP',
      registrationNumber: null,
      status: 'PENDING_VERIFICATION',
    }),
  ]);
  await db.block.createMany({
    data: [
      { organisationId: organisation.id, volunteerId: blocked.id, by: 'ORGANISATION', createdById: owner.id },
      { organisationId: organisation.id, volunteerId: blocker.id, by: 'VOLUNTEER', createdById: blocker.id },
    ],
  });

  const expiredToken = `expired-${organisation.id}`;
  const [made, invitedResult, live, accepted, started, held, withMove, deadLetter] = await Promise.all([
    makeOffer(helper, openAsk.id, offerForm()),
    inviteVolunteer(owner, openAsk.id, { volunteerId: invited.id }),
    createInvite(owner, organisation.id, {}),
    createOffer(db, matchedAsk.id, helper.id, { status: 'ACCEPTED' }),
    createBookedMeeting(db, matchedAsk, helper.id, fromNow(-HOUR), fromNow(-DAY)),
    createBookedMeeting(db, matchedAsk, helper.id, fromNow(-3 * DAY), fromNow(-5 * DAY), { status: 'HELD' }),
    createBookedMeeting(db, matchedAsk, helper.id, fromNow(4 * DAY), fromNow(-DAY)),
    db.emailOutbox.create({
      data: {
        userId: owner.id,
        to: owner.email,
        kind: 'offer-received',
        data: {},
        status: 'FAILED',
        attempts: 5,
        lastError: 'Mailbox full',
      },
    }),
    db.orgInvite.create({
      data: { organisationId: organisation.id, invitedById: owner.id, tokenHash: hashInviteToken(expiredToken), expiresAt: fromNow(-DAY) },
    }),
  ]);
  if (!made.ok) throw new Error(`The world's offer: ${JSON.stringify(made)}`);
  if (!invitedResult.ok) throw new Error(`The world's invitation: ${JSON.stringify(invitedResult)}`);
  if (!live.ok) throw new Error(`The world's invite: ${JSON.stringify(live)}`);
  const invitation = { id: invitedResult.data.id };
  const liveToken = decodeURIComponent(live.data.url.split('/').pop() ?? '');

  const [offer, liveInvite, upcoming, move, practiceCheck, report] = await Promise.all([
    db.offer.findUniqueOrThrow({ where: { id: made.data.id }, include: { times: { orderBy: { startsAt: 'asc' } } } }),
    db.orgInvite.findUniqueOrThrow({ where: { tokenHash: hashInviteToken(liveToken) } }),
    createBookedMeeting(db, matchedAsk, helper.id, fromNow(3 * DAY), fromNow(-DAY), { offerId: accepted.id }),
    db.meetingReschedule.create({
      data: {
        meetingId: withMove.id,
        proposedById: owner.id,
        proposedByParty: 'CHARITY',
        // Two hours after the clinic the helper runs six days from now (below), so accepting it is no clash.
        startsAt: fromNow(6 * DAY + 2 * HOUR),
        endsAt: fromNow(6 * DAY + 2 * HOUR + 30 * 60_000),
        previousStartsAt: withMove.startsAt,
      },
    }),
    db.followUp.create({ data: { meetingId: held.id, kind: 'PRACTICE_CHECK', dueAt: fromNow(-HOUR) } }),
    // An open report of the charity's ask, by a volunteer with no other part in the endpoints (lib/reports).
    db.report.create({
      data: { reporterId: candidate.id, targetType: 'ASK', targetId: openAsk.id, subjectUserId: owner.id, reason: 'SPAM', snapshot: {} },
    }),
  ]);

  // Group clinics run by the helper (lib/clinics): one waiting for review; one the charity has a seat at; one
  // with seats free; one full (the other charity and a third hold its seats); one whose freed seat is offered
  // to the charity, to confirm within the day; one that started two hours ago, which the charity came to.
  const third = await createCharity(db);
  const [pendingClinic, bookedClinic, openClinic, fullClinic, offeredClinic, heldClinic] = await Promise.all([
    createPublishedClinic(db, helper.id, { status: 'PENDING_REVIEW', publishedAt: null }),
    createPublishedClinic(db, helper.id, { startsInHours: 5 * 24 }),
    createPublishedClinic(db, helper.id, { startsInHours: 6 * 24 }),
    createPublishedClinic(db, helper.id, { startsInHours: 7 * 24, seats: 2 }),
    createPublishedClinic(db, helper.id, { startsInHours: 8 * 24, seats: 2 }),
    createPublishedClinic(db, helper.id, { startsInHours: -2 }),
  ]);
  const seat = (clinicId: string, organisationId: string, bookedById: string, data: Record<string, unknown> = {}) =>
    db.clinicSeat.create({
      data: { clinicId, organisationId, bookedById, question: 'How do we claim Gift Aid on our raffle?', status: 'BOOKED', ...data },
    });
  const [bookedSeat, offeredSeat, heldSeat] = await Promise.all([
    seat(bookedClinic.id, organisation.id, owner.id),
    seat(offeredClinic.id, organisation.id, owner.id, { status: 'OFFERED', offeredAt: new Date(), offerExpiresAt: fromNow(DAY) }),
    seat(heldClinic.id, organisation.id, owner.id, { attendance: 'ATTENDED', attendanceAt: new Date() }),
    seat(fullClinic.id, other.organisation.id, otherStaff.id),
    seat(fullClinic.id, third.organisation.id, third.owner.id),
    seat(offeredClinic.id, third.organisation.id, third.owner.id),
  ]);

  return {
    skill,
    organisation,
    pendingOrganisation,
    /** The other staff's own organisation: their key to try on the charity's rows. */
    otherOrganisation: other.organisation,
    people: { owner, member, suspended, otherStaff, volunteer, admin, newcomer, helper, invited, candidate, paused, blocked, blocker },
    communityGroup,
    asks: { openAsk, draftAsk, pendingAsk, matchedAsk },
    offer,
    meetings: { upcoming, started, held, withMove },
    move,
    practiceCheck,
    report,
    invitation,
    clinics: { pendingClinic, bookedClinic, openClinic, fullClinic, offeredClinic, heldClinic },
    seats: { bookedSeat, offeredSeat, heldSeat },
    liveToken,
    liveInvite,
    expiredToken,
    deadLetter,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type Person = keyof World['people'];

/** The offer form: three times on three days, in London. */
export function offerForm(): Record<string, string> {
  return {
    message: 'I ran the books for a community cafe for six years and can walk you through it.',
    medium: 'VIDEO',
    joinDetails: 'https://meet.example/volunteer-room',
    time1Date: inDays(3),
    time1Time: '10:00',
    time2Date: inDays(4),
    time2Time: '11:00',
    time3Date: inDays(5),
    time3Time: '14:00',
  };
}

/** The person as the session guards read them (lib/auth/session.ts). */
export async function asSignedIn(user: User): Promise<SessionUser> {
  const signedIn = await findUserAsSignedIn(user.id);
  if (!signedIn) throw new Error(`No user ${user.id}`);
  return signedIn;
}

/**
 * The whole database as a comparable value: for every table in the public schema its row count and its newest
 * row version (PostgreSQL's xmin: every insert and update writes a row version with the writing transaction's
 * id, so any write shows up under the table's name, and a delete in the count), and the same for pg-boss's
 * jobs (an email queued is a job). A lock taken to read (`FOR UPDATE`) writes no row version.
 */
export async function fingerprint(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
     WHERE ((table_schema = 'public' AND table_name <> '_prisma_migrations') OR (table_schema = 'pgboss' AND table_name = 'job'))
       AND table_type = 'BASE TABLE'
     ORDER BY 1`;
  const parts = tables.map(
    ({ name }) => `SELECT '${name}' AS name, count(*)::int AS rows, coalesce(max(xmin::text::bigint), 0)::text AS newest FROM ${name}`,
  );
  const rows = await db.$queryRawUnsafe<Array<{ name: string; rows: number; newest: string }>>(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((row) => [row.name, `${row.rows} rows, newest version ${row.newest}`]));
}

/**
 * Someone else's rows in a world, each with its `updatedAt`: the charity (and the one waiting for verification),
 * its asks, their offers and invitations, its meetings with their moves, feedback and follow-ups, its invitations
 * to join and its owners, the people with a part in it (but not `actorId`, whose own rows are theirs to change),
 * and the dead-letter email. One statement, as it runs around every call.
 */
export async function victimRows(world: World, actorId: string | null): Promise<string[]> {
  const organisations = [world.organisation.id, world.pendingOrganisation.id];
  const { owner, helper, invited, candidate, paused, member, suspended } = world.people;
  const people = [owner, helper, invited, candidate, paused, member, suspended].map((person) => person.id).filter((id) => id !== actorId);
  const rows = await db.$queryRaw<Array<{ row: string }>>`
    WITH orgs AS (SELECT unnest(${organisations}::text[]) AS id),
         asks AS (SELECT id FROM "Ask" WHERE "organisationId" IN (SELECT id FROM orgs)),
         meetings AS (SELECT id FROM "Meeting" WHERE "organisationId" IN (SELECT id FROM orgs))
    SELECT row FROM (
      SELECT 'Organisation ' || id || ' ' || "updatedAt" AS row FROM "Organisation" WHERE id IN (SELECT id FROM orgs)
      UNION ALL SELECT 'Ask ' || id || ' ' || "updatedAt" FROM "Ask" WHERE id IN (SELECT id FROM asks)
      UNION ALL SELECT 'Offer ' || id || ' ' || "updatedAt" FROM "Offer" WHERE "askId" IN (SELECT id FROM asks)
      UNION ALL SELECT 'Invitation ' || id || ' ' || "updatedAt" FROM "Invitation" WHERE "askId" IN (SELECT id FROM asks)
      UNION ALL SELECT 'Meeting ' || id || ' ' || "updatedAt" FROM "Meeting" WHERE id IN (SELECT id FROM meetings)
      UNION ALL SELECT 'MeetingReschedule ' || id || ' ' || "updatedAt" FROM "MeetingReschedule" WHERE "meetingId" IN (SELECT id FROM meetings)
      UNION ALL SELECT 'Feedback ' || id || ' ' || "updatedAt" FROM "Feedback" WHERE "meetingId" IN (SELECT id FROM meetings)
      UNION ALL SELECT 'FollowUp ' || id || ' ' || "updatedAt" FROM "FollowUp" WHERE "meetingId" IN (SELECT id FROM meetings)
      UNION ALL SELECT 'OrgInvite ' || id || ' ' || "updatedAt" FROM "OrgInvite" WHERE "organisationId" IN (SELECT id FROM orgs)
      UNION ALL SELECT 'Membership ' || id || ' ' || role || ' ' || "updatedAt" FROM "Membership" WHERE "organisationId" IN (SELECT id FROM orgs) AND "userId" <> ${actorId ?? ''}
      UNION ALL SELECT 'User ' || id || ' ' || status || ' ' || "updatedAt" FROM "User" WHERE id = ANY(${people}::text[])
      UNION ALL SELECT 'VolunteerProfile ' || id || ' ' || "updatedAt" FROM "VolunteerProfile" WHERE "userId" = ANY(${people}::text[])
      UNION ALL SELECT 'EmailOutbox ' || id || ' ' || "updatedAt" FROM "EmailOutbox" WHERE id = ${world.deadLetter.id}
      UNION ALL SELECT 'ClinicSeat ' || id || ' ' || status || ' ' || "updatedAt" FROM "ClinicSeat" WHERE "organisationId" IN (SELECT id FROM orgs)
      UNION ALL SELECT 'Clinic ' || id || ' ' || status || ' ' || "updatedAt" FROM "Clinic" WHERE id = ANY(${Object.values(world.clinics).map((clinic) => clinic.id)}::text[])
    ) everything ORDER BY row`;
  return rows.map(({ row }) => row);
}
