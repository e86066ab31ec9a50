'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { CheckboxGroup, FormAlert, SelectField, TextArea, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { many, single, type FormValues } from '@/lib/form-values';
import { mediumOptions, regionOptions } from '@/lib/options';
import type { SkillTaxonomy } from '@/lib/skills/queries';
import { timeZoneOptions } from '@/lib/time-zones';
import { saveVolunteerProfileAction } from '@/lib/volunteers/actions';
import type { MyVolunteerProfile } from '@/lib/volunteers/queries';
import { SkillLevelPicker } from './SkillLevelPicker';

function levelsFrom(values: FormValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([key, value]) => key.startsWith('skill:') && typeof value === 'string' && value)
      .map(([key, value]) => [key.slice('skill:'.length), value as string]),
  );
}

export function VolunteerProfileForm({
  profile,
  taxonomy,
  defaultTimeZone,
}: {
  profile: MyVolunteerProfile | null;
  taxonomy: SkillTaxonomy;
  defaultTimeZone: string;
}) {
  const [state, action] = useActionState(saveVolunteerProfileAction, null);
  const failed = state?.ok === false ? state : null;
  const values = failed?.values;
  const errors = failed?.fieldErrors ?? {};
  const levels = values ? levelsFrom(values) : Object.fromEntries((profile?.skills ?? []).map((s) => [s.skillId, s.level]));
  const timeZone = (values && single(values, 'timeZone')) ?? profile?.timeZone ?? defaultTimeZone;

  return (
    <form action={action} className="space-y-6" noValidate>
      <ErrorSummary result={state} />
      <FormAlert success={state?.ok ? state.message : undefined} />
      <TextField
        name="headline"
        label="Headline"
        hint="One line charities see first, like “Chartered accountant who loves a tidy cashbook”."
        defaultValue={values ? single(values, 'headline') : profile?.headline}
        errors={errors.headline}
        maxLength={120}
        required
      />
      <TextArea
        name="bio"
        label="About your experience"
        hint="A few sentences: where you have worked and what you are glad to help with."
        defaultValue={values ? single(values, 'bio') : profile?.bio}
        errors={errors.bio}
        maxLength={1000}
        required
      />
      <SkillLevelPicker taxonomy={taxonomy} levels={levels} errors={errors.skills} />
      <CheckboxGroup
        name="media"
        legend="How can you meet?"
        options={mediumOptions}
        selected={values ? many(values, 'media') : (profile?.media ?? ['VIDEO'])}
        errors={errors.media}
        columns={2}
      />
      <SelectField
        name="region"
        label="Region (needed for in-person sessions)"
        placeholder="Not in person"
        options={regionOptions}
        defaultValue={values ? single(values, 'region') : (profile?.region ?? '')}
        errors={errors.region}
      />
      <SelectField
        name="timeZone"
        label="Your time zone"
        options={timeZoneOptions(timeZone)}
        defaultValue={timeZone}
        errors={errors.timeZone}
      />
      <TextField
        name="monthlyCapacity"
        label="Sessions a month you are happy to give"
        hint="We will not suggest more asks to you than this. You can change it any time."
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        defaultValue={values ? single(values, 'monthlyCapacity') : String(profile?.monthlyCapacity ?? 2)}
        errors={errors.monthlyCapacity}
      />
      <CheckboxGroup
        name="isPublic"
        legend="Directory"
        options={[{ value: 'on', label: 'List me in the public “willing to help” directory' }]}
        selected={(values ? many(values, 'isPublic').length > 0 : (profile?.isPublic ?? true)) ? ['on'] : []}
      />
      <SubmitButton>{profile ? 'Save profile' : 'Create my volunteer profile'}</SubmitButton>
    </form>
  );
}
