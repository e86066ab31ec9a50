// The emails about a group clinic's session itself (lib/clinics/changes.ts and sweeps.ts): it moved, it was
// cancelled, it is coming up, and afterwards how did it go. The volunteer and the charities read the same facts
// in their own zone; only those who hold the event (the volunteer and booked charities) get an invite with the
// move or the cancellation, and only they see how to join.
import { formatDateTime } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';
import type { ClinicAudience, ClinicDetails } from '../messages';
import { CallToAction, clip, Details, EmailLayout, Paragraph, Quote, quoted, TextLink, type EmailProps } from './email-layout';
import { joinRow, whenRows } from './meeting-details';

/** What, when, how, with whom and (for those who hold a seat) how to join. */
export function ClinicSummary({
  details,
  previousStartsAt,
  showJoin = true,
}: {
  details: ClinicDetails;
  /** For a move: the old start, shown above the new time. */
  previousStartsAt?: string;
  showJoin?: boolean;
}) {
  return (
    <Details
      rows={[
        ['Clinic', details.topic],
        ...whenRows(details, previousStartsAt),
        ['How', mediumLabels[details.medium]],
        ['Run by', details.volunteerName],
        joinRow(details, showJoin),
      ]}
    />
  );
}

const because: Record<ClinicAudience, string> = {
  volunteer: 'you are running this clinic on HalfHour',
  booked: 'you booked a seat at this clinic on HalfHour',
  offered: 'a seat at this clinic is being held for you on HalfHour',
  waiting: 'you are on the waiting list for this clinic on HalfHour',
};

/** Why a charity or the volunteer hears about this clinic, as the footer says it. */
function reasonFor(audience: ClinicAudience, also?: string): string {
  return `You are getting this because ${because[audience]}${also ? ` and ${also}` : ''}.`;
}

const holdsEvent = (audience: ClinicAudience) => audience === 'volunteer' || audience === 'booked';

// ---------------------------------------------------------------- moved

export function clinicMovedSubject(data: EmailProps<'clinic-moved'>['data']): string {
  return `Moved: ${clip(data.topic)} is now ${formatDateTime(new Date(data.startsAt), data.timeZone)}`;
}

export function ClinicMovedEmail({ data, context }: EmailProps<'clinic-moved'>) {
  const now = formatDateTime(new Date(data.startsAt), data.timeZone);
  const mine = data.audience === 'volunteer';
  return (
    <EmailLayout
      kind="clinic-moved"
      context={context}
      title={clinicMovedSubject(data)}
      preview={
        mine ? `Your clinic is now on ${now}. We have told the charities.` : `The clinic with ${data.volunteerName} is now on ${now}.`
      }
      heading={mine ? 'You moved your clinic' : 'The clinic has moved'}
      reason={reasonFor(data.audience)}
    >
      <Paragraph>
        {mine
          ? `You moved your clinic ${quoted(data.topic)} to ${now}. We have told every charity with a seat.`
          : `${data.volunteerName} has moved the clinic ${quoted(data.topic)} to ${now}.`}
      </Paragraph>
      <ClinicSummary details={data} previousStartsAt={data.previousStartsAt} showJoin={holdsEvent(data.audience)} />
      {holdsEvent(data.audience) ? <Paragraph>The calendar invite attached replaces the old one.</Paragraph> : null}
      <CallToAction href={data.url} label="View the clinic" />
      {data.giveUpUrl ? (
        <Paragraph>
          If the new time does not suit you, please let the next charity in line have your seat:{' '}
          <TextLink href={data.giveUpUrl}>I can no longer come</TextLink>
        </Paragraph>
      ) : null}
    </EmailLayout>
  );
}

// ---------------------------------------------------------------- cancelled

export function clinicCancelledSubject(data: EmailProps<'clinic-cancelled'>['data']): string {
  return `Cancelled: ${clip(data.topic)} on ${formatDateTime(new Date(data.startsAt), data.timeZone)}`;
}

export function ClinicCancelledEmail({ data, context }: EmailProps<'clinic-cancelled'>) {
  const when = formatDateTime(new Date(data.startsAt), data.timeZone);
  const reason = data.reason?.trim();
  const mine = data.audience === 'volunteer';
  return (
    <EmailLayout
      kind="clinic-cancelled"
      context={context}
      title={clinicCancelledSubject(data)}
      preview={`The clinic ${quoted(clip(data.topic))} on ${when} has been cancelled.`}
      heading={mine ? 'Your clinic has been cancelled' : 'The clinic has been cancelled'}
      reason={reasonFor(data.audience)}
    >
      <Paragraph>
        {`${data.cancelledByName} cancelled the clinic ${quoted(data.topic)}, which was on ${when}.${reason ? ' They said:' : ''}`}
      </Paragraph>
      {reason ? <Quote>{reason}</Quote> : null}
      <ClinicSummary details={data} showJoin={false} />
      {holdsEvent(data.audience) ? <Paragraph>The calendar update attached removes the clinic from your calendar.</Paragraph> : null}
      {mine ? null : <Paragraph>We are sorry. Other clinics and volunteers may be able to help with your question.</Paragraph>}
      <CallToAction href={data.url} label="View the clinic" />
    </EmailLayout>
  );
}

// ---------------------------------------------------------------- reminders

export function clinicReminderSubject(data: EmailProps<'clinic-reminder'>['data']): string {
  // The date and time rather than "tomorrow": a clinic booked that morning for the evening gets it too.
  return data.lead === '24h'
    ? `Coming up: ${clip(data.topic)} on ${formatDateTime(new Date(data.startsAt), data.timeZone)}`
    : `In 1 hour: ${clip(data.topic)}`;
}

export function ClinicReminderEmail({ data, context }: EmailProps<'clinic-reminder'>) {
  const when = formatDateTime(new Date(data.startsAt), data.timeZone);
  const soon = data.lead === '24h' ? 'soon' : 'in 1 hour';
  const mine = data.audience === 'volunteer';
  return (
    <EmailLayout
      kind="clinic-reminder"
      context={context}
      title={clinicReminderSubject(data)}
      preview={`The clinic ${quoted(clip(data.topic))} starts ${soon}: ${when}.`}
      heading={data.lead === '24h' ? 'Your clinic is coming up' : 'Your clinic starts in 1 hour'}
      reason={reasonFor(data.audience, 'get reminders before sessions')}
    >
      <Paragraph>
        {mine
          ? `Your clinic ${quoted(data.topic)} starts ${soon}, on ${when}. The charities' questions are on the clinic's page.`
          : `The clinic ${quoted(data.topic)} with ${data.volunteerName} starts ${soon}, on ${when}. Have your question ready.`}
      </Paragraph>
      <ClinicSummary details={data} />
      <Paragraph>
        {mine
          ? 'If you can no longer run it, please move or cancel it on its page now so the charities are not left waiting.'
          : 'If you can no longer come, please give up your seat on the clinic’s page so another charity can have it.'}
      </Paragraph>
      <CallToAction href={data.url} label="View the clinic" />
    </EmailLayout>
  );
}

// ---------------------------------------------------------------- feedback

export function clinicFeedbackRequestSubject(data: EmailProps<'clinic-feedback-request'>['data']): string {
  return `How did it go? ${clip(data.topic)}`;
}

export function ClinicFeedbackRequestEmail({ data, context }: EmailProps<'clinic-feedback-request'>) {
  const heldAt = formatDateTime(new Date(data.heldAt), data.timeZone);
  return (
    <EmailLayout
      kind="clinic-feedback-request"
      context={context}
      title={clinicFeedbackRequestSubject(data)}
      preview={`Tell ${data.volunteerName} how the clinic helped.`}
      heading="How did the clinic go?"
      reason={`You are getting this because you had a seat at ${data.volunteerName}'s clinic on HalfHour.`}
    >
      <Paragraph>
        You had a seat at the clinic {quoted(data.topic)} with {data.volunteerName} on {heldAt}.
      </Paragraph>
      <Paragraph>
        Please tell us how it went and what you will do differently, and say thank you if you would like to. It takes a minute. You can also
        book a one-to-one follow-up with {data.volunteerName} from the same page.
      </Paragraph>
      <CallToAction href={data.url} label="Give feedback" />
    </EmailLayout>
  );
}
