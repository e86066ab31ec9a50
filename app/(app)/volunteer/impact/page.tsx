// A volunteer's impact: the sessions they gave, the time, the organisations helped, the thank-you notes
// charities wrote and what the charities said they put into practice.
import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/EmptyState';
import { requireVolunteer } from '@/lib/auth/guards';
import { formatDate, formatDuration } from '@/lib/dates';
import { volunteerImpact } from '@/lib/feedback/impact';
import { practiceOutcomeLabels } from '@/lib/feedback/limits';

export const metadata: Metadata = { title: 'Your impact' };

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold text-brand-800">{value}</dd>
    </div>
  );
}

export default async function VolunteerImpactPage() {
  const user = await requireVolunteer('/volunteer/impact');
  const impact = await volunteerImpact(user);
  const zone = user.timeZone;

  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Your impact</h1>
        <p className="text-slate-800">What your time has made possible for the charities you helped.</p>
      </div>

      {impact.sessions === 0 ? (
        <EmptyState title="Your first session is still to come">
          <p>
            Once you have given a session, you will see here the time you gave, the charities you helped and what they did with your advice.{' '}
            <Link href="/asks">Find an ask you could help with</Link>.
          </p>
        </EmptyState>
      ) : (
        <section aria-labelledby="figures" className="space-y-3">
          <h2 id="figures" className="text-xl font-semibold">
            So far
          </h2>
          <dl className="grid gap-3 sm:grid-cols-3">
            <Figure value={impact.sessions.toLocaleString('en-GB')} label={impact.sessions === 1 ? 'Session given' : 'Sessions given'} />
            <Figure value={formatDuration(impact.minutes)} label="Time given" />
            <Figure
              value={impact.organisations.toLocaleString('en-GB')}
              label={impact.organisations === 1 ? 'Organisation helped' : 'Organisations helped'}
            />
          </dl>
        </section>
      )}

      <section aria-labelledby="thanks" className="space-y-3">
        <h2 id="thanks" className="text-xl font-semibold">
          Thank-you notes
        </h2>
        {impact.thanks.length === 0 && impact.clinicThanks.length === 0 ? (
          <p className="text-slate-700">No notes yet. When a charity writes you a thank-you after a session, you will find it here.</p>
        ) : (
          <ul className="space-y-4">
            {impact.thanks.map((note) => (
              <li key={note.meetingId} className="rounded-lg border border-slate-200 p-4">
                <blockquote className="whitespace-pre-line text-slate-900">{note.thanks}</blockquote>
                <p className="mt-2 text-sm text-slate-700">
                  {note.organisationName}, about <Link href={`/meetings/${note.meetingId}`}>{note.askTitle}</Link>,{' '}
                  {formatDate(note.givenAt, zone)}
                </p>
              </li>
            ))}
            {impact.clinicThanks.map((note) => (
              <li key={`${note.clinicId}-${note.organisationName}`} className="rounded-lg border border-slate-200 p-4">
                <blockquote className="whitespace-pre-line text-slate-900">{note.thanks}</blockquote>
                <p className="mt-2 text-sm text-slate-700">
                  {note.organisationName}, after your group clinic <Link href={`/clinics/${note.clinicId}`}>{note.topic}</Link>,{' '}
                  {formatDate(note.givenAt, zone)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="practice" className="space-y-3">
        <h2 id="practice" className="text-xl font-semibold">
          Put into practice
        </h2>
        <p className="text-slate-800">Two weeks after a session we ask the charity whether they used what they learned.</p>
        {impact.practice.length === 0 ? (
          <p className="text-slate-700">No answers yet. They arrive a couple of weeks after each session.</p>
        ) : (
          <ul className="space-y-4">
            {impact.practice.map((answer) => (
              <li key={answer.meetingId} className="rounded-lg border border-slate-200 p-4">
                <p className="font-semibold text-slate-900">
                  {practiceOutcomeLabels[answer.outcome]}
                  <span className="font-normal text-slate-800"> — {answer.organisationName}</span>
                </p>
                {answer.response ? <p className="whitespace-pre-line text-slate-800">{answer.response}</p> : null}
                <p className="mt-2 text-sm text-slate-700">
                  About <Link href={`/meetings/${answer.meetingId}`}>{answer.askTitle}</Link>, answered {formatDate(answer.givenAt, zone)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
