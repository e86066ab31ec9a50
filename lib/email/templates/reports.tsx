// The four short emails of reports (lib/reports): to the reporter, that their report arrived and later what was
// decided, in one line; to the author, that their content was hidden and why, or a warning in the admin's words.
import { CallToAction, clip, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';

const DASHBOARD = 'Go to your dashboard';

export function reportReceivedSubject(data: EmailProps<'report-received'>['data']): string {
  return `We received your report about ${data.what}`;
}

export function ReportReceivedEmail({ data, context }: EmailProps<'report-received'>) {
  return (
    <EmailLayout
      kind="report-received"
      context={context}
      title={reportReceivedSubject(data)}
      preview="Thank you for telling us. Our team will look into it."
      heading="Thank you for your report"
      reason="You are getting this because you reported something on HalfHour."
    >
      <Paragraph>
        Thank you for reporting {data.what}. Our team will look into it and email you what we decided. The person you reported is never told
        who reported them.
      </Paragraph>
      <CallToAction href={data.url} label={DASHBOARD} />
    </EmailLayout>
  );
}

export function reportOutcomeSubject(data: EmailProps<'report-outcome'>['data']): string {
  return `Your report about ${data.what}: what we decided`;
}

export function ReportOutcomeEmail({ data, context }: EmailProps<'report-outcome'>) {
  return (
    <EmailLayout
      kind="report-outcome"
      context={context}
      title={reportOutcomeSubject(data)}
      preview={data.outcome}
      heading="We looked into your report"
      reason="You are getting this because you reported something on HalfHour."
    >
      <Paragraph>{data.outcome}</Paragraph>
      <CallToAction href={data.url} label={DASHBOARD} />
    </EmailLayout>
  );
}

export function contentHiddenSubject(data: EmailProps<'content-hidden'>['data']): string {
  return `We have hidden ${clip(data.what)}`;
}

export function ContentHiddenEmail({ data, context }: EmailProps<'content-hidden'>) {
  return (
    <EmailLayout
      kind="content-hidden"
      context={context}
      title={contentHiddenSubject(data)}
      preview="Someone reported it, and our team agreed it should not be shown."
      heading="We have hidden something you wrote"
      reason="You are getting this because something you wrote on HalfHour was reported."
    >
      <Paragraph>
        Someone reported {data.kind}, {quoted(data.what)}, and our team has hidden it: nobody else can see it now. They said:
      </Paragraph>
      <Quote>{data.reason}</Quote>
      <Paragraph>If you think we got this wrong, reply to this email and tell us why.</Paragraph>
      <CallToAction href={data.url} label={data.url.includes('/my-asks/') ? 'View your ask' : DASHBOARD} />
    </EmailLayout>
  );
}

export function userWarnedSubject(data: EmailProps<'user-warned'>['data']): string {
  return `A warning from HalfHour about ${clip(data.what)}`;
}

export function UserWarnedEmail({ data, context }: EmailProps<'user-warned'>) {
  return (
    <EmailLayout
      kind="user-warned"
      context={context}
      title={userWarnedSubject(data)}
      preview="Our team looked into a report about you."
      heading="A warning from HalfHour"
      reason="You are getting this because our team looked into a report about you on HalfHour."
    >
      <Paragraph>Our team looked into a report about {quoted(data.what)} and is giving you a warning. They said:</Paragraph>
      <Quote>{data.note}</Quote>
      <Paragraph>
        We keep a record of warnings. Further problems, or repeated no-shows and late cancellations, may lead to your account being
        suspended.
      </Paragraph>
      <CallToAction href={data.url} label={DASHBOARD} />
    </EmailLayout>
  );
}
