// The other side asked to move a booked session. Nothing moves until the reader accepts; both the
// current and the proposed time are shown in the reader's own zone.
import { formatDateTime } from '@/lib/dates';
import { actedOnYourSession, CallToAction, clip, Details, EmailLayout, Paragraph, Quote, type EmailProps } from './email-layout';
import { meetingWhen } from './meeting-details';

type Data = EmailProps<'move-proposed'>['data'];

export function moveProposedSubject(data: Data): string {
  return `Can you move ${clip(data.askTitle)} to ${formatDateTime(new Date(data.proposedStartsAt), data.timeZone)}?`;
}

export function MoveProposedEmail({ data, context }: EmailProps<'move-proposed'>) {
  const note = data.note?.trim();
  const proposed = meetingWhen({ startsAt: data.proposedStartsAt, endsAt: data.proposedEndsAt, timeZone: data.timeZone });
  return (
    <EmailLayout
      kind="move-proposed"
      context={context}
      title={moveProposedSubject(data)}
      preview={`${data.proposedByName} asked to move your session. It stays where it is until you answer.`}
      heading="A new time has been suggested"
      reason="You are getting this because you are booked into this session on HalfHour."
    >
      <Paragraph>
        {`${actedOnYourSession(data.proposedByName, 'asked to move', data.withName, data.askTitle)}.`}
        {note ? ' They said:' : null}
      </Paragraph>
      {note ? <Quote>{note}</Quote> : null}
      <Details
        rows={[
          ['Booked for', meetingWhen(data)],
          ['Suggested', proposed],
        ]}
      />
      <Paragraph>
        The session stays at the booked time until you accept the new one. If the new time does not suit you, you can say no.
      </Paragraph>
      <CallToAction href={data.url} label="Answer the request" />
    </EmailLayout>
  );
}
