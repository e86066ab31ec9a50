// Form fields that show their label, a hint and any errors beside the input, wired for screen
// readers (aria-invalid, aria-describedby). Server components: they work without JavaScript.
import type { ReactNode } from 'react';
import { CharacterCount, characterCountId } from './CharacterCount';

type Errors = string[] | undefined;

const inputClass =
  'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700';

function describedBy(name: string, hint?: ReactNode, errors?: Errors, limit?: number) {
  return (
    [hint ? `${name}-hint` : null, limit ? characterCountId(name) : null, errors?.length ? `${name}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined
  );
}

export function FieldErrors({ id, errors }: { id: string; errors: Errors }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm font-medium text-red-800">
      {errors.map((error) => (
        <li key={error}>
          <span className="sr-only">Error: </span>
          {error}
        </li>
      ))}
    </ul>
  );
}

function FieldFrame({
  name,
  label,
  hint,
  errors,
  children,
}: {
  /** The input's id; also the prefix of its hint and error ids. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={`${name}-error`} errors={errors} />
    </div>
  );
}

/**
 * `maxLength` is the most the server accepts. It is shown as a character count under the field, never set as
 * the input's maxlength, which would cut a longer paste short without saying so (the server's error refuses it).
 */
export function TextField({
  name,
  id = name,
  label,
  hint,
  errors,
  type = 'text',
  defaultValue,
  maxLength,
  ...rest
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  id?: string;
  type?: 'text' | 'email' | 'url' | 'number' | 'date' | 'search';
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  inputMode?: 'text' | 'numeric' | 'email' | 'url';
  spellCheck?: boolean;
}) {
  return (
    <FieldFrame name={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors, maxLength)}
        className={inputClass}
        {...rest}
      />
      {maxLength ? <CharacterCount fieldId={id} limit={maxLength} /> : null}
    </FieldFrame>
  );
}

/** `maxLength` is shown as a character count, as for TextField; the browser does not enforce it. */
export function TextArea({
  name,
  id = name,
  label,
  hint,
  errors,
  defaultValue,
  rows = 4,
  maxLength,
  required,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
  id?: string;
}) {
  return (
    <FieldFrame name={id} label={label} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors, maxLength)}
        className={inputClass}
      />
      {maxLength ? <CharacterCount fieldId={id} limit={maxLength} /> : null}
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  options,
  defaultValue,
  placeholder,
  required,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  options: Array<{ value: string; label: string }>;
  defaultValue?: string;
  placeholder?: string;
  required?: boolean;
}) {
  return (
    <FieldFrame name={name} label={label} hint={hint} errors={errors}>
      {/* Keyed on its default: a select only reads defaultValue when it mounts. */}
      <select
        key={defaultValue ?? ''}
        id={name}
        name={name}
        defaultValue={defaultValue ?? ''}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={inputClass}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * Several checkboxes under one question (a fieldset, so the question is read with each box). The fieldset's
 * id is the name: the error summary links to it.
 */
export function CheckboxGroup({
  name,
  legend,
  hint,
  errors,
  options,
  selected = [],
  columns = 1,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  options: Array<{ value: string; label: ReactNode }>;
  selected?: string[];
  columns?: 1 | 2;
}) {
  return (
    // Its id is where the error summary links; tabIndex lets the link (or a script) move focus to it.
    <fieldset id={name} tabIndex={-1} aria-describedby={describedBy(name, hint, errors)} className="space-y-2">
      <legend className="font-medium text-slate-900">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${name}-error`} errors={errors} />
      <div className={columns === 2 ? 'grid gap-2 sm:grid-cols-2' : 'space-y-2'}>
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div key={option.value} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                name={name}
                value={option.value}
                defaultChecked={selected.includes(option.value)}
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

/**
 * One question answered by choosing one option (a fieldset, so the question is read with each option).
 * `idPrefix` keeps ids unique when the same question appears more than once on a page (one per offer); it is
 * also the fieldset's id, where the error summary links.
 */
export function RadioGroup({
  name,
  idPrefix = name,
  legend,
  hint,
  errors,
  options,
  selected,
  inline = false,
}: {
  name: string;
  idPrefix?: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  options: Array<{ value: string; label: ReactNode }>;
  selected?: string;
  /** Options side by side (a 1-5 scale) rather than one per line. */
  inline?: boolean;
}) {
  return (
    <fieldset
      id={idPrefix}
      tabIndex={-1}
      aria-describedby={describedBy(idPrefix, hint, errors)}
      aria-invalid={errors?.length ? true : undefined}
      className="space-y-2"
    >
      <legend className="font-medium text-slate-900">{legend}</legend>
      {hint ? (
        <p id={`${idPrefix}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${idPrefix}-error`} errors={errors} />
      <div className={inline ? 'flex flex-wrap gap-x-5 gap-y-2' : 'space-y-2'}>
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

/**
 * A confirmation, or a notice on a page (not a form's result: a form's problems go in its ErrorSummary);
 * announced by screen readers.
 */
export function FormAlert({ error, success }: { error?: string; success?: string }) {
  if (error) {
    return (
      <div role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900">
        {error}
      </div>
    );
  }
  if (success) {
    return (
      <div role="status" className="rounded-md border border-emerald-700 bg-emerald-50 px-4 py-3 text-emerald-900">
        {success}
      </div>
    );
  }
  return null;
}
