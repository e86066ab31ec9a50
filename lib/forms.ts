// One result shape for every form, so a form can always re-render with the person's input kept and
// each problem shown beside its field (docs/decisions and CONVENTIONS: "Server actions and forms").
import { z } from 'zod';

import type { FieldErrors, FormResult, FormValues } from './form-values';

export * from './form-values';

/** PostgreSQL cannot store NUL characters; nobody types them, so they are dropped on the way in. */
const clean = (text: string) => text.replace(/\u0000/g, '');

/** The submitted fields as plain values (repeated names become arrays); React's own fields are left out. */
export function formValues(input: FormData | Record<string, unknown>): FormValues {
  const values: FormValues = {};
  const entries = input instanceof FormData ? [...input.entries()] : Object.entries(input);
  for (const [key, raw] of entries) {
    if (key.startsWith('$ACTION')) continue;
    const value =
      typeof raw === 'string'
        ? clean(raw)
        : Array.isArray(raw)
          ? raw.map((item) => clean(String(item)))
          : raw instanceof File
            ? ''
            : clean(String(raw ?? ''));
    const existing = values[key];
    if (existing === undefined) values[key] = value;
    else values[key] = [...(Array.isArray(existing) ? existing : [existing]), ...(Array.isArray(value) ? value : [value])];
  }
  return values;
}

export function invalid(values: FormValues, fieldErrors: FieldErrors, formError?: string): FormResult<never> {
  return { ok: false, fieldErrors, formError, values };
}

/** Zod's issues keyed by the top-level field they belong to. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** Parses with `schema`; on failure returns the form result to send back. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: FormValues,
): { ok: true; data: z.output<S> } | { ok: false; result: FormResult<never> } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    result: invalid(values, fieldErrorsFrom(parsed.error), 'Please correct the problems below.'),
  };
}

/** A checkbox: ticked when sent as "on" (or "true"/"1"); absent or anything else is unticked. */
export const checkboxField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => {
    const first = Array.isArray(value) ? value[0] : value;
    return first === 'on' || first === 'true' || first === '1';
  });
