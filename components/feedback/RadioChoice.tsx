// One question answered by choosing one option: a fieldset, so the question is read with each option,
// with its hint and errors wired for screen readers. No client code: works without JavaScript.
import type { ReactNode } from 'react';
import { FieldErrors } from '@/components/ui/fields';

export function RadioChoice({
  name,
  legend,
  hint,
  errors,
  options,
  selected,
  inline = false,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  options: Array<{ value: string; label: ReactNode }>;
  selected?: string;
  /** Options side by side (a 1-5 scale) rather than one per line. */
  inline?: boolean;
}) {
  const describedBy = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined} className="space-y-2">
      <legend className="font-medium text-slate-900">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${name}-error`} errors={errors} />
      <div className={inline ? 'flex flex-wrap gap-x-5 gap-y-2' : 'space-y-2'}>
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div key={option.value} className="flex items-center gap-2">
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                defaultChecked={selected === option.value}
                className="h-4 w-4 accent-brand-700"
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export const RATING_OPTIONS = [1, 2, 3, 4, 5].map((value) => ({
  value: String(value),
  label: value === 1 ? '1 (not useful)' : value === 5 ? '5 (very useful)' : String(value),
}));
