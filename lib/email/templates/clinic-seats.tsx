// A charity's seat at a group clinic: booked (with how to join, the volunteer's email and a calendar invite),
// a place on the waiting list, a freed seat offered to them to confirm within 24 hours, and that offer lapsing.
import { formatDateTime } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';
import type { ClinicDetails } from '../messages';
import { CallToAction, clip, Details, EmailLayout, Paragraph, Quote, quoted, type EmailProps } from './email-layout';
import { meetingWhen } from './meeting-details';

const joinLabels = { VIDEO: 'Video link', PHONE: 'Phone', EMAIL: 'Email', IN_PERSON: 'Where' } as const;

/** What, when, how, who runs it and, when the details carry it, how to join. */
export function ClinicFacts({ details, extra = [] }: { details: ClinicDetails; extra?: Array<[string, string | null | undefined]> }) {
  return (
    <Details
      rows={[
        ['Clinic', details.topic],
        ['When', meetingWhen(details)],
        ['How', mediumLabels[details.medium]],
        ['Run by', details.volunteerName],
        [joinLabels[details.medium], details.joinDetails?.trim()],
        ...extra,
      ]}
    />
  );
}

const reason = (organisationName: string, what: string) => `You are getting this because you ${what} for ${organisationName} on HalfHour.`;

// ---------------------------------------------------------------- booked

export function clinicSeatBookedSubject(data: EmailProps<'clinic-seat-booked'>['data']): string {
  return `Booked: ${clip(data.topic)} on ${formatDateTime(new Date(data.startsAt), data.timeZone)}`;
}

export function ClinicSeatBookedEmail({ data, context }: EmailProps<'clinic-seat-booked'>) {
  return (
    <EmailLayout
      kind="clinic-seat-booked"
      context={context}
      title={clinicSeatBookedSubject(data)}
      preview={`Your seat at ${data.volunteerName}’s clinic is booked for ${formatDateTime(new Date(data.startsAt), data.timeZone)}.`}
      heading="Your seat is booked"
      reason={reason(data.organisationName, 'booked a seat at this clinic')}
    >
      <Paragraph>
        {data.organisationName} has a seat at {quoted(data.topic)}, run by {data.volunteerName}. The volunteer will see your question
        beforehand so they can prepare:
      </Paragraph>
      <Quote>{data.question}</Quote>
      <ClinicFacts details={data} extra={[['Volunteer’s email', data.volunteerEmail]]} />
      <Paragraph>
        A calendar invite is attached. If you can no longer come, give up your seat on the clinic’s page: the next charity on the waiting
        list is offered it.
      </Paragraph>
      <CallToAction href={data.url} label="View the clinic" />
    </EmailLayout>
  );
}

// ---------------------------------------------------------------- waiting list

export function clinicWaitingListJoinedSubject(data: EmailProps<'clinic-waiting-list-joined'>['data']): string {
  return `You are on the waiting list: ${clip(data.topic)}`;
}

export function ClinicWaitingListJoinedEmail({ data, context }: EmailProps<'clinic-waiting-list-joined'>) {
  return (
    <EmailLayout
      kind="clinic-waiting-list-joined"
      context={context}
      title={clinicWaitingListJoinedSubject(data)}
      preview={`Number ${data.position} in line. We will email you if a seat comes free.`}
      heading="You are on the waiting list"
      reason={reason(data.organisationName, 'joined the waiting list of this clinic')}
    >
      <Paragraph>
        Every seat at {quoted(data.topic)} is taken, so {data.organisationName} is on the waiting list: number {data.position} in line.
      </Paragraph>
      <Paragraph>
        If a seat comes free and you are first in line, we will email you straight away. You then have 24 hours to confirm it before it
        passes to the next charity.
      </Paragraph>
      <ClinicFacts details={data} />
      <CallToAction href={data.url} label="View the clinic" />
    </EmailLayout>
  );
}

// ---------------------------------------------------------------- a seat offered

export function clinicSeatOfferedSubject(data: EmailProps<'clinic-seat-offered'>['data']): string {
  return `A seat is free for you: ${clip(data.topic)}`;
}

export function ClinicSeatOfferedEmail({ data, context }: EmailProps<'clinic-seat-offered'>) {
  const until = formatDateTime(new Date(data.expiresAt), data.timeZone);
  return (
    <EmailLayout
      kind="clinic-seat-offered"
      context={context}
      title={clinicSeatOfferedSubject(data)}
      preview={`Confirm by ${until} or it passes to the next charity in line.`}
      heading="A seat is free for you"
      reason={reason(data.organisationName, 'joined the waiting list of this clinic')}
    >
      <Paragraph>
        Good news: a seat at {quoted(data.topic)} has come free, and {data.organisationName} is first in line. We are holding it for you
        until {until}.
      </Paragraph>
      <ClinicFacts details={data} />
      <Paragraph>
        Confirm it on the clinic’s page to book it. If you cannot come, say so there and it goes to the next charity straight away; if we
        hear nothing by {until}, it passes on.
      </Paragraph>
      <CallToAction href={data.url} label="Confirm your seat" />
    </EmailLayout>
  );
}

// ---------------------------------------------------------------- an offered seat lapsed

export function clinicSeatLapsedSubject(data: EmailProps<'clinic-seat-lapsed'>['data']): string {
  return `The seat at ${clip(data.topic)} we held for you has passed on`;
}

// What became of the seat, as it truly went: to the next charity waiting, back to anyone who books it (nobody
// was waiting), or nowhere because the clinic has started (a hold never outlasts the start).
const afterwards = {
  offered: 'The seat has gone to the next charity on the waiting list.',
  free: 'Nobody else was waiting, so the seat is open again to any charity that books it first.',
  started: 'The clinic has now started, so the seat can no longer be booked.',
} as const;

export function ClinicSeatLapsedEmail({ data, context }: EmailProps<'clinic-seat-lapsed'>) {
  const until = formatDateTime(new Date(data.heldUntil), data.timeZone);
  return (
    <EmailLayout
      kind="clinic-seat-lapsed"
      context={context}
      title={clinicSeatLapsedSubject(data)}
      preview={`We held it for you until ${until}.`}
      heading="The seat we held for you has passed on"
      reason={reason(data.organisationName, 'joined the waiting list of this clinic')}
    >
      <Paragraph>
        We held a seat at {quoted(data.topic)} for {data.organisationName} until {until}, and as it was not confirmed by then, the hold has
        ended. {afterwards[data.outcome]}
      </Paragraph>
      <Paragraph>
        {data.organisationName} is no longer on this clinic’s waiting list.{' '}
        {data.outcome === 'started'
          ? 'You are welcome to book a seat at another clinic whenever one suits you.'
          : data.outcome === 'free'
            ? 'If you would still like to come, you can book the seat on the clinic’s page while it is free, or book another clinic.'
            : 'If you would still like to come, you can join the waiting list again on the clinic’s page, or book another clinic.'}
      </Paragraph>
      <ClinicFacts details={data} />
      <CallToAction href={data.url} label="View the clinic" />
    </EmailLayout>
  );
}
