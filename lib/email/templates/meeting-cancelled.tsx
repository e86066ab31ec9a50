// A booked session was called off; the attached CANCEL removes it from calendars.
import { formatDateTime } from '@/lib/dates';
import { actedOnYourSession, CallToAction, clip, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';
import { MeetingSummary } from './meeting-details';

export function meetingCancelledSubject(data: EmailProps<'meeting-cancelled'>['data']): string {
  return `Cancelled: ${clip(data.askTitle)} on ${formatDateTime(new Date(data.startsAt), data.timeZone)}`;
}

export function MeetingCancelledEmail({ data, context }: EmailProps<'meeting-cancelled'>) {
  const when = formatDateTime(new Date(data.startsAt), data.timeZone);
  const reason = data.reason?.trim();
  // The copy for whoever cancelled: a confirmation, and the CANCEL their calendar needs.
  const byYou = data.cancelledByYou === true;
  return (
    <EmailLayout
      kind="meeting-cancelled"
      context={context}
      title={meetingCancelledSubject(data)}
      preview={
        byYou
          ? `You cancelled the session on ${when}. We have told ${data.withName}.`
          : `${data.cancelledByName} cancelled the session on ${when}.`
      }
      heading={byYou ? 'You cancelled your session' : 'Your session has been cancelled'}
      reason="You are getting this because you were booked into this session on HalfHour."
    >
      <Paragraph>
        {byYou
          ? `You cancelled your session with ${data.withName} about ${quoted(data.askTitle)}, which was on ${when}. We have told ${data.withName}${reason ? ', with your reason:' : '.'}`
          : `${actedOnYourSession(data.cancelledByName, 'cancelled', data.withName, data.askTitle)}, which was on ${when}.${reason ? ' They said:' : ''}`}
      </Paragraph>
      {reason ? <Quote>{reason}</Quote> : null}
      <MeetingSummary details={data} showJoin={false} />
      <Paragraph>The calendar update attached removes the session from your calendar.</Paragraph>
      <CallToAction href={data.url} label="View the session" />
    </EmailLayout>
  );
}
