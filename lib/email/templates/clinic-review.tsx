// Moderation decided the volunteer's clinic: it is published (charities can book), it needs changes (with the
// admin's note and a link to edit it), or it was not accepted (with the reason).
import { formatDateTime } from '@/lib/dates';
import { CallToAction, clip, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';
import { ClinicFacts } from './clinic-seats';

const reason = (topic: string) => `You are getting this because you offered the clinic ${quoted(topic)} on HalfHour.`;

export function clinicApprovedSubject(data: EmailProps<'clinic-approved'>['data']): string {
  return `Your clinic is live: ${clip(data.topic)}`;
}

export function ClinicApprovedEmail({ data, context }: EmailProps<'clinic-approved'>) {
  return (
    <EmailLayout
      kind="clinic-approved"
      context={context}
      title={clinicApprovedSubject(data)}
      preview="Charities can now see your clinic and book a seat."
      heading="Your clinic is live"
      reason={reason(data.topic)}
    >
      <Paragraph>
        We have approved your clinic {quoted(data.topic)} on {formatDateTime(new Date(data.startsAt), data.timeZone)}. Charities can now see
        it and book a seat, each with the one question they bring.
      </Paragraph>
      <ClinicFacts details={data} />
      <Paragraph>You can see every booking and question on the clinic’s page.</Paragraph>
      <CallToAction href={data.url} label="View the clinic" />
    </EmailLayout>
  );
}

export function clinicChangesRequestedSubject(data: EmailProps<'clinic-changes-requested'>['data']): string {
  return `Changes needed before your clinic goes live: ${clip(data.topic)}`;
}

export function ClinicChangesRequestedEmail({ data, context }: EmailProps<'clinic-changes-requested'>) {
  return (
    <EmailLayout
      kind="clinic-changes-requested"
      context={context}
      title={clinicChangesRequestedSubject(data)}
      preview="Our team has read your clinic and suggests a few changes before it goes live."
      heading="Your clinic needs a few changes"
      reason={reason(data.topic)}
    >
      <Paragraph>
        We have read your clinic {quoted(data.topic)}. It needs some changes before charities can see it. Our team said:
      </Paragraph>
      <Quote>{data.note}</Quote>
      <Paragraph>When you have made the changes, save the clinic and it comes back to us for review.</Paragraph>
      <CallToAction href={data.editUrl} label="Edit your clinic" />
    </EmailLayout>
  );
}

export function clinicRejectedSubject(data: EmailProps<'clinic-rejected'>['data']): string {
  return `Your clinic was not published: ${clip(data.topic)}`;
}

export function ClinicRejectedEmail({ data, context }: EmailProps<'clinic-rejected'>) {
  return (
    <EmailLayout
      kind="clinic-rejected"
      context={context}
      title={clinicRejectedSubject(data)}
      preview="Our team could not publish your clinic, and says why."
      heading="Your clinic was not published"
      reason={reason(data.topic)}
    >
      <Paragraph>Thank you for offering the clinic {quoted(data.topic)}. We are not able to publish it. Our team said:</Paragraph>
      <Quote>{data.note}</Quote>
      <Paragraph>You are welcome to offer another clinic, or to help a charity one to one with its ask.</Paragraph>
      <CallToAction href={data.url} label="View the clinic" />
    </EmailLayout>
  );
}
