// A reminder a day, then an hour, before a session.
import { formatDateTime } from '@/lib/dates';
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';
import { MeetingSummary } from './meeting-details';

export function meetingReminderSubject(data: EmailProps<'meeting-reminder'>['data']): string {
  // The day reminder names the day and time rather than saying "tomorrow": a session booked that
  // morning for the evening gets it too, and "tomorrow" would be wrong.
  return data.lead === '24h'
    ? `Coming up: ${clip(data.askTitle)} on ${formatDateTime(new Date(data.startsAt), data.timeZone)}`
    : `In 1 hour: ${clip(data.askTitle)}`;
}

export function MeetingReminderEmail({ data, context }: EmailProps<'meeting-reminder'>) {
  const when = formatDateTime(new Date(data.startsAt), data.timeZone);
  const soon = data.lead === '24h' ? 'soon' : 'in 1 hour';
  return (
    <EmailLayout
      kind="meeting-reminder"
      context={context}
      title={meetingReminderSubject(data)}
      preview={`Your session with ${data.withName} starts ${soon}: ${when}.`}
      heading={data.lead === '24h' ? 'Your session is coming up' : 'Your session starts in 1 hour'}
      reason="You are getting this because you are booked into this session on HalfHour and get reminders before sessions."
    >
      <Paragraph>
        Your session with {data.withName} about {quoted(data.askTitle)} starts {soon}, on {when}.
      </Paragraph>
      <MeetingSummary details={data} />
      <Paragraph>If you can no longer make it, please move or cancel the session now so the other person is not left waiting.</Paragraph>
      <CallToAction href={data.url} label="View the session" />
    </EmailLayout>
  );
}
