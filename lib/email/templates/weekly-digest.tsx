// The opt-in weekly list of new asks that fit a volunteer's skills.
import { Section } from '@react-email/components';
import { formatDuration } from '@/lib/dates';
import { plural } from '@/lib/labels';
import type { DigestAsk } from '../messages';
import { CallToAction, EmailLayout, Paragraph, TextLink, type EmailProps } from './email-layout';

type Data = EmailProps<'weekly-digest'>['data'];

function totalAsks(data: Data): number {
  return data.asks.length + Math.max(0, data.moreCount);
}

export function weeklyDigestSubject(data: Data): string {
  const total = totalAsks(data);
  return `${plural(total, 'new ask')} that ${total === 1 ? 'fits' : 'fit'} your skills`;
}

function DigestItem({ ask }: { ask: DigestAsk }) {
  return (
    <Paragraph>
      <strong>
        <TextLink href={ask.url}>{ask.title}</TextLink>
      </strong>
      <br />
      {ask.organisationName} · {formatDuration(ask.durationMinutes)}
      {ask.skills.length > 0 ? (
        <>
          <br />
          Skills: {ask.skills.join(', ')}
        </>
      ) : null}
    </Paragraph>
  );
}

export function WeeklyDigestEmail({ data, context }: EmailProps<'weekly-digest'>) {
  return (
    <EmailLayout
      kind="weekly-digest"
      context={context}
      title={weeklyDigestSubject(data)}
      preview={data.asks.map((ask) => ask.title).join(' · ')}
      heading="New asks that fit your skills"
      reason="You are getting this because you asked for a weekly email of new asks that fit the skills on your volunteer profile."
    >
      <Paragraph>These charities posted asks this week that match the skills on your profile.</Paragraph>
      <Section>
        {data.asks.map((ask) => (
          <DigestItem key={ask.url} ask={ask} />
        ))}
      </Section>
      {data.moreCount > 0 ? (
        <Paragraph>
          There {data.moreCount === 1 ? 'is' : 'are'} {plural(data.moreCount, 'more ask')} that {data.moreCount === 1 ? 'fits' : 'fit'} your
          skills.
        </Paragraph>
      ) : null}
      <CallToAction href={data.browseUrl} label="Browse all asks" />
    </EmailLayout>
  );
}
