// The charity wrote the volunteer a thank-you in its feedback: the volunteer gets it in their own inbox.
import { CallToAction, clip, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';

export function thankYouReceivedSubject(data: EmailProps<'thank-you-received'>['data']): string {
  return `${clip(data.organisationName, 50)} sent you a thank-you`;
}

export function ThankYouReceivedEmail({ data, context }: EmailProps<'thank-you-received'>) {
  return (
    <EmailLayout
      kind="thank-you-received"
      context={context}
      title={thankYouReceivedSubject(data)}
      preview={`A note from ${data.organisationName} about your session.`}
      heading="You have a thank-you"
      reason={`You are getting this because you gave a session to ${data.organisationName} on HalfHour.`}
    >
      <Paragraph>
        {data.organisationName} wrote this about your session on {quoted(data.askTitle)}:
      </Paragraph>
      <Quote>{data.thanks}</Quote>
      <Paragraph>Thank you for giving your time. You can see every note and what came of your sessions on your impact page.</Paragraph>
      <CallToAction href={data.url} label="See your impact" />
    </EmailLayout>
  );
}
