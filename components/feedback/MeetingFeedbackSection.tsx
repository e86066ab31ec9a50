// The feedback part of a held meeting's page (/meetings/[id]): each side's form or what it gave, and the
// two-week practice check. It loads its own data through lib/feedback (which has already dropped what the
// viewer may not see) and binds its own server actions, here on the server.
import type { ReactNode } from 'react';
import type { SessionUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import { formatDate } from '@/lib/dates';
import { answerPracticeCheckAction, giveFeedbackAction } from '@/lib/feedback/actions';
import { meetingFeedbackView, type MeetingFeedbackView } from '@/lib/feedback/queries';
import { practiceOutcomeLabels } from '@/lib/feedback/limits';
import { reportAction } from '@/lib/reports/actions';
import { HiddenNotice, HiddenWords } from '@/components/reports/HiddenNotice';
import { ReportForm } from '@/components/reports/ReportForm';
import { CharityFeedbackForm } from './CharityFeedbackForm';
import { PracticeCheckForm } from './PracticeCheckForm';
import { VolunteerFeedbackForm } from './VolunteerFeedbackForm';

export async function MeetingFeedbackSection({ meetingId, viewer }: { meetingId: string; viewer: SessionUser }) {
  const view = await orNotFound(() => meetingFeedbackView(viewer, meetingId));
  const zone = viewer.timeZone;
  const volunteerName = view.volunteerName?.trim() || 'your volunteer';

  return (
    <section id="feedback" aria-labelledby="feedback-heading" className="space-y-6">
      <h2 id="feedback-heading" className="text-xl font-semibold">
        Feedback
      </h2>
      {view.status !== 'HELD' ? <p className="text-slate-800">Feedback opens once the session has been marked as held.</p> : null}

      <Part title={view.viewerParty === 'CHARITY' ? 'Your organisation’s feedback' : `Feedback from ${view.organisationName}`} id="charity">
        <CharitySide view={view} zone={zone} volunteerName={volunteerName} meetingId={meetingId} />
      </Part>

      <Part title={view.viewerParty === 'VOLUNTEER' ? 'Your feedback' : `Feedback from ${volunteerName}`} id="volunteer">
        <VolunteerSide view={view} zone={zone} meetingId={meetingId} />
      </Part>

      <section id="practice-check" aria-labelledby="practice-check-heading" className="space-y-3 rounded-lg border border-slate-200 p-4">
        <h3 id="practice-check-heading" className="text-lg font-semibold">
          Did it make a difference?
        </h3>
        <PracticeSide view={view} zone={zone} volunteerName={volunteerName} meetingId={meetingId} />
      </section>
    </section>
  );
}

function Part({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`feedback-${id}-heading`} className="space-y-3 rounded-lg border border-slate-200 p-4">
      <h3 id={`feedback-${id}-heading`} className="text-lg font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

function Words({ label, children }: { label: string; children: string | null }) {
  if (!children?.trim()) return null;
  return (
    <div>
      <dt className="font-medium text-slate-900">{label}</dt>
      <dd className="whitespace-pre-line text-slate-800">{children}</dd>
    </div>
  );
}

function CharitySide({
  view,
  zone,
  volunteerName,
  meetingId,
}: {
  view: MeetingFeedbackView;
  zone: string;
  volunteerName: string;
  meetingId: string;
}) {
  const given = view.charityFeedback;
  if (given) {
    return (
      <>
        {given.hidden ? (
          view.viewerParty === 'VOLUNTEER' ? (
            <HiddenWords what="What they wrote" />
          ) : (
            <HiddenNotice what="this feedback’s words" reason={given.hidden.reason} />
          )
        ) : null}
        <dl className="space-y-2">
          {given.rating ? <Words label="How useful it was">{`${given.rating} out of 5`}</Words> : null}
          <Words label="What they will do differently">{given.changes}</Words>
          <Words label={`Thank-you note for ${volunteerName}`}>{given.thanks}</Words>
        </dl>
        <p className="text-sm text-slate-700">
          Given {given.authorName ? `by ${given.authorName} ` : ''}on {formatDate(given.givenAt, zone)}.
        </p>
        {view.viewerParty === 'VOLUNTEER' && !given.hidden ? (
          <ReportForm
            action={reportAction.bind(null, 'FEEDBACK', given.id, `/meetings/${meetingId}?notice=reported`)}
            what="this feedback"
            idPrefix="report-feedback"
          />
        ) : null}
      </>
    );
  }
  if (view.viewerParty === 'CHARITY' && view.canGiveFeedback) {
    return (
      <>
        <p className="text-slate-800">How did it go? One colleague gives your organisation’s feedback; it takes a minute.</p>
        <CharityFeedbackForm action={giveFeedbackAction.bind(null, meetingId)} volunteerName={volunteerName} />
      </>
    );
  }
  return (
    <p className="text-slate-800">
      {view.viewerParty === 'CHARITY' ? 'Your organisation has not given feedback yet.' : 'The charity has not given feedback yet.'}
    </p>
  );
}

function VolunteerSide({ view, zone, meetingId }: { view: MeetingFeedbackView; zone: string; meetingId: string }) {
  const given = view.volunteerFeedback;
  if (given?.visible) {
    return (
      <>
        <dl className="space-y-2">
          <Words label="Was the ask well scoped?">{given.wellScoped === null ? null : given.wellScoped ? 'Yes' : 'No'}</Words>
          {given.rating ? <Words label="How the session went">{`${given.rating} out of 5`}</Words> : null}
          <Words label="Private note (not shown to the charity)">{given.comment}</Words>
        </dl>
        <p className="text-sm text-slate-700">Given on {formatDate(given.givenAt, zone)}.</p>
      </>
    );
  }
  if (given) {
    return (
      <p className="text-slate-800">
        The volunteer gave their feedback on {formatDate(given.givenAt, zone)}. It is private to them and the HalfHour team.
      </p>
    );
  }
  if (view.viewerParty === 'VOLUNTEER' && view.canGiveFeedback) {
    return (
      <>
        <p className="text-slate-800">Thank you for giving your time. Tell us how it went: it helps the next charity write a better ask.</p>
        <VolunteerFeedbackForm action={giveFeedbackAction.bind(null, meetingId)} organisationName={view.organisationName} />
      </>
    );
  }
  return (
    <p className="text-slate-800">
      {view.viewerParty === 'VOLUNTEER' ? 'You have not given feedback yet.' : 'The volunteer has not given feedback yet.'}
    </p>
  );
}

function PracticeSide({
  view,
  zone,
  volunteerName,
  meetingId,
}: {
  view: MeetingFeedbackView;
  zone: string;
  volunteerName: string;
  meetingId: string;
}) {
  const check = view.practiceCheck;
  if (check?.status === 'DONE' && check.outcome) {
    return (
      <>
        <dl className="space-y-2">
          <Words label="Did they put it into practice?">{practiceOutcomeLabels[check.outcome]}</Words>
          <Words label="What happened">{check.response}</Words>
        </dl>
        {check.respondedAt ? <p className="text-sm text-slate-700">Answered on {formatDate(check.respondedAt, zone)}.</p> : null}
      </>
    );
  }
  if (check && view.canAnswerPracticeCheck) {
    return (
      <>
        <p className="text-slate-800">
          A couple of weeks or more have passed since the session. Have you been able to use what you learned?
        </p>
        <PracticeCheckForm action={answerPracticeCheckAction.bind(null, check.id, meetingId)} volunteerName={volunteerName} />
      </>
    );
  }
  if (check?.status === 'PENDING') {
    return <p className="text-slate-800">The charity has been asked whether they put it into practice, and has not answered yet.</p>;
  }
  return (
    <p className="text-slate-800">
      Two weeks after the session, {view.viewerParty === 'CHARITY' ? 'we will ask you' : 'we will ask the charity'} whether the advice was
      put into practice. The answer is shown here{view.viewerParty === 'CHARITY' ? ` and to ${volunteerName}` : ''}.
    </p>
  );
}
