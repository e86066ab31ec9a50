// The other side could not make the new time someone suggested, so the session stays where it was.
import { formatDateTime } from '@/lib/dates';
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';
import { MeetingSummary } from './meeting-details';

type Data = EmailProps<'move-declined'>['data'];

export function moveDeclinedSubject(data: Data): string {
  return `Not moved: ${clip(data.askTitle)} stays on ${formatDateTime(new Date(data.startsAt), data.timeZone)}`;
}

export function MoveDeclinedEmail({ data, context }: EmailProps<'move-declined'>) {
  const proposed = formatDateTime(new Date(data.proposedStartsAt), data.timeZone);
  const booked = formatDateTime(new Date(data.startsAt), data.timeZone);
  return (
    <EmailLayout
      kind="move-declined"
      context={context}
      title={moveDeclinedSubject(data)}
      preview={`Your session stays on ${booked}.`}
      heading="Your session has not moved"
      reason="You are getting this because you are booked into this session on HalfHour."
    >
      <Paragraph>
        {data.declinedByName} could not make {proposed}, so your session about {quoted(data.askTitle)} stays on {booked}.
      </Paragraph>
      <MeetingSummary details={data} />
      <Paragraph>If the booked time no longer works for you, you can suggest another time or cancel from the session page.</Paragraph>
      <CallToAction href={data.url} label="View the session" />
    </EmailLayout>
  );
}
