// A question answered by choosing one option: a fieldset of radio buttons with its errors beside it.
// Plain markup, so it works inside client islands and without JavaScript.
import type { ReactNode } from 'react';
import { FieldErrors } from '@/components/ui/fields';

export function RadioChoices({
  name,
  idPrefix = name,
  legend,
  hint,
  errors,
  options,
  selected,
}: {
  name: string;
  /** Makes the ids unique when the same question appears more than once on a page. */
  idPrefix?: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  options: Array<{ value: string; label: ReactNode }>;
  selected?: string;
}) {
  const described = [hint ? `${idPrefix}-hint` : null, errors?.length ? `${idPrefix}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={described} className="space-y-2">
      <legend className="font-medium text-slate-900">{legend}</legend>
      {hint ? (
        <p id={`${idPrefix}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${idPrefix}-error`} errors={errors} />
      <div className="space-y-2">
        {options.map((option) => {
          const id = `${idPrefix}-${option.value}`;
          return (
            <div key={option.value} className="flex items-start gap-2">
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                defaultChecked={selected === option.value}
                className="mt-1 h-4 w-4 accent-brand-700"
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
