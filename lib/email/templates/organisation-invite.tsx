// A colleague's invitation to join their organisation. The address may have no account yet.
import { formatDate } from '@/lib/dates';
import { CallToAction, clip, EmailLayout, Paragraph, type EmailProps } from './email-layout';

export function organisationInviteSubject(data: EmailProps<'organisation-invite'>['data']): string {
  return `${clip(data.inviterName, 40)} invited you to join ${clip(data.organisationName, 50)} on HalfHour`;
}

export function OrganisationInviteEmail({ data, context }: EmailProps<'organisation-invite'>) {
  // No time zone is known for someone who may not have an account yet: the date is shown in UK time.
  const expiresOn = formatDate(new Date(data.expiresAt));
  return (
    <EmailLayout
      kind="organisation-invite"
      context={context}
      title={organisationInviteSubject(data)}
      preview={`Join ${data.organisationName} on HalfHour. The invitation expires on ${expiresOn}.`}
      heading={`Join ${data.organisationName} on HalfHour`}
      reason={`You are getting this because ${data.inviterName} invited this email address to join ${data.organisationName} on HalfHour.`}
      ifUnexpected="If you were not expecting this invitation, you can ignore this email: nothing happens unless you accept it."
    >
      <Paragraph>
        {data.inviterName} has invited you to join <strong>{data.organisationName}</strong> on HalfHour, where small charities get short,
        specific help from experienced volunteers.
      </Paragraph>
      <Paragraph>The link works once and expires on {expiresOn}.</Paragraph>
      <CallToAction href={data.url} label={`Join ${clip(data.organisationName, 40)}`} showAddress />
    </EmailLayout>
  );
}
