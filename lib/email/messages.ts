// Every email HalfHour sends: its kind and the values its template needs. Domain code queues one of
// these (lib/email/outbox.ts) in the transaction that causes it; the worker renders it at send time
// (lib/email/render.ts) with the recipient's context. Plain JSON only: it is stored in EmailOutbox.data.
//
// Times are ISO strings and are shown in `timeZone`, the recipient's own zone.
import type { Medium } from '@/lib/generated/prisma/enums';

/** The optional emails a person can turn off, each with its own unsubscribe link. */
export type EmailTopic = 'offers' | 'reminders' | 'digest';

export interface MeetingDetails {
  meetingId: string;
  askTitle: string;
  /** The person on the other side of the session: the volunteer for a charity, the charity for a volunteer. */
  withName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  medium: Medium;
  /** Video link, phone number or address, once booked. */
  joinDetails?: string | null;
  /**
   * Everyone on the session, both sides, the same for every recipient: the calendar invite's ATTENDEEs.
   * Absent from messages queued before it was added; their invite then names the organizer only.
   */
  attendees?: MeetingAttendee[];
}

/** Someone on a session, as its calendar invite lists them. */
export interface MeetingAttendee {
  name: string | null;
  email: string;
}

/**
 * A group clinic as its emails show it (lib/clinics): the same for every attendee but `seatId`, the recipient's
 * own seat. Its calendar invite has the clinic's one UID and `sequence` (lib/clinics/calendar.ts); the
 * invite names the volunteer and the recipient's own charity only, never the other charities.
 */
export interface ClinicDetails {
  clinicId: string;
  seatId?: string;
  topic: string;
  volunteerName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  medium: Medium;
  /** The video link or the place: only in emails to booked charities and the volunteer. */
  joinDetails?: string | null;
  sequence: number;
  url: string;
  /**
   * The calendar invite's ATTENDEEs as this recipient's copy lists them (lib/clinics/calendar.ts): the volunteer
   * and the recipient's own charity, never the other charities. Absent: the invite names the organizer only.
   */
  attendees?: MeetingAttendee[];
}

/**
 * Who a clinic email about the session itself is for (lib/clinics/changes.ts, sweeps.ts): the volunteer, a
 * charity with a seat, one offered a freed seat not yet confirmed, or one on the waiting list. Only the
 * volunteer and booked charities hold the event in their calendar, so only their copies carry an invite.
 */
export type ClinicAudience = 'volunteer' | 'booked' | 'offered' | 'waiting';

export interface DigestAsk {
  title: string;
  organisationName: string;
  durationMinutes: number;
  skills: string[];
  url: string;
}

export type EmailMessage =
  | { kind: 'sign-in-link'; data: { url: string; minutes: number } }
  | { kind: 'organisation-invite'; data: { organisationName: string; inviterName: string; url: string; expiresAt: string } }
  | {
      kind: 'organisation-verified';
      /** `publishedAsks`: the asks approved while it waited, published by this verification (absent in older rows). */
      data: { organisationName: string; url: string; publishedAsks?: Array<{ title: string; url: string }> };
    }
  | { kind: 'organisation-rejected'; data: { organisationName: string; reason: string; url: string } }
  | {
      kind: 'ask-approved';
      /**
       * `published` false: approved while its organisation waits for verification, so nobody else can see it
       * yet (it goes live with the verification email). Absent in rows queued before it existed: live.
       */
      data: { askTitle: string; organisationName: string; url: string; published?: boolean };
    }
  | { kind: 'ask-changes-requested'; data: { askTitle: string; note: string; url: string } }
  | { kind: 'ask-rejected'; data: { askTitle: string; note: string; url: string } }
  // A clinic's review and its seats (lib/moderation/clinics.ts, lib/clinics/seats.ts). `url` is the clinic's page.
  | { kind: 'clinic-approved'; data: ClinicDetails }
  | { kind: 'clinic-changes-requested'; data: ClinicDetails & { note: string; editUrl: string } }
  | { kind: 'clinic-rejected'; data: ClinicDetails & { note: string } }
  | {
      kind: 'clinic-seat-booked';
      /** To a booked charity: its question, and the volunteer's email (contact details once booked). */
      data: ClinicDetails & { organisationName: string; question: string; volunteerEmail: string };
    }
  | { kind: 'clinic-waiting-list-joined'; data: ClinicDetails & { organisationName: string; position: number } }
  | { kind: 'clinic-seat-offered'; data: ClinicDetails & { organisationName: string; expiresAt: string } }
  | {
      kind: 'clinic-seat-lapsed';
      /**
       * An offered seat not confirmed in time. `heldUntil`: when the hold ended; `outcome`: where the seat went
       * (the next charity waiting, open to anyone as nobody waited, or nowhere as the clinic has started).
       */
      data: ClinicDetails & { organisationName: string; heldUntil: string; outcome: 'offered' | 'free' | 'started' };
    }
  | { kind: 'offer-received'; data: { askTitle: string; volunteerName: string; message: string; url: string } }
  | { kind: 'offer-waiting'; data: { askTitle: string; volunteerName: string; waitingDays: number; url: string } }
  | { kind: 'offer-accepted'; data: MeetingDetails & { organisationName: string; sequence: number; url: string } }
  | {
      kind: 'offer-declined';
      data: {
        askTitle: string;
        organisationName: string;
        reason: 'declined' | 'expired' | 'ask-closed';
        note?: string | null;
        url: string;
      };
    }
  | {
      kind: 'invitation-to-help';
      data: { askTitle: string; organisationName: string; inviterName: string; message?: string | null; url: string };
    }
  | {
      kind: 'offer-withdrawn';
      data: { askTitle: string; volunteerName: string; reason: 'withdrawn' | 'paused' | 'suspended' | 'deleted'; url: string };
    }
  | {
      kind: 'move-proposed';
      data: MeetingDetails & {
        proposedStartsAt: string;
        proposedEndsAt: string;
        proposedByName: string;
        note?: string | null;
        url: string;
      };
    }
  | { kind: 'move-declined'; data: MeetingDetails & { proposedStartsAt: string; declinedByName: string; url: string } }
  | { kind: 'meeting-rescheduled'; data: MeetingDetails & { previousStartsAt: string; sequence: number; url: string } }
  | {
      kind: 'meeting-cancelled';
      /**
       * `cancelledByYou`: the copy for the person who cancelled, so the calendar that took the booking's invite
       * removes the event too (absent in older rows: someone else cancelled).
       */
      data: MeetingDetails & { cancelledByName: string; cancelledByYou?: boolean; reason?: string | null; sequence: number; url: string };
    }
  | { kind: 'meeting-reminder'; data: MeetingDetails & { lead: '24h' | '1h'; url: string } }
  | {
      kind: 'feedback-request';
      data: { meetingId: string; askTitle: string; withName: string; heldAt: string; timeZone: string; url: string };
    }
  | { kind: 'thank-you-received'; data: { askTitle: string; organisationName: string; thanks: string; url: string } }
  | { kind: 'volunteer-paused'; data: { noShows: number; days: number; url: string } }
  | { kind: 'practice-check'; data: { askTitle: string; volunteerName: string; heldAt: string; timeZone: string; url: string } }
  | { kind: 'ask-expiring'; data: { askTitle: string; deadline: string; timeZone: string; url: string } }
  | { kind: 'weekly-digest'; data: { asks: DigestAsk[]; moreCount: number; browseUrl: string } }
  // Reports (lib/reports): `what` names the content ("an ask"; for the author, its title).
  | { kind: 'report-received'; data: { what: string; url: string } }
  | { kind: 'report-outcome'; data: { what: string; outcome: string; url: string } }
  | { kind: 'content-hidden'; data: { what: string; kind: string; reason: string; url: string } }
  | { kind: 'user-warned'; data: { what: string; note: string; url: string } }
  // A clinic's session (lib/clinics/changes.ts and sweeps.ts). `giveUpUrl`: the seat's one-click "I can no longer come".
  | {
      kind: 'clinic-moved';
      data: ClinicDetails & { audience: ClinicAudience; previousStartsAt: string; giveUpUrl?: string | null };
    }
  | {
      kind: 'clinic-cancelled';
      data: ClinicDetails & { audience: ClinicAudience; cancelledByName: string; reason?: string | null };
    }
  | { kind: 'clinic-reminder'; data: ClinicDetails & { audience: ClinicAudience; lead: '24h' | '1h' } }
  | { kind: 'clinic-feedback-request'; data: ClinicDetails & { heldAt: string } };

export type EmailKind = EmailMessage['kind'];
export type EmailData<K extends EmailKind> = Extract<EmailMessage, { kind: K }>['data'];

/** Which optional topic an email belongs to; null for mail a person always gets. */
export const EMAIL_TOPICS: Record<EmailKind, EmailTopic | null> = {
  'sign-in-link': null,
  'organisation-invite': null,
  'organisation-verified': null,
  'organisation-rejected': null,
  'ask-approved': null,
  'ask-changes-requested': null,
  'ask-rejected': null,
  'clinic-approved': null,
  'clinic-changes-requested': null,
  'clinic-rejected': null,
  'clinic-seat-booked': null,
  'clinic-waiting-list-joined': null,
  'clinic-seat-offered': null,
  'clinic-seat-lapsed': null,
  'offer-received': 'offers',
  'offer-waiting': 'offers',
  'offer-accepted': null,
  'offer-declined': null,
  'invitation-to-help': 'offers',
  'offer-withdrawn': 'offers',
  'move-proposed': null,
  'move-declined': null,
  'meeting-rescheduled': null,
  'meeting-cancelled': null,
  'meeting-reminder': 'reminders',
  'feedback-request': null,
  'thank-you-received': null,
  'volunteer-paused': null,
  'practice-check': null,
  'ask-expiring': 'offers',
  'weekly-digest': 'digest',
  'report-received': null,
  'report-outcome': null,
  'content-hidden': null,
  'user-warned': null,
  'clinic-moved': null,
  'clinic-cancelled': null,
  'clinic-reminder': 'reminders',
  'clinic-feedback-request': null,
};

export const EMAIL_KINDS = Object.keys(EMAIL_TOPICS) as EmailKind[];

/** What the worker knows about the recipient when it renders. */
export interface EmailContext {
  appUrl: string;
  /** The recipient's name when they have an account and gave one. */
  recipientName?: string | null;
  /** Where they change which emails they get (the account page). */
  preferencesUrl: string;
  /** One-click unsubscribe from this email's topic; set for optional emails to people with an account. */
  unsubscribeUrl?: string | null;
  /** The Message-ID, also used as the calendar invite's stamp of origin. */
  messageId: string;
  /** The From header the email goes out with (MAIL_FROM): its calendar invite's ORGANIZER. */
  sender: string;
}

export interface EmailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
}
