// Turns a queued message into what the mail server sends: subject, HTML and plain text from one React
// component, and a calendar invite for the emails that book, move or cancel a session. Pure: everything it
// needs is in the message and the recipient's context, so the worker can render at send time and a test
// can render without a database.
import { render } from '@react-email/render';
import { createElement, type ComponentType } from 'react';
import { clinicInvite } from '@/lib/clinics/calendar';
import { meetingInvite, type InviteMethod } from './calendar';
import type { ClinicAudience, EmailAttachment, EmailContext, EmailData, EmailKind, EmailMessage, RenderedEmail } from './messages';
import { AskApprovedEmail, askApprovedSubject } from './templates/ask-approved';
import { AskChangesRequestedEmail, askChangesRequestedSubject } from './templates/ask-changes-requested';
import { AskExpiringEmail, askExpiringSubject } from './templates/ask-expiring';
import { AskRejectedEmail, askRejectedSubject } from './templates/ask-rejected';
import {
  ClinicCancelledEmail,
  clinicCancelledSubject,
  ClinicFeedbackRequestEmail,
  clinicFeedbackRequestSubject,
  ClinicMovedEmail,
  clinicMovedSubject,
  ClinicReminderEmail,
  clinicReminderSubject,
} from './templates/clinic-session';
import type { EmailProps } from './templates/email-layout';
import { FeedbackRequestEmail, feedbackRequestSubject } from './templates/feedback-request';
import { InvitationToHelpEmail, invitationToHelpSubject } from './templates/invitation-to-help';
import { MeetingCancelledEmail, meetingCancelledSubject } from './templates/meeting-cancelled';
import { MeetingReminderEmail, meetingReminderSubject } from './templates/meeting-reminder';
import { MeetingRescheduledEmail, meetingRescheduledSubject } from './templates/meeting-rescheduled';
import { MoveDeclinedEmail, moveDeclinedSubject } from './templates/move-declined';
import { MoveProposedEmail, moveProposedSubject } from './templates/move-proposed';
import { OfferAcceptedEmail, offerAcceptedSubject } from './templates/offer-accepted';
import { OfferDeclinedEmail, offerDeclinedSubject } from './templates/offer-declined';
import { OfferReceivedEmail, offerReceivedSubject } from './templates/offer-received';
import { OfferWaitingEmail, offerWaitingSubject } from './templates/offer-waiting';
import { OfferWithdrawnEmail, offerWithdrawnSubject } from './templates/offer-withdrawn';
import {
  ClinicApprovedEmail,
  clinicApprovedSubject,
  ClinicChangesRequestedEmail,
  clinicChangesRequestedSubject,
  ClinicRejectedEmail,
  clinicRejectedSubject,
} from './templates/clinic-review';
import {
  ClinicSeatBookedEmail,
  clinicSeatBookedSubject,
  ClinicSeatLapsedEmail,
  clinicSeatLapsedSubject,
  ClinicSeatOfferedEmail,
  clinicSeatOfferedSubject,
  ClinicWaitingListJoinedEmail,
  clinicWaitingListJoinedSubject,
} from './templates/clinic-seats';
import { OrganisationInviteEmail, organisationInviteSubject } from './templates/organisation-invite';
import { OrganisationRejectedEmail, organisationRejectedSubject } from './templates/organisation-rejected';
import { OrganisationVerifiedEmail, organisationVerifiedSubject } from './templates/organisation-verified';
import { PracticeCheckEmail, practiceCheckSubject } from './templates/practice-check';
import { SignInLinkEmail, signInLinkSubject } from './templates/sign-in-link';
import { ThankYouReceivedEmail, thankYouReceivedSubject } from './templates/thank-you-received';
import { VolunteerPausedEmail, volunteerPausedSubject } from './templates/volunteer-paused';
import { WeeklyDigestEmail, weeklyDigestSubject } from './templates/weekly-digest';
import {
  ContentHiddenEmail,
  contentHiddenSubject,
  ReportOutcomeEmail,
  reportOutcomeSubject,
  ReportReceivedEmail,
  reportReceivedSubject,
  UserWarnedEmail,
  userWarnedSubject,
} from './templates/reports';

interface Template<K extends EmailKind> {
  Email: ComponentType<EmailProps<K>>;
  subject: (data: EmailData<K>) => string;
}

// A mapped type rather than a plain Record: a kind added to messages.ts without a template here, or a
// template given the wrong kind's data, fails to compile.
const templates: { [K in EmailKind]: Template<K> } = {
  'sign-in-link': { Email: SignInLinkEmail, subject: signInLinkSubject },
  'organisation-invite': { Email: OrganisationInviteEmail, subject: organisationInviteSubject },
  'organisation-verified': { Email: OrganisationVerifiedEmail, subject: organisationVerifiedSubject },
  'organisation-rejected': { Email: OrganisationRejectedEmail, subject: organisationRejectedSubject },
  'ask-approved': { Email: AskApprovedEmail, subject: askApprovedSubject },
  'ask-changes-requested': { Email: AskChangesRequestedEmail, subject: askChangesRequestedSubject },
  'ask-rejected': { Email: AskRejectedEmail, subject: askRejectedSubject },
  'offer-received': { Email: OfferReceivedEmail, subject: offerReceivedSubject },
  'offer-waiting': { Email: OfferWaitingEmail, subject: offerWaitingSubject },
  'offer-accepted': { Email: OfferAcceptedEmail, subject: offerAcceptedSubject },
  'offer-declined': { Email: OfferDeclinedEmail, subject: offerDeclinedSubject },
  'invitation-to-help': { Email: InvitationToHelpEmail, subject: invitationToHelpSubject },
  'offer-withdrawn': { Email: OfferWithdrawnEmail, subject: offerWithdrawnSubject },
  'clinic-approved': { Email: ClinicApprovedEmail, subject: clinicApprovedSubject },
  'clinic-changes-requested': { Email: ClinicChangesRequestedEmail, subject: clinicChangesRequestedSubject },
  'clinic-rejected': { Email: ClinicRejectedEmail, subject: clinicRejectedSubject },
  'clinic-seat-booked': { Email: ClinicSeatBookedEmail, subject: clinicSeatBookedSubject },
  'clinic-waiting-list-joined': { Email: ClinicWaitingListJoinedEmail, subject: clinicWaitingListJoinedSubject },
  'clinic-seat-offered': { Email: ClinicSeatOfferedEmail, subject: clinicSeatOfferedSubject },
  'clinic-seat-lapsed': { Email: ClinicSeatLapsedEmail, subject: clinicSeatLapsedSubject },
  'move-proposed': { Email: MoveProposedEmail, subject: moveProposedSubject },
  'move-declined': { Email: MoveDeclinedEmail, subject: moveDeclinedSubject },
  'meeting-rescheduled': { Email: MeetingRescheduledEmail, subject: meetingRescheduledSubject },
  'meeting-cancelled': { Email: MeetingCancelledEmail, subject: meetingCancelledSubject },
  'meeting-reminder': { Email: MeetingReminderEmail, subject: meetingReminderSubject },
  'feedback-request': { Email: FeedbackRequestEmail, subject: feedbackRequestSubject },
  'thank-you-received': { Email: ThankYouReceivedEmail, subject: thankYouReceivedSubject },
  'volunteer-paused': { Email: VolunteerPausedEmail, subject: volunteerPausedSubject },
  'practice-check': { Email: PracticeCheckEmail, subject: practiceCheckSubject },
  'ask-expiring': { Email: AskExpiringEmail, subject: askExpiringSubject },
  'weekly-digest': { Email: WeeklyDigestEmail, subject: weeklyDigestSubject },
  'report-received': { Email: ReportReceivedEmail, subject: reportReceivedSubject },
  'report-outcome': { Email: ReportOutcomeEmail, subject: reportOutcomeSubject },
  'content-hidden': { Email: ContentHiddenEmail, subject: contentHiddenSubject },
  'user-warned': { Email: UserWarnedEmail, subject: userWarnedSubject },
  'clinic-moved': { Email: ClinicMovedEmail, subject: clinicMovedSubject },
  'clinic-cancelled': { Email: ClinicCancelledEmail, subject: clinicCancelledSubject },
  'clinic-reminder': { Email: ClinicReminderEmail, subject: clinicReminderSubject },
  'clinic-feedback-request': { Email: ClinicFeedbackRequestEmail, subject: clinicFeedbackRequestSubject },
};

/** The template for a message's kind. TypeScript cannot follow that `kind` decides `data`'s type, hence the one cast. */
function templateFor(message: EmailMessage): Template<EmailKind> {
  return templates[message.kind] as unknown as Template<EmailKind>;
}

/** The subject line: what happened, in the recipient's time zone where it names a time. */
export function emailSubject(message: EmailMessage): string {
  return templateFor(message).subject(message.data);
}

// html-to-text capitalises headings by default; an email's heading is a sentence, not a shout.
const plainTextOptions = {
  plainText: true,
  htmlToTextOptions: {
    selectors: ['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } })),
  },
} as const;

export async function renderEmail(message: EmailMessage, context: EmailContext): Promise<RenderedEmail> {
  const { Email } = templateFor(message);
  const element = createElement(Email, { data: message.data, context });
  const [html, text] = await Promise.all([render(element), render(element, plainTextOptions)]);
  return { subject: emailSubject(message), html, text, attachments: calendarAttachments(message, context.sender) };
}

/** The .ics for the emails that book, move or cancel a session, organised by `sender`; none for the rest. */
export function calendarAttachments(message: EmailMessage, sender: string): EmailAttachment[] {
  switch (message.kind) {
    case 'offer-accepted':
    case 'meeting-rescheduled': {
      const { sequence, url } = message.data;
      return [invite('REQUEST', meetingInvite(message.data, { method: 'REQUEST', sequence, sender, url }))];
    }
    case 'meeting-cancelled': {
      const { sequence, url } = message.data;
      return [invite('CANCEL', meetingInvite(message.data, { method: 'CANCEL', sequence, sender, url }))];
    }
    // A clinic's invite goes only to those who hold the event: the volunteer and booked charities.
    case 'clinic-seat-booked':
      return [invite('REQUEST', clinicInvite(message.data, { method: 'REQUEST', sender }))];
    case 'clinic-moved':
      return holdsClinic(message.data.audience) ? [invite('REQUEST', clinicInvite(message.data, { method: 'REQUEST', sender }))] : [];
    case 'clinic-cancelled':
      return holdsClinic(message.data.audience) ? [invite('CANCEL', clinicInvite(message.data, { method: 'CANCEL', sender }))] : [];
    default:
      return [];
  }
}

const holdsClinic = (audience: ClinicAudience) => audience === 'volunteer' || audience === 'booked';

function invite(method: InviteMethod, content: string): EmailAttachment {
  return { filename: 'invite.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content };
}
