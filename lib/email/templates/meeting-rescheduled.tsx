// A booked session moved to a new time; the attached invite (same UID, higher SEQUENCE) updates calendars.
import { formatDateTime } from '@/lib/dates';
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';
import { MeetingSummary } from './meeting-details';

export function meetingRescheduledSubject(data: EmailProps<'meeting-rescheduled'>['data']): string {
  return `Moved: ${clip(data.askTitle)} is now ${formatDateTime(new Date(data.startsAt), data.timeZone)}`;
}

export function MeetingRescheduledEmail({ data, context }: EmailProps<'meeting-rescheduled'>) {
  const now = formatDateTime(new Date(data.startsAt), data.timeZone);
  return (
    <EmailLayout
      kind="meeting-rescheduled"
      context={context}
      title={meetingRescheduledSubject(data)}
      preview={`Your session with ${data.withName} is now on ${now}.`}
      heading="Your session has moved"
      reason="You are getting this because you are booked into this session on HalfHour."
    >
      <Paragraph>
        Your session with {data.withName} about {quoted(data.askTitle)} has moved to {now}.
      </Paragraph>
      <MeetingSummary details={data} previousStartsAt={data.previousStartsAt} />
      <Paragraph>The calendar invite attached replaces the old one.</Paragraph>
      <CallToAction href={data.url} label="View the session" />
    </EmailLayout>
  );
}
