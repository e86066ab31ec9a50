// The session is booked. Both sides get this, each seeing the other as `withName`, with a calendar
// invite attached (lib/email/render.ts) and each other's join details, which were hidden until now.
import { formatDateTime } from '@/lib/dates';
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';
import { MeetingSummary } from './meeting-details';

export function offerAcceptedSubject(data: EmailProps<'offer-accepted'>['data']): string {
  return `Booked: ${clip(data.askTitle)} on ${formatDateTime(new Date(data.startsAt), data.timeZone)}`;
}

export function OfferAcceptedEmail({ data, context }: EmailProps<'offer-accepted'>) {
  return (
    <EmailLayout
      kind="offer-accepted"
      context={context}
      title={offerAcceptedSubject(data)}
      preview={`Your session with ${data.withName} is booked for ${formatDateTime(new Date(data.startsAt), data.timeZone)}.`}
      heading="Your session is booked"
      reason={`You are getting this because you are booked into this session for ${data.organisationName} on HalfHour.`}
    >
      <Paragraph>
        {/* The volunteer meets the organisation itself: "with Walk Trust ... for Walk Trust" would say it twice. */}
        Your session with {data.withName} about {quoted(data.askTitle)}
        {data.withName === data.organisationName ? '' : ` for ${data.organisationName}`} is booked.
      </Paragraph>
      <MeetingSummary details={data} />
      <Paragraph>
        A calendar invite is attached. If the time stops working for you, move or cancel the session so the other person knows.
      </Paragraph>
      <CallToAction href={data.url} label="View the session" />
    </EmailLayout>
  );
}
