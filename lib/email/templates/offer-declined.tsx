// The volunteer's offer will not become a session: declined, expired without a reply, or the ask closed.
// Volunteers must never be ghosted, so each reason gets its own plain words and a thank-you.
import { CallToAction, clip, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';

type Data = EmailProps<'offer-declined'>['data'];

export function offerDeclinedSubject(data: Data): string {
  const title = clip(data.askTitle);
  switch (data.reason) {
    case 'declined':
      return `Your offer for ${title} was not taken up`;
    case 'expired':
      return `Your offer for ${title} expired without a reply`;
    case 'ask-closed':
      return `${title} has closed, so your offer was not taken up`;
  }
}

const headings: Record<Data['reason'], string> = {
  declined: 'Your offer was not taken up',
  expired: 'Your offer has expired',
  'ask-closed': 'This ask has closed',
};

function whatHappened(reason: Data['reason']): string {
  switch (reason) {
    case 'declined':
      return 'They have decided not to go ahead with your offer this time.';
    case 'expired':
      return 'They did not reply in time, so your offer has expired. We are sorry you did not hear back.';
    case 'ask-closed':
      return 'The ask has now closed, so your offer is no longer needed.';
  }
}

export function OfferDeclinedEmail({ data, context }: EmailProps<'offer-declined'>) {
  const note = data.note?.trim();
  return (
    <EmailLayout
      kind="offer-declined"
      context={context}
      title={offerDeclinedSubject(data)}
      preview={`Thank you for offering to help ${data.organisationName}.`}
      heading={headings[data.reason]}
      reason={`You are getting this because you offered to help with ${quoted(data.askTitle)} on HalfHour.`}
    >
      <Paragraph>
        Thank you for offering to help {data.organisationName} with {quoted(data.askTitle)}. {whatHappened(data.reason)}
        {note ? ' They said:' : null}
      </Paragraph>
      {note ? <Quote>{note}</Quote> : null}
      <Paragraph>Other charities are asking for help that may fit your skills.</Paragraph>
      <CallToAction href={data.url} label="Find another ask" />
    </EmailLayout>
  );
}
