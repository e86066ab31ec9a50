// The ask's deadline is near: after it, volunteers can no longer offer.
import { formatDate, formatDateTime } from '@/lib/dates';
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';

export function askExpiringSubject(data: EmailProps<'ask-expiring'>['data']): string {
  return `Your ask closes on ${formatDate(new Date(data.deadline), data.timeZone)}: ${clip(data.askTitle)}`;
}

export function AskExpiringEmail({ data, context }: EmailProps<'ask-expiring'>) {
  const closes = formatDateTime(new Date(data.deadline), data.timeZone);
  return (
    <EmailLayout
      kind="ask-expiring"
      context={context}
      title={askExpiringSubject(data)}
      preview={`Volunteers can offer to help until ${closes}.`}
      heading="Your ask closes soon"
      reason={`You are getting this because you posted ${quoted(data.askTitle)} on HalfHour.`}
    >
      <Paragraph>
        Your ask {quoted(data.askTitle)} closes on {closes}. After that, volunteers can no longer offer to help.
      </Paragraph>
      <Paragraph>
        If you have offers, choose one before then. If you still need help and have none yet, you can change the deadline.
      </Paragraph>
      <CallToAction href={data.url} label="View your ask" />
    </EmailLayout>
  );
}
