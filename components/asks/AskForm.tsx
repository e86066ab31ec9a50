'use client';

import { useActionState } from 'react';
import { AskSkillPicker } from '@/components/asks/AskSkillPicker';
import { AvailabilityFields } from '@/components/asks/AvailabilityFields';
import { CoachPanel } from '@/components/asks/CoachPanel';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { CheckboxGroup, SelectField, TextArea, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { CoachReport } from '@/lib/asks/coach';
import type { AskFormDefaults } from '@/lib/asks/form-defaults';
import type { AskFormResult } from '@/lib/asks/mutations';
import { ASK_DURATIONS, ASK_TEXT_LIMITS, availabilityFrom, MAX_ASK_SKILLS } from '@/lib/asks/limits';
import { formatDuration } from '@/lib/dates';
import { many, single, SUBMISSION_FIELD, type FormAction } from '@/lib/form-values';
import { mediumOptions } from '@/lib/options';
import type { SkillTaxonomy } from '@/lib/skills/queries';
import { timeZoneOptions } from '@/lib/time-zones';

const durationOptions = ASK_DURATIONS.map((minutes) => ({ value: String(minutes), label: formatDuration(minutes) }));

/**
 * Writing an ask. Three buttons share one form: "Check my ask" runs the coach without saving, "Save as
 * draft" keeps it, "Submit for review" sends it to the moderators. Works without JavaScript.
 */
export function AskForm({
  action: saveAction,
  askId,
  defaults,
  organisations,
  taxonomy,
  initialCoach,
  minDeadline,
  maxDeadline,
  submission,
}: {
  /** createAskAction, or saveAskAction bound to the ask's id by the page. */
  action: FormAction<never, AskFormResult>;
  askId: string | null;
  defaults: AskFormDefaults;
  organisations: Array<{ id: string; name: string }>;
  taxonomy: SkillTaxonomy;
  initialCoach: CoachReport | null;
  minDeadline: string;
  maxDeadline: string;
  /** A new ask's one-time id, made by the page (lib/form-submissions.ts): posted twice, it is created once. */
  submission?: string;
}) {
  const [state, action] = useActionState(saveAction, null);
  const values = state && !state.ok ? state.values : null;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const coach = state?.coach ?? initialCoach;
  const text = (name: keyof AskFormDefaults) => (values ? (single(values, name) ?? '') : String(defaults[name] ?? ''));
  const skills = values ? many(values, 'skills') : defaults.skills;
  const media = values ? many(values, 'media') : defaults.media;
  const windows = values ? availabilityFrom(values).windows : defaults.availability;
  const timeZone = text('timeZone') || 'Europe/London';
  const skillNames = Object.fromEntries(taxonomy.flatMap((category) => category.skills.map((skill) => [skill.slug, skill.name])));

  return (
    <form action={action} className="space-y-6" noValidate>
      <ErrorSummary result={state} />
      {submission ? <input type="hidden" name={SUBMISSION_FIELD} value={submission} /> : null}
      {defaults.version !== undefined ? (
        <input type="hidden" name="version" value={values ? single(values, 'version') : defaults.version} />
      ) : null}

      {askId === null && organisations.length > 1 ? (
        <SelectField
          name="organisationId"
          label="Which organisation is asking?"
          options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          defaultValue={text('organisationId')}
          errors={errors.organisationId}
        />
      ) : askId === null ? (
        <input type="hidden" name="organisationId" value={organisations[0]?.id ?? ''} />
      ) : null}

      <TextField
        name="title"
        label="Title"
        hint="One line a volunteer reads first, like “Check the opening paragraph of our lottery bid”."
        defaultValue={text('title')}
        errors={errors.title}
        maxLength={ASK_TEXT_LIMITS.title}
        required
      />
      <TextArea
        name="question"
        label="Your question"
        hint="The one specific thing you want answered in a short session. Not “How do I get more funding?” but “Which three local trusts should we approach for £5k towards our Saturday club?”"
        defaultValue={text('question')}
        errors={errors.question}
        rows={5}
        maxLength={ASK_TEXT_LIMITS.question}
        required
      />
      <TextArea
        name="outcome"
        label="What would a good outcome look like?"
        hint="What you will have or know afterwards, like “a cashbook template with our categories”."
        defaultValue={text('outcome')}
        errors={errors.outcome}
        rows={3}
        maxLength={ASK_TEXT_LIMITS.outcome}
        required
      />
      <TextArea
        name="context"
        label="What should the volunteer know or read beforehand? (optional)"
        hint="Your prep pack: the background they need, so the session starts at the interesting part."
        defaultValue={text('context')}
        errors={errors.context}
        rows={4}
        maxLength={ASK_TEXT_LIMITS.context}
      />
      <TextField
        name="prepLink"
        label="Link to a document for them to read (optional)"
        hint="A shared draft, your last annual report, the funder’s guidance."
        type="url"
        defaultValue={text('prepLink')}
        errors={errors.prepLink}
        spellCheck={false}
      />

      <AskSkillPicker
        taxonomy={taxonomy}
        selected={skills}
        suggested={coach?.suggestedSkillSlugs ?? []}
        errors={errors.skills}
        maxSkills={MAX_ASK_SKILLS}
      />

      <SelectField
        name="durationMinutes"
        label="How long should the session be?"
        options={durationOptions}
        defaultValue={text('durationMinutes')}
        errors={errors.durationMinutes}
      />
      <CheckboxGroup name="media" legend="How could you meet?" options={mediumOptions} selected={media} errors={errors.media} columns={2} />
      <TextField
        name="location"
        label="Where, if in person (optional)"
        hint="A town or venue is enough, like “our hall in Chapeltown, Leeds”."
        defaultValue={text('location')}
        errors={errors.location}
        maxLength={ASK_TEXT_LIMITS.location}
      />
      <AvailabilityFields windows={windows} errors={errors.availability} />
      <SelectField
        name="timeZone"
        label="Your time zone"
        options={timeZoneOptions(timeZone)}
        defaultValue={timeZone}
        errors={errors.timeZone}
      />
      <TextField
        name="deadline"
        label="Needed by"
        hint="Offers close at the end of this day. Up to eight weeks from now; three weeks suits most asks."
        type="date"
        min={minDeadline}
        max={maxDeadline}
        defaultValue={text('deadline')}
        errors={errors.deadline}
      />

      {coach ? <CoachPanel report={coach} skillNames={skillNames} /> : null}
      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
        <SubmitButton name="intent" value="check" variant="secondary" pendingText="Checking…">
          Check my ask
        </SubmitButton>
        <SubmitButton name="intent" value="draft" variant="secondary" pendingText="Saving…">
          Save as draft
        </SubmitButton>
        <SubmitButton name="intent" value="submit" pendingText="Submitting…">
          Submit for review
        </SubmitButton>
      </div>
    </form>
  );
}
