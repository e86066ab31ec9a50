// Moderation approved the ask: it is public and volunteers can offer.
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';

export function askApprovedSubject(data: EmailProps<'ask-approved'>['data']): string {
  return `Your ask is live: ${clip(data.askTitle)}`;
}

export function AskApprovedEmail({ data, context }: EmailProps<'ask-approved'>) {
  return (
    <EmailLayout
      kind="ask-approved"
      context={context}
      title={askApprovedSubject(data)}
      preview="Volunteers can now see your ask and offer to help."
      heading="Your ask is live"
      reason={`You are getting this because you posted ${quoted(data.askTitle)} for ${data.organisationName} on HalfHour.`}
    >
      <Paragraph>
        We have approved your ask {quoted(data.askTitle)} for {data.organisationName}. Volunteers can now see it and offer to help.
      </Paragraph>
      <Paragraph>We will email you when someone offers a session.</Paragraph>
      <CallToAction href={data.url} label="View your ask" />
    </EmailLayout>
  );
}
