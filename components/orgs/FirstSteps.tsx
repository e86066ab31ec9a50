// The new charity's checklist (lib/orgs/first-steps.ts): what is done, where things stand, and the one
// next thing to do as a link. Shown on the dashboard and the organisation's page until every step is done.
import Link from 'next/link';
import { finishedFirstSteps, firstSteps, type OrganisationProgress } from '@/lib/orgs/first-steps';

export function FirstSteps({ progress, headingLevel = 2 }: { progress: OrganisationProgress; headingLevel?: 2 | 3 }) {
  const steps = firstSteps(progress);
  if (finishedFirstSteps(steps)) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = `first-steps-${progress.organisationId}`;
  const done = steps.filter((step) => step.done).length;
  const next = steps.find((step) => !step.done && step.action);
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-brand-600 bg-brand-50 p-5">
      <Heading id={id} className="text-lg font-semibold">
        Getting started: {progress.organisationName}
      </Heading>
      <p className="text-slate-800">
        {done} of {steps.length} steps done.
      </p>
      <ol className="space-y-2">
        {steps.map((step) => (
          <li key={step.key} className="flex items-start gap-3">
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold ${
                step.done ? 'border-emerald-700 bg-emerald-700 text-white' : 'border-slate-500 bg-white text-slate-500'
              }`}
            >
              {step.done ? '✓' : ''}
            </span>
            <div>
              <p className="font-medium text-slate-900">
                <span className="sr-only">{step.done ? 'Done: ' : 'To do: '}</span>
                {step.label}
              </p>
              {step.detail ? <p className="text-slate-800">{step.detail}</p> : null}
              {step.action && step === next ? (
                <p className="mt-2">
                  <Link
                    href={step.action.href}
                    className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
                  >
                    {step.action.label}
                  </Link>
                </p>
              ) : step.action ? (
                <p>
                  <Link href={step.action.href}>{step.action.label}</Link>
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
