// A booked session was called off; the attached CANCEL removes it from calendars.
import { formatDateTime } from '@/lib/dates';
import { actedOnYourSession, CallToAction, clip, EmailLayout, Paragraph, Quote, type EmailProps } from './email-layout';
import { MeetingSummary } from './meeting-details';

export function meetingCancelledSubject(data: EmailProps<'meeting-cancelled'>['data']): string {
  return `Cancelled: ${clip(data.askTitle)} on ${formatDateTime(new Date(data.startsAt), data.timeZone)}`;
}

export function MeetingCancelledEmail({ data, context }: EmailProps<'meeting-cancelled'>) {
  const when = formatDateTime(new Date(data.startsAt), data.timeZone);
  const reason = data.reason?.trim();
  return (
    <EmailLayout
      kind="meeting-cancelled"
      context={context}
      title={meetingCancelledSubject(data)}
      preview={`${data.cancelledByName} cancelled the session on ${when}.`}
      heading="Your session has been cancelled"
      reason="You are getting this because you were booked into this session on HalfHour."
    >
      <Paragraph>
        {`${actedOnYourSession(data.cancelledByName, 'cancelled', data.withName, data.askTitle)}, which was on ${when}.`}
        {reason ? ' They said:' : null}
      </Paragraph>
      {reason ? <Quote>{reason}</Quote> : null}
      <MeetingSummary details={data} showJoin={false} />
      <Paragraph>The calendar update attached removes the session from your calendar.</Paragraph>
      <CallToAction href={data.url} label="View the session" />
    </EmailLayout>
  );
}
