// A volunteer's waiting offer on the charity's ask is gone: they took it back, or stopped being available
// (paused, suspended, account deleted). The charity hears plainly, without being told why a person was
// suspended: that is between them and HalfHour.
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';

type Data = EmailProps<'offer-withdrawn'>['data'];

export function offerWithdrawnSubject(data: Data): string {
  const name = clip(data.volunteerName, 40);
  const title = clip(data.askTitle);
  return data.reason === 'withdrawn' ? `${name} withdrew their offer for ${title}` : `${name}'s offer for ${title} is no longer available`;
}

function whatHappened(data: Data): string {
  switch (data.reason) {
    case 'withdrawn':
      return `${data.volunteerName} has withdrawn their offer to help with ${quoted(data.askTitle)}.`;
    case 'paused':
      return `${data.volunteerName} has paused their volunteering for now, so their offer to help with ${quoted(data.askTitle)} has been withdrawn.`;
    case 'suspended':
      return `${data.volunteerName} is no longer available to volunteer, so their offer to help with ${quoted(data.askTitle)} has been withdrawn.`;
    case 'deleted':
      return `${data.volunteerName} has left HalfHour, so their offer to help with ${quoted(data.askTitle)} has been withdrawn.`;
  }
}

export function OfferWithdrawnEmail({ data, context }: EmailProps<'offer-withdrawn'>) {
  return (
    <EmailLayout
      kind="offer-withdrawn"
      context={context}
      title={offerWithdrawnSubject(data)}
      preview={`An offer on ${data.askTitle} is no longer available.`}
      heading="An offer has been withdrawn"
      reason={`You are getting this because you posted ${quoted(data.askTitle)} on HalfHour.`}
    >
      <Paragraph>{whatHappened(data)}</Paragraph>
      <Paragraph>There is nothing you need to do. Your ask stays open for other volunteers until its deadline.</Paragraph>
      <CallToAction href={data.url} label="See your ask" />
    </EmailLayout>
  );
}
