// An admin could not verify the organisation, with their reason, so the staff can put it right.
import { CallToAction, clip, EmailLayout, Paragraph, Quote, type EmailProps } from './email-layout';

export function organisationRejectedSubject(data: EmailProps<'organisation-rejected'>['data']): string {
  return `We could not verify ${clip(data.organisationName, 80)}`;
}

export function OrganisationRejectedEmail({ data, context }: EmailProps<'organisation-rejected'>) {
  return (
    <EmailLayout
      kind="organisation-rejected"
      context={context}
      title={organisationRejectedSubject(data)}
      preview={`Our team could not verify ${data.organisationName} yet. Here is why.`}
      heading={`We could not verify ${data.organisationName}`}
      reason={`You are getting this because you are a member of ${data.organisationName} on HalfHour.`}
    >
      <Paragraph>We looked at the details of {data.organisationName} and could not verify it yet. Our team said:</Paragraph>
      <Quote>{data.reason}</Quote>
      <Paragraph>You can correct the details and we will check them again.</Paragraph>
      <CallToAction href={data.url} label="Update your details" />
    </EmailLayout>
  );
}
