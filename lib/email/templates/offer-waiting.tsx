// A gentle nudge: a volunteer's offer has had no reply for some days.
import { plural } from '@/lib/labels';
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';

export function offerWaitingSubject(data: EmailProps<'offer-waiting'>['data']): string {
  return `An offer has been waiting ${plural(data.waitingDays, 'day')}: ${clip(data.askTitle)}`;
}

export function OfferWaitingEmail({ data, context }: EmailProps<'offer-waiting'>) {
  const waiting = plural(data.waitingDays, 'day');
  return (
    <EmailLayout
      kind="offer-waiting"
      context={context}
      title={offerWaitingSubject(data)}
      preview={`${data.volunteerName} is waiting to hear from you.`}
      heading="An offer is waiting for your reply"
      reason={`You are getting this because you posted ${quoted(data.askTitle)} on HalfHour.`}
    >
      <Paragraph>
        {data.volunteerName} offered to help with {quoted(data.askTitle)} {waiting} ago and is waiting to hear from you.
      </Paragraph>
      <Paragraph>Please accept the offer, or decline it so they can help someone else.</Paragraph>
      <CallToAction href={data.url} label="Reply to the offer" />
    </EmailLayout>
  );
}
