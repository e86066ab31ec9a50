// A charity picked this volunteer from its suggested mentors and asked them to offer a session.
import { CallToAction, clip, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';

export function invitationToHelpSubject(data: EmailProps<'invitation-to-help'>['data']): string {
  return `${clip(data.organisationName, 40)} invited you to help: ${clip(data.askTitle)}`;
}

export function InvitationToHelpEmail({ data, context }: EmailProps<'invitation-to-help'>) {
  const message = data.message?.trim();
  return (
    <EmailLayout
      kind="invitation-to-help"
      context={context}
      title={invitationToHelpSubject(data)}
      preview={`${data.inviterName} at ${data.organisationName} thinks you could help.`}
      heading="You have been invited to help"
      reason={`You are getting this because you have a volunteer profile on HalfHour and ${data.organisationName} invited you.`}
    >
      <Paragraph>
        {data.inviterName} at {data.organisationName} thinks you could help with their ask {quoted(data.askTitle)}.
        {message ? ' They wrote:' : null}
      </Paragraph>
      {message ? <Quote>{message}</Quote> : null}
      <Paragraph>Have a look at the ask and offer a session if it suits you. If it does not, there is nothing you need to do.</Paragraph>
      <CallToAction href={data.url} label="View the ask" />
    </EmailLayout>
  );
}
