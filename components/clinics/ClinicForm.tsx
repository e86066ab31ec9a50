'use client';

// The volunteer's clinic form, for offering one (/clinics/new) and for changing it while it waits for review
// or after an admin asked for changes (/clinics/<id>/edit). The date and time are typed in the volunteer's own
// zone, named beside them. Works without JavaScript; every error shows beside its field, what was typed is kept.
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { FieldErrors, RadioGroup, TextArea, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { CLINIC_DURATIONS, CLINIC_TEXT_LIMITS, MAX_CLINIC_SEATS, MAX_CLINIC_SKILLS, MIN_CLINIC_SEATS } from '@/lib/clinics/limits';
import { many, single, type FormAction, type FormResult, type FormValues, SUBMISSION_FIELD } from '@/lib/form-values';
import type { SkillTaxonomy } from '@/lib/skills/queries';

// "60 minutes" rather than "1 hour": the three read as one scale.
const durationOptions = CLINIC_DURATIONS.map((minutes) => ({ value: String(minutes), label: `${minutes} minutes` }));

export function ClinicForm({
  action: saveAction,
  defaults,
  taxonomy,
  zoneLabel,
  submitLabel,
  submission,
}: {
  /** offerClinicAction, or editClinicAction bound to the clinic's id by the page. */
  action: FormAction<never, FormResult<never>>;
  /** The fields as text: empty for a new clinic, the clinic as written when editing (clinicForEdit). */
  defaults: FormValues;
  taxonomy: SkillTaxonomy;
  /** The volunteer's zone as people say it ("UK time"): the date and time are read in it. */
  zoneLabel: string;
  submitLabel: string;
  /** A new clinic's one-time id (lib/form-submissions.ts): posted twice, it is offered once. */
  submission?: string;
}) {
  const [state, action] = useActionState(saveAction, null);
  const values = state && !state.ok ? state.values : null;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const text = (name: string) => single(values ?? defaults, name) ?? '';
  const skills = many(values ?? defaults, 'skills');

  return (
    <form action={action} className="space-y-6" noValidate>
      <ErrorSummary result={state} />
      {submission ? <input type="hidden" name={SUBMISSION_FIELD} value={submission} /> : null}

      <TextField
        name="topic"
        label="Topic"
        hint="What the clinic is about, in a few words, like “Gift Aid basics for small charities”."
        defaultValue={text('topic')}
        errors={errors.topic}
        maxLength={CLINIC_TEXT_LIMITS.topic}
      />
      <TextArea
        name="description"
        label="What the clinic covers"
        hint="What charities will understand or be able to do afterwards."
        defaultValue={text('description')}
        errors={errors.description}
        rows={5}
        maxLength={CLINIC_TEXT_LIMITS.description}
      />
      <TextArea
        name="bring"
        label="What each charity should bring"
        hint="Each charity writes one question when it books a seat; say what kind of question fits."
        defaultValue={text('bring')}
        errors={errors.bring}
        rows={3}
        maxLength={CLINIC_TEXT_LIMITS.bring}
      />

      <fieldset
        id="skills"
        tabIndex={-1}
        className="space-y-3"
        aria-describedby={errors.skills?.length ? 'skills-hint skills-error' : 'skills-hint'}
      >
        <legend className="font-medium text-slate-900">Skills the clinic is about</legend>
        <p id="skills-hint" className="text-sm text-slate-700">
          Choose 1 to {MAX_CLINIC_SKILLS}. Charities whose asks need them see your clinic on their dashboard.
        </p>
        <FieldErrors id="skills-error" errors={errors.skills} />
        {taxonomy.map((category) => {
          const chosen = category.skills.filter((skill) => skills.includes(skill.slug)).length;
          return (
            <details key={category.slug} open={chosen > 0} className="rounded-md border border-slate-300">
              <summary className="cursor-pointer px-4 py-2 font-medium">
                {category.name}
                {chosen > 0 ? <span className="text-slate-700"> ({chosen} chosen)</span> : null}
              </summary>
              <ul className="grid gap-2 border-t border-slate-200 px-4 py-3 sm:grid-cols-2">
                {category.skills.map((skill) => (
                  <li key={skill.slug} className="flex items-start gap-2">
                    <input
                      key={`${skill.slug}-${skills.includes(skill.slug)}`}
                      id={`skill-${skill.slug}`}
                      type="checkbox"
                      name="skills"
                      value={skill.slug}
                      defaultChecked={skills.includes(skill.slug)}
                      className="mt-1 h-4 w-4 accent-brand-700"
                    />
                    <label htmlFor={`skill-${skill.slug}`}>{skill.name}</label>
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="date"
          type="date"
          label={`Date (${zoneLabel})`}
          hint="At least two hours from now, and within 60 days."
          defaultValue={text('date')}
          errors={errors.date}
        />
        <TextField
          name="time"
          label={`Start time (${zoneLabel})`}
          hint="On the 24-hour clock, like 14:30."
          defaultValue={text('time')}
          errors={errors.time}
          inputMode="numeric"
        />
      </div>
      <RadioGroup
        name="durationMinutes"
        legend="Length"
        options={durationOptions}
        selected={text('durationMinutes')}
        errors={errors.durationMinutes}
        inline
      />
      <TextField
        name="seats"
        type="number"
        label="Seats"
        hint={`How many charities can book, from ${MIN_CLINIC_SEATS} to ${MAX_CLINIC_SEATS}: one seat each. Once they are taken, charities can join the waiting list.`}
        defaultValue={text('seats')}
        errors={errors.seats}
        inputMode="numeric"
        min={MIN_CLINIC_SEATS}
        max={MAX_CLINIC_SEATS}
      />
      <RadioGroup
        name="medium"
        legend="How you will meet"
        options={[
          { value: 'VIDEO', label: 'Video call' },
          { value: 'IN_PERSON', label: 'In person' },
        ]}
        selected={text('medium')}
        errors={errors.medium}
        inline
      />
      <TextArea
        name="joinDetails"
        label="Video link, or the place you will meet"
        hint="Only charities with a booked seat see this."
        defaultValue={text('joinDetails')}
        errors={errors.joinDetails}
        rows={2}
        maxLength={CLINIC_TEXT_LIMITS.joinDetails}
      />

      <SubmitButton pendingText="Sending…">{submitLabel}</SubmitButton>
    </form>
  );
}
