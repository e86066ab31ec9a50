// An admin verified the organisation: its staff can now post asks, and any asks approved while it
// waited are live from this moment, so they are listed here (this is their "your ask is live" email).
import { CallToAction, clip, EmailLayout, Paragraph, TextLink, type EmailProps } from './email-layout';

export function organisationVerifiedSubject(data: EmailProps<'organisation-verified'>['data']): string {
  const published = data.publishedAsks?.length ?? 0;
  const name = clip(data.organisationName, 60);
  if (published === 0) return `${name} is verified on HalfHour`;
  return `${name} is verified: ${published === 1 ? 'your ask is' : `${published} asks are`} live`;
}

export function OrganisationVerifiedEmail({ data, context }: EmailProps<'organisation-verified'>) {
  const published = data.publishedAsks ?? [];
  return (
    <EmailLayout
      kind="organisation-verified"
      context={context}
      title={organisationVerifiedSubject(data)}
      preview={
        published.length > 0
          ? `Volunteers can now see ${published.length === 1 ? 'your ask' : `${published.length} of your asks`} and offer to help.`
          : `You can now post asks for ${data.organisationName}.`
      }
      heading={`${data.organisationName} is verified`}
      reason={`You are getting this because you are a member of ${data.organisationName} on HalfHour.`}
    >
      <Paragraph>We have checked the details of {data.organisationName} and verified it.</Paragraph>
      {published.length > 0 ? (
        <>
          <Paragraph>
            {published.length === 1
              ? 'The ask we approved while we checked is now live: volunteers can see it and offer to help.'
              : 'The asks we approved while we checked are now live: volunteers can see them and offer to help.'}
          </Paragraph>
          <ul style={{ margin: '0 0 16px', paddingLeft: '20px', fontSize: '16px', lineHeight: '24px' }}>
            {published.map((ask) => (
              <li key={ask.url} style={{ margin: '0 0 8px' }}>
                <TextLink href={ask.url}>{ask.title}</TextLink>
              </li>
            ))}
          </ul>
          <Paragraph>We will email you when someone offers a session.</Paragraph>
        </>
      ) : null}
      <Paragraph>
        {published.length > 0 ? 'You can post more asks at any time' : 'You can now post asks'}: short, specific questions an experienced
        volunteer can help with in a single session. Our team reads each ask before volunteers can see it.
      </Paragraph>
      <CallToAction href={data.url} label="Post an ask" />
    </EmailLayout>
  );
}
