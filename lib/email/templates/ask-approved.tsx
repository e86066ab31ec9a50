// Moderation approved the ask. It is public at once when its organisation is verified; otherwise it
// waits for the verification, and this email says so rather than promising volunteers can see it.
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';

/** Older queued rows have no `published`: they were only sent for asks that went live. */
const isLive = (data: EmailProps<'ask-approved'>['data']) => data.published !== false;

export function askApprovedSubject(data: EmailProps<'ask-approved'>['data']): string {
  return isLive(data) ? `Your ask is live: ${clip(data.askTitle)}` : `Your ask is approved: ${clip(data.askTitle)}`;
}

export function AskApprovedEmail({ data, context }: EmailProps<'ask-approved'>) {
  const live = isLive(data);
  return (
    <EmailLayout
      kind="ask-approved"
      context={context}
      title={askApprovedSubject(data)}
      preview={
        live
          ? 'Volunteers can now see your ask and offer to help.'
          : `It will be published as soon as ${data.organisationName} is verified.`
      }
      heading={live ? 'Your ask is live' : 'Your ask is approved'}
      reason={`You are getting this because you posted ${quoted(data.askTitle)} for ${data.organisationName} on HalfHour.`}
    >
      {live ? (
        <>
          <Paragraph>
            We have approved your ask {quoted(data.askTitle)} for {data.organisationName}. Volunteers can now see it and offer to help.
          </Paragraph>
          <Paragraph>We will email you when someone offers a session.</Paragraph>
        </>
      ) : (
        <>
          <Paragraph>
            We have approved your ask {quoted(data.askTitle)}. Volunteers cannot see it yet: we are still checking the details of{' '}
            {data.organisationName}, and it will be published as soon as the organisation is verified.
          </Paragraph>
          <Paragraph>We will email you when it is live. There is nothing you need to do in the meantime.</Paragraph>
        </>
      )}
      <CallToAction href={data.url} label="View your ask" />
    </EmailLayout>
  );
}
