// After a session: both sides are asked how it went (and whether it took place).
import { formatDateTime } from '@/lib/dates';
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';

export function feedbackRequestSubject(data: EmailProps<'feedback-request'>['data']): string {
  return `How did it go? ${clip(data.askTitle)}`;
}

export function FeedbackRequestEmail({ data, context }: EmailProps<'feedback-request'>) {
  const heldAt = formatDateTime(new Date(data.heldAt), data.timeZone);
  return (
    <EmailLayout
      kind="feedback-request"
      context={context}
      title={feedbackRequestSubject(data)}
      preview={`Tell us how your session with ${data.withName} went.`}
      heading="How did your session go?"
      reason={`You are getting this because you had a session with ${data.withName} on HalfHour.`}
    >
      <Paragraph>
        You had a session with {data.withName} about {quoted(data.askTitle)} on {heldAt}.
      </Paragraph>
      <Paragraph>
        Please tell us whether it took place and how it went. It takes a minute, and it helps both of you and the next person.
      </Paragraph>
      <CallToAction href={data.url} label="Give feedback" />
    </EmailLayout>
  );
}
