// One result shape for every form, so a form can always re-render with the person's input kept and
// each problem shown beside its field (docs/decisions and CONVENTIONS: "Server actions and forms").
import { z } from 'zod';

import { CORRECT_THE_PROBLEMS, type FieldErrors, type FormResult, type FormValues } from './form-values';

export * from './form-values';

/**
 * PostgreSQL cannot store NUL characters; nobody types them, so they are dropped on the way in. Browsers
 * send a textarea's new lines as CRLF but count each as one character, as the character count under the
 * field does: stored as LF, a text that fits the count fits the limit.
 */
const clean = (text: string) => text.replace(/\u0000/g, '').replace(/\r\n?/g, '\n');

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

/**
 * The errors with `order`'s keys first, in that order (the order the form shows its fields, so the error
 * summary reads from top to bottom); any other key keeps its place after them.
 */
export function inFieldOrder(errors: FieldErrors, order: readonly string[]): FieldErrors {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The fields of an object schema (through any refinement or transform), in the order they are declared. */
function declaredFields(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return declaredFields(schema.in as z.ZodType);
  return [];
}

/**
 * For a check across fields (`.refine`, `.superRefine`): run it whenever `keys` are valid, even when other
 * fields are not. Zod otherwise skips an object's checks once any field has a type error, and the person
 * would meet this problem only after fixing the others.
 */
export function whenFieldsValid(...keys: string[]): { when: (payload: z.core.ParsePayload) => boolean } {
  return { when: (payload) => !payload.issues.some((issue) => keys.includes(String(issue.path?.[0]))) };
}

/**
 * Each field of an object schema parsed on its own: the valid ones, and every field's errors. For forms
 * whose checks across fields are plain code (the ask form): a check runs when the fields it reads are in
 * `fields`, whatever else is wrong.
 */
export function parseFields<S extends z.ZodObject>(
  schema: S,
  values: FormValues,
): { fields: Partial<z.output<S>>; fieldErrors: FieldErrors } {
  const fields: Record<string, unknown> = {};
  const fieldErrors: FieldErrors = {};
  for (const [key, field] of Object.entries(schema.shape) as Array<[string, z.ZodType]>) {
    const parsed = field.safeParse(values[key]);
    if (parsed.success) fields[key] = parsed.data;
    else fieldErrors[key] = parsed.error.issues.map((issue) => issue.message);
  }
  return { fields: fields as Partial<z.output<S>>, fieldErrors };
}

/** Parses with `schema`; on failure returns the form result to send back, its errors in the schema's field order. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: FormValues,
): { ok: true; data: z.output<S> } | { ok: false; result: FormResult<never> } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    result: invalid(values, inFieldOrder(fieldErrorsFrom(parsed.error), declaredFields(schema)), CORRECT_THE_PROBLEMS),
  };
}

/** A free-text field that may be left empty: trimmed, at most `max` characters (else `message`), and null when empty. */
export const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => value || null);

/** A checkbox: ticked when sent as "on" (or "true"/"1"); absent or anything else is unticked. */
export const checkboxField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => {
    const first = Array.isArray(value) ? value[0] : value;
    return first === 'on' || first === 'true' || first === '1';
  });
