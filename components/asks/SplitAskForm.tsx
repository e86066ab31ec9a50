'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { FieldErrors, TextArea, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { ASK_DURATIONS, ASK_TEXT_LIMITS, DEFAULT_DURATION, MAX_STAGES } from '@/lib/asks/limits';
import { formatDuration } from '@/lib/dates';
import { single, type FormAction } from '@/lib/form-values';
import type { SkillTaxonomy } from '@/lib/skills/queries';

/** Where the error summary links for errors not named after an input: too few stages, a stage's skills and length. */
const stageFieldIds: Record<string, string> = {
  stages: 'stage-1-title',
  ...Object.fromEntries(
    Array.from({ length: MAX_STAGES }, (_, index) => index + 1).flatMap((n) => [
      [`stage-${n}-skills`, `stage-${n}-skill-1`],
      [`stage-${n}-durationMinutes`, `stage-${n}-duration`],
    ]),
  ),
};

const selectClass = 'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900';

/** A skill select grouped by category; "none" first so the second skill is optional. */
function SkillSelect({
  id,
  label,
  taxonomy,
  defaultValue,
  describedBy,
}: {
  id: string;
  label: string;
  taxonomy: SkillTaxonomy;
  defaultValue?: string;
  describedBy?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      <select
        key={defaultValue ?? ''}
        id={id}
        name={id}
        defaultValue={defaultValue ?? ''}
        aria-describedby={describedBy}
        className={selectClass}
      >
        <option value="">Choose a skill</option>
        {taxonomy.map((category) => (
          <optgroup key={category.slug} label={category.name}>
            {category.skills.map((skill) => (
              <option key={skill.slug} value={skill.slug}>
                {skill.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/**
 * Splitting a broad ask into 2-5 stages, each a smaller question a different kind of expert can answer
 * ("should we apply?", "how do we answer section 3?", "does it read compellingly?"). Blank stages are ignored.
 */
export function SplitAskForm({
  action: split,
  defaultProjectTitle,
  taxonomy,
}: {
  action: FormAction<{ projectId: string; firstStageId: string }>;
  defaultProjectTitle: string;
  taxonomy: SkillTaxonomy;
}) {
  const [state, action] = useActionState(split, null);
  const failed = state?.ok === false ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  const value = (name: string) => single(values, name);
  return (
    <form action={action} className="space-y-8" noValidate>
      <ErrorSummary result={state} ids={stageFieldIds} />
      <TextField
        name="projectTitle"
        label="What is the bigger piece of work called?"
        hint="Volunteers see this above each stage, like “Our first National Lottery bid”."
        defaultValue={value('projectTitle') ?? defaultProjectTitle}
        errors={errors.projectTitle}
        maxLength={ASK_TEXT_LIMITS.title}
      />
      <FieldErrors id="stages-error" errors={errors.stages} />
      {Array.from({ length: MAX_STAGES }, (_, index) => index + 1).map((n) => {
        const skillErrors = errors[`stage-${n}-skills`];
        return (
          <fieldset key={n} className="space-y-4 rounded-lg border border-slate-300 p-4">
            <legend className="px-1 text-lg font-semibold">
              Stage {n}
              {n > 2 ? <span className="font-normal text-slate-700"> (optional)</span> : null}
            </legend>
            <TextField
              name={`stage-${n}-title`}
              label={`Stage ${n} title`}
              defaultValue={value(`stage-${n}-title`)}
              errors={errors[`stage-${n}-title`]}
              maxLength={ASK_TEXT_LIMITS.title}
            />
            <TextArea
              name={`stage-${n}-question`}
              label={`Stage ${n} question`}
              rows={3}
              maxLength={ASK_TEXT_LIMITS.question}
              defaultValue={value(`stage-${n}-question`)}
              errors={errors[`stage-${n}-question`]}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <SkillSelect
                id={`stage-${n}-skill-1`}
                label={`Stage ${n} main skill`}
                taxonomy={taxonomy}
                defaultValue={value(`stage-${n}-skill-1`)}
                describedBy={skillErrors ? `stage-${n}-skills-error` : undefined}
              />
              <SkillSelect
                id={`stage-${n}-skill-2`}
                label={`Stage ${n} second skill (optional)`}
                taxonomy={taxonomy}
                defaultValue={value(`stage-${n}-skill-2`)}
              />
            </div>
            <FieldErrors id={`stage-${n}-skills-error`} errors={skillErrors} />
            <div className="space-y-1">
              <label htmlFor={`stage-${n}-duration`} className="block font-medium text-slate-900">
                Stage {n} session length
              </label>
              <select
                key={value(`stage-${n}-duration`) ?? ''}
                id={`stage-${n}-duration`}
                name={`stage-${n}-duration`}
                defaultValue={value(`stage-${n}-duration`) ?? String(DEFAULT_DURATION)}
                aria-describedby={errors[`stage-${n}-durationMinutes`] ? `stage-${n}-duration-error` : undefined}
                className={selectClass}
              >
                {ASK_DURATIONS.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {formatDuration(minutes)}
                  </option>
                ))}
              </select>
              <FieldErrors id={`stage-${n}-duration-error`} errors={errors[`stage-${n}-durationMinutes`]} />
            </div>
          </fieldset>
        );
      })}
      <SubmitButton pendingText="Splitting…">Split into these stages</SubmitButton>
    </form>
  );
}
