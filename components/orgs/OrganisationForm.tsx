'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { CheckboxGroup, SelectField, TextArea, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { many, single, SUBMISSION_FIELD, type FormAction, type FormValues } from '@/lib/form-values';
import { causeAreaOptions, organisationTypeOptions, regionOptions, sizeBandOptions } from '@/lib/options';

/** Adding an organisation, or an owner correcting its details: the same fields, checked the same way. */
export function OrganisationForm({
  action: saveAction,
  defaults = {},
  submitLabel,
  pendingText,
  identityWarning,
  then,
  submission,
}: {
  /** createOrganisationAction, or updateOrganisationAction bound to the organisation's id by the page. */
  action: FormAction<never>;
  /** An existing organisation's details; a new one starts empty. */
  defaults?: FormValues;
  submitLabel: string;
  pendingText: string;
  /** Shown before the name, type and number: what changing them does. */
  identityWarning?: string;
  then?: string;
  /** A new organisation's one-time id, made by the page (lib/form-submissions.ts): posted twice, it is created once. */
  submission?: string;
}) {
  const [state, action] = useActionState(saveAction, null);
  const failed = state?.ok === false ? state : null;
  const values = failed?.values ?? defaults;
  const errors = failed?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-6" noValidate>
      <ErrorSummary result={state} />
      {then ? <input type="hidden" name="then" value={then} /> : null}
      {submission ? <input type="hidden" name={SUBMISSION_FIELD} value={submission} /> : null}
      {identityWarning ? (
        <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">{identityWarning}</p>
      ) : null}
      <TextField
        name="name"
        label="Organisation name"
        required
        defaultValue={single(values, 'name')}
        errors={errors.name}
        autoComplete="organization"
      />
      <SelectField
        name="type"
        label="What kind of organisation is it?"
        placeholder="Choose one"
        options={organisationTypeOptions}
        defaultValue={single(values, 'type')}
        errors={errors.type}
        required
      />
      <TextField
        name="registrationNumber"
        label="Charity or company number"
        hint="Registered charities and CIOs: your charity number (England and Wales, Scotland SC…, or Northern Ireland NIC…). Charitable companies and social enterprises: your Companies House number. Community groups can leave this blank."
        defaultValue={single(values, 'registrationNumber')}
        errors={errors.registrationNumber}
        spellCheck={false}
      />
      <CheckboxGroup
        name="causeAreas"
        legend="What do you work on?"
        hint="Choose up to five."
        options={causeAreaOptions}
        selected={many(values, 'causeAreas')}
        errors={errors.causeAreas}
        columns={2}
      />
      <SelectField
        name="region"
        label="Where do you mainly work?"
        placeholder="Choose a region"
        options={regionOptions}
        defaultValue={single(values, 'region')}
        errors={errors.region}
        required
      />
      <SelectField
        name="sizeBand"
        label="Yearly income"
        placeholder="Choose a band"
        options={sizeBandOptions}
        defaultValue={single(values, 'sizeBand')}
        errors={errors.sizeBand}
        required
      />
      <TextField
        name="website"
        label="Website (optional)"
        type="url"
        inputMode="url"
        defaultValue={single(values, 'website')}
        errors={errors.website}
        autoComplete="url"
      />
      <TextArea
        name="description"
        label="What does your organisation do?"
        hint="Two or three sentences volunteers will read before offering help. Up to 600 characters."
        defaultValue={single(values, 'description')}
        errors={errors.description}
        maxLength={600}
        required
      />
      <SubmitButton pendingText={pendingText}>{submitLabel}</SubmitButton>
    </form>
  );
}
