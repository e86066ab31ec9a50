import { SPECIFIC_SCORE, type CoachReport } from '@/lib/asks/coach';

/** The ask coach's verdict: how specific the ask is, what to change, and which skills its words suggest. */
export function CoachPanel({ report, skillNames }: { report: CoachReport; skillNames: Record<string, string> }) {
  const specific = report.score >= SPECIFIC_SCORE;
  const close = report.score >= SPECIFIC_SCORE - 20;
  const tone = specific ? 'text-emerald-800' : close ? 'text-amber-800' : 'text-red-800';
  const verdict = specific ? 'Specific and answerable' : close ? 'Getting there' : 'Too broad for one short session';
  return (
    <section aria-labelledby="coach-heading" className="space-y-3 rounded-lg border border-brand-600 bg-brand-50 p-5" aria-live="polite">
      <h2 id="coach-heading" className="text-lg font-semibold">
        The ask coach
      </h2>
      <p>
        <span className={`text-2xl font-bold ${tone}`}>{report.score}</span>
        <span className="text-slate-800"> out of 100: {verdict}.</span>
      </p>
      {report.advice.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-slate-900">
          {report.advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-900">Nothing to change: a volunteer can tell at a glance what you need.</p>
      )}
      {report.suggestedSkillSlugs.length > 0 ? (
        <p className="text-slate-900">
          <strong>Skills your words suggest:</strong> {report.suggestedSkillSlugs.map((slug) => skillNames[slug] ?? slug).join(', ')}. They
          are marked “suggested” in the list below: tick the ones that fit.
        </p>
      ) : null}
    </section>
  );
}
