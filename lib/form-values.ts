// The one result shape every form shares, and reading the values it keeps. No zod here: client
// components import this module, and a form's bundle should not carry the validation library
// (lib/forms.ts, which the server uses, re-exports all of it).

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string[]>;

export type FormResult<T = undefined> =
  { ok: true; data: T; message?: string } | { ok: false; fieldErrors: FieldErrors; formError?: string; values: FormValues };

/**
 * The form-level message that goes with field errors. The error summary leaves it out when it lists the
 * fields' own messages; any other form error (a refusal, a clash) it shows above them.
 */
export const CORRECT_THE_PROBLEMS = 'Please correct the problems below.';

/**
 * The hidden field with a create form's one-time id, made when the page rendered the form: a second post of the
 * same rendered form gets the first one's result instead of creating again (lib/form-submissions.ts).
 */
export const SUBMISSION_FIELD = 'submission';

/** What a form holds before its first submission. */
export type FormState<T = undefined> = FormResult<T> | null;

/**
 * A server action as a form receives it. Pages bind record ids on the server and pass the bound action
 * down: binding inside a client component makes React loop forever when the form is sent without
 * JavaScript and the action returns a state (vercel/next.js#57867).
 */
export type FormAction<T = undefined, R = FormResult<T>> = (previous: R | null, formData: FormData) => Promise<R>;

/** A single value: the first if the field was sent more than once. */
export function single(values: FormValues, key: string): string | undefined {
  const value = values[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value sent under `key`. */
export function many(values: FormValues, key: string): string[] {
  const value = values[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
