// Moderation sent the ask back with a note: what to change before it can go live.
import { CallToAction, clip, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';

export function askChangesRequestedSubject(data: EmailProps<'ask-changes-requested'>['data']): string {
  return `Changes needed before your ask goes live: ${clip(data.askTitle)}`;
}

export function AskChangesRequestedEmail({ data, context }: EmailProps<'ask-changes-requested'>) {
  return (
    <EmailLayout
      kind="ask-changes-requested"
      context={context}
      title={askChangesRequestedSubject(data)}
      preview="Our team has read your ask and suggests a few changes before it goes live."
      heading="Your ask needs a few changes"
      reason={`You are getting this because you sent ${quoted(data.askTitle)} for review on HalfHour.`}
    >
      <Paragraph>
        We have read your ask {quoted(data.askTitle)}. It needs some changes before volunteers can see it. Our team said:
      </Paragraph>
      <Quote>{data.note}</Quote>
      <Paragraph>When you have made the changes, send it for review again.</Paragraph>
      <CallToAction href={data.url} label="Edit your ask" />
    </EmailLayout>
  );
}
