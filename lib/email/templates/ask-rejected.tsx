// Moderation did not approve the ask, with the reason.
import { CallToAction, clip, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';

export function askRejectedSubject(data: EmailProps<'ask-rejected'>['data']): string {
  return `Your ask was not approved: ${clip(data.askTitle)}`;
}

export function AskRejectedEmail({ data, context }: EmailProps<'ask-rejected'>) {
  return (
    <EmailLayout
      kind="ask-rejected"
      context={context}
      title={askRejectedSubject(data)}
      preview="Our team could not approve your ask. Here is why."
      heading="Your ask was not approved"
      reason={`You are getting this because you sent ${quoted(data.askTitle)} for review on HalfHour.`}
    >
      <Paragraph>We are sorry: we could not approve your ask {quoted(data.askTitle)}. Our team said:</Paragraph>
      <Quote>{data.note}</Quote>
      <Paragraph>You are welcome to post a different ask that fits what HalfHour volunteers can help with.</Paragraph>
      <CallToAction href={data.url} label="View your ask" />
    </EmailLayout>
  );
}
