import { SPECIFIC_SCORE, type CoachReport } from '@/lib/asks/coach';

/**
 * The ask coach's verdict. It leads with what to do next (the first piece of advice), because a first
 * draft of a broad ask scores near zero and a big red "0" on its own reads as a telling-off; the honest
 * score follows, in plain text, with the rest of the advice.
 */
export function CoachPanel({ report, skillNames }: { report: CoachReport; skillNames: Record<string, string> }) {
  const specific = report.score >= SPECIFIC_SCORE;
  const close = report.score >= SPECIFIC_SCORE - 20;
  const verdict = specific ? 'specific and answerable' : close ? 'getting there' : 'too broad for one short session';
  const [next, ...more] = report.advice;
  return (
    <section aria-labelledby="coach-heading" className="space-y-3 rounded-lg border border-brand-600 bg-brand-50 p-5" aria-live="polite">
      <h2 id="coach-heading" className="text-lg font-semibold">
        The ask coach
      </h2>
      {next ? (
        <div className="space-y-1">
          <p className="font-semibold text-slate-900">What to do next</p>
          <p className="text-slate-900">{next}</p>
        </div>
      ) : (
        <p className="font-semibold text-slate-900">Nothing to change: a volunteer can tell at a glance what you need.</p>
      )}
      {!specific && !close ? (
        <p className="text-slate-900">
          A big question is fine to start with: save it as a draft and <strong>split it into stages</strong>, each one a question a
          volunteer can answer in one short session.
        </p>
      ) : null}
      {more.length > 0 ? (
        <div className="space-y-1">
          <p className="font-medium text-slate-900">Then</p>
          <ul className="list-disc space-y-1 pl-5 text-slate-900">
            {more.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-slate-800">
        How specific it is: <strong>{report.score} out of 100</strong>, {verdict}
        {specific ? '.' : ` (${SPECIFIC_SCORE} or more is ready for one session).`}
      </p>
      {report.suggestedSkillSlugs.length > 0 ? (
        <p className="text-slate-900">
          <strong>Skills your words suggest:</strong> {report.suggestedSkillSlugs.map((slug) => skillNames[slug] ?? slug).join(', ')}. They
          are marked “suggested” in the list below: tick the ones that fit.
        </p>
      ) : null}
    </section>
  );
}
