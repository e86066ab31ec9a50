// HalfHour paused a volunteer after missed sessions. Said kindly and plainly: what happened, what it
// changed, and how to come back.
import { CallToAction, EmailLayout, Paragraph, type EmailProps } from './email-layout';

export function volunteerPausedSubject(data: EmailProps<'volunteer-paused'>['data']): string {
  void data;
  return 'We have paused your volunteering on HalfHour';
}

export function VolunteerPausedEmail({ data, context }: EmailProps<'volunteer-paused'>) {
  return (
    <EmailLayout
      kind="volunteer-paused"
      context={context}
      title={volunteerPausedSubject(data)}
      preview="Charities were missing you at sessions, so we have paused new offers for now."
      heading="Your volunteering is paused"
      reason="You are getting this because you volunteer on HalfHour."
    >
      <Paragraph>
        The charities you were booked with marked {data.noShows} of your sessions in the last {data.days} days as missed, so we have paused
        your volunteering for now.
      </Paragraph>
      <Paragraph>
        While you are paused you cannot make new offers, and the offers you had waiting have been withdrawn (the charities were told
        kindly).
      </Paragraph>
      <Paragraph>
        We know life gets in the way. When you are ready to give time again, you can resume from your volunteer profile.
      </Paragraph>
      <CallToAction href={data.url} label="Go to your volunteer profile" />
    </EmailLayout>
  );
}
