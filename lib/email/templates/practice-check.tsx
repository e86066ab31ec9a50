// Two weeks after a session the charity is asked whether it used what it learned; the answer reaches
// the volunteer, who otherwise never sees the difference their time made.
import { formatDate } from '@/lib/dates';
import { CallToAction, clip, EmailLayout, Paragraph, quoted, type EmailProps } from './email-layout';

export function practiceCheckSubject(data: EmailProps<'practice-check'>['data']): string {
  return `Did you put it into practice? ${clip(data.askTitle)}`;
}

export function PracticeCheckEmail({ data, context }: EmailProps<'practice-check'>) {
  const heldOn = formatDate(new Date(data.heldAt), data.timeZone);
  return (
    <EmailLayout
      kind="practice-check"
      context={context}
      title={practiceCheckSubject(data)}
      preview={`Let ${data.volunteerName} know what came of your session.`}
      heading="Did you put it into practice?"
      reason={`You are getting this because you had a session with ${data.volunteerName} on HalfHour.`}
    >
      <Paragraph>
        On {heldOn}, {data.volunteerName} helped you with {quoted(data.askTitle)}. Have you been able to put what you learned into practice?
      </Paragraph>
      <Paragraph>Your answer goes to {data.volunteerName}, so they can see the difference their time made.</Paragraph>
      <CallToAction href={data.url} label="Tell us what happened" />
    </EmailLayout>
  );
}
