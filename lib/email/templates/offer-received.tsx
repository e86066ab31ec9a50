// A volunteer offered a session for the charity's ask.
import { CallToAction, clip, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';

export function offerReceivedSubject(data: EmailProps<'offer-received'>['data']): string {
  return `${clip(data.volunteerName, 40)} offered to help with ${clip(data.askTitle)}`;
}

export function OfferReceivedEmail({ data, context }: EmailProps<'offer-received'>) {
  return (
    <EmailLayout
      kind="offer-received"
      context={context}
      title={offerReceivedSubject(data)}
      preview={`${data.volunteerName} has offered a session. Look at the times they suggested.`}
      heading="You have a new offer"
      reason={`You are getting this because you posted ${quoted(data.askTitle)} on HalfHour.`}
    >
      <Paragraph>
        {data.volunteerName} has offered a session for your ask {quoted(data.askTitle)}. {data.message.trim() ? 'Their message:' : null}
      </Paragraph>
      {data.message.trim() ? <Quote>{data.message}</Quote> : null}
      <Paragraph>
        Look at the times they suggested and accept the offer if it suits you. If it does not, please decline it so they know.
      </Paragraph>
      <CallToAction href={data.url} label="Review the offer" />
    </EmailLayout>
  );
}
