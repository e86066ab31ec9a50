// An admin verified the organisation: its staff can now post asks.
import { CallToAction, clip, EmailLayout, Paragraph, type EmailProps } from './email-layout';

export function organisationVerifiedSubject(data: EmailProps<'organisation-verified'>['data']): string {
  return `${clip(data.organisationName, 80)} is verified on HalfHour`;
}

export function OrganisationVerifiedEmail({ data, context }: EmailProps<'organisation-verified'>) {
  return (
    <EmailLayout
      kind="organisation-verified"
      context={context}
      title={organisationVerifiedSubject(data)}
      preview={`You can now post asks for ${data.organisationName}.`}
      heading={`${data.organisationName} is verified`}
      reason={`You are getting this because you are a member of ${data.organisationName} on HalfHour.`}
    >
      <Paragraph>
        We have checked the details of {data.organisationName} and verified it. You can now post asks: short, specific questions an
        experienced volunteer can help with in a single session.
      </Paragraph>
      <Paragraph>Our team reads each ask before volunteers can see it.</Paragraph>
      <CallToAction href={data.url} label="Post an ask" />
    </EmailLayout>
  );
}
