// What the feedback part of a meeting's page shows, to whom. The charity's feedback (rating, what they
// will change, the thank-you) is seen by both sides and admins; the volunteer's (well scoped or not, their
// rating, their private note) only by the volunteer and admins: the charity learns only that it was given.
// The practice check and its answer are seen by both sides and admins.
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { FollowUpStatus, MeetingParty, MeetingStatus, PracticeOutcome } from '@/lib/generated/prisma/client';

/** Which side of the meeting the actor is on, or null when they are on neither (admins included). */
export function partyOf(
  actor: Actor,
  meeting: { volunteerId: string; organisation: { memberships: Array<unknown> } },
): MeetingParty | null {
  if (meeting.volunteerId === actor.id) return 'VOLUNTEER';
  if (meeting.organisation.memberships.length > 0) return 'CHARITY';
  return null;
}

export interface CharityFeedbackView {
  id: string;
  /** Hidden by an admin after a report (lib/reports): the volunteer no longer reads its words; the charity sees why. */
  hidden: { reason: string | null } | null;
  rating: number | null;
  changes: string | null;
  thanks: string | null;
  authorName: string | null;
  givenAt: Date;
}

export type VolunteerFeedbackView =
  | { visible: true; rating: number | null; wellScoped: boolean | null; comment: string | null; givenAt: Date }
  /** What the charity side sees: that it was given, nothing of what it says. */
  | { visible: false; givenAt: Date };

export interface PracticeCheckView {
  id: string;
  status: FollowUpStatus;
  dueAt: Date;
  outcome: PracticeOutcome | null;
  response: string | null;
  respondedAt: Date | null;
}

export interface MeetingFeedbackView {
  meetingId: string;
  status: MeetingStatus;
  askTitle: string;
  organisationName: string;
  volunteerName: string | null;
  /** The viewer's side; null for an admin who is on neither. */
  viewerParty: MeetingParty | null;
  charityFeedback: CharityFeedbackView | null;
  volunteerFeedback: VolunteerFeedbackView | null;
  practiceCheck: PracticeCheckView | null;
  /** The viewer may give their side's feedback now. */
  canGiveFeedback: boolean;
  /** The viewer is staff and the practice check is waiting for an answer. */
  canAnswerPracticeCheck: boolean;
}

/**
 * The feedback of one meeting as `actor` may see it: parties and admins only (AccessDenied otherwise).
 * One query; the volunteer's private fields are dropped here, so no page can show them by mistake.
 */
export async function meetingFeedbackView(actor: Actor, meetingId: string): Promise<MeetingFeedbackView> {
  assertActive(actor);
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      status: true,
      volunteerId: true,
      ask: { select: { title: true } },
      volunteer: { select: { name: true } },
      organisation: { select: { name: true, memberships: { where: { userId: actor.id }, select: { id: true } } } },
      feedback: {
        select: {
          id: true,
          party: true,
          hiddenAt: true,
          hiddenReason: true,
          rating: true,
          changes: true,
          thanks: true,
          wellScoped: true,
          comment: true,
          createdAt: true,
          author: { select: { name: true } },
        },
      },
      followUps: {
        where: { kind: 'PRACTICE_CHECK' },
        select: { id: true, status: true, dueAt: true, practiceOutcome: true, response: true, respondedAt: true },
      },
    },
  });
  if (!meeting) throw new AccessDenied();
  const viewerParty = partyOf(actor, meeting);
  const isAdmin = actor.role === 'ADMIN';
  if (!viewerParty && !isAdmin) throw new AccessDenied();

  const charity = meeting.feedback.find((feedback) => feedback.party === 'CHARITY');
  const volunteer = meeting.feedback.find((feedback) => feedback.party === 'VOLUNTEER');
  const seesVolunteerSide = viewerParty === 'VOLUNTEER' || isAdmin;
  const check = meeting.followUps[0];
  const own = viewerParty === 'CHARITY' ? charity : viewerParty === 'VOLUNTEER' ? volunteer : undefined;

  return {
    meetingId: meeting.id,
    status: meeting.status,
    askTitle: meeting.ask.title,
    organisationName: meeting.organisation.name,
    volunteerName: meeting.volunteer.name,
    viewerParty,
    charityFeedback: charity
      ? {
          id: charity.id,
          hidden: charity.hiddenAt ? { reason: viewerParty === 'VOLUNTEER' ? null : charity.hiddenReason } : null,
          rating: charity.rating,
          changes: charity.hiddenAt && viewerParty === 'VOLUNTEER' ? null : charity.changes,
          thanks: charity.hiddenAt && viewerParty === 'VOLUNTEER' ? null : charity.thanks,
          authorName: charity.author?.name ?? null,
          givenAt: charity.createdAt,
        }
      : null,
    volunteerFeedback: volunteer
      ? seesVolunteerSide
        ? {
            visible: true,
            rating: volunteer.rating,
            wellScoped: volunteer.wellScoped,
            comment: volunteer.comment,
            givenAt: volunteer.createdAt,
          }
        : { visible: false, givenAt: volunteer.createdAt }
      : null,
    practiceCheck: check
      ? {
          id: check.id,
          status: check.status,
          dueAt: check.dueAt,
          outcome: check.practiceOutcome,
          response: check.response,
          respondedAt: check.respondedAt,
        }
      : null,
    canGiveFeedback: viewerParty !== null && meeting.status === 'HELD' && !own,
    canAnswerPracticeCheck: viewerParty === 'CHARITY' && check?.status === 'PENDING',
  };
}
